import Foundation
import MidairDemo
import MidairTestSupport
import Testing

/// `--record`: an asciicast v2 file asciinema can play.
@Suite("recording")
struct RecordingTests {
    @Test("a headless run records a valid asciicast v2: a header, then timed output events")
    @MainActor
    func asciicast() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/demo.cast"
        let outcome = try await Demo.play(try Demo.load("duplicate-create"), DemoOptions(headless: true, record: path))
        #expect(outcome.succeeded, "\(outcome.transcript)")

        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2)
        #expect(header["width"] as? Int == 161)
        #expect(header["height"] as? Int == 28)
        #expect(header["timestamp"] is Int)

        let events = try lines.dropFirst().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any]) }
        #expect(events.count > 20)
        var last = 0.0
        for event in events {
            let time = try #require(event[0] as? Double)
            #expect(time >= last)
            last = time
            #expect(event[1] as? String == "o")
            #expect(event[2] is String)
        }
        // Paced as the live demo would be, though headless took far less.
        #expect(last > 10)
        let shown = events.compactMap { $0[2] as? String }.joined()
        #expect(shown.contains("already has email"))
        #expect(shown.hasPrefix("\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J"))
    }
}
