import Foundation
import Testing
@testable import MidairTUI

/// Screens compared with text files under `Golden/`, next to the tests
/// (read from the source tree, so no resource bundle is needed). Run with
/// `MIDAIR_UPDATE_GOLDEN=1` to write them anew after a deliberate change,
/// then read the diff.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func check(_ screen: Screen, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = screen.text
        if ProcessInfo.processInfo.environment["MIDAIR_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(url.path); run with MIDAIR_UPDATE_GOLDEN=1 to write it", sourceLocation: sourceLocation)
            return
        }
        #expect(actual == expected, "screen differs from Golden/\(name).txt", sourceLocation: sourceLocation)
    }
}
