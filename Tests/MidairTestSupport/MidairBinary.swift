import Foundation

/// The `midair` executable SwiftPM built next to the test bundle, for tests
/// that run the command line.
public enum MidairBinary {
    public static var path: String {
        get throws {
            let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                              URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
                .map { $0.appendingPathComponent("midair").path }
            guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
                throw MidairBinaryError.notBuilt(searched: candidates)
            }
            return found
        }
    }
}

public enum MidairBinaryError: Error, CustomStringConvertible {
    case notBuilt(searched: [String])

    public var description: String {
        switch self {
        case .notBuilt(let searched):
            "the midair executable is not built (looked at \(searched.joined(separator: ", "))): run `swift build` first"
        }
    }
}
