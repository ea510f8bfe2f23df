import Foundation
import MidairDemo
import Testing

/// Every built-in scenario, played headless against its own throw-away
/// server: the project's end-to-end suite of edit collisions.
@Suite("the built-in scenarios, headless", .serialized)
struct ScenarioTests {
    @Test("plays with every expectation met, and leaves no directory behind", arguments: Catalog.names)
    @MainActor
    func scenario(_ name: String) async throws {
        let outcome = try await Demo.play(try Demo.load(name), DemoOptions(headless: true))
        #expect(outcome.succeeded, "\(outcome.transcript)")
        #expect(outcome.passed > 0)
        let directory = try #require(Transcript.serverDirectory(outcome.transcript))
        #expect(!FileManager.default.fileExists(atPath: directory), "\(directory) was left behind")
    }

    @Test("the inventory race ends at the exact stock and counts its 409s and retries")
    @MainActor
    func inventoryCounts() async throws {
        let outcome = try await Demo.play(try Demo.load("inventory-race"), DemoOptions(headless: true))
        #expect(outcome.succeeded, "\(outcome.transcript)")
        let tally = try #require(outcome.transcript.split(separator: "\n").first { $0.contains("× 409,") })
        let conflicts = Int(tally.split(separator: ":")[1].split(separator: "×")[0].trimmingCharacters(in: .whitespaces)) ?? 0
        // All eight write at once on the same version: seven lose the first round.
        #expect(conflicts >= 7, "\(tally)")
        #expect(tally.contains("retries"))
    }

    @Test("a failed expectation fails the run, naming its line and showing the actor's screen")
    @MainActor
    func failedExpectation() async throws {
        let script = """
            about A save that is expected to fail but does not
            actor alice edit articles/welcome
            client api
            say Alice saves nothing.
            expect alice text "this is never shown"
            """
        let scenario = try ScriptParser.parse(script, name: "wrong", file: "wrong.demo")
        let outcome = try await Demo.play(scenario, DemoOptions(headless: true))
        #expect(!outcome.succeeded)
        #expect(outcome.failures == ["wrong.demo:5: expected alice's screen shows “this is never shown”"])
        #expect(outcome.transcript.contains("--- alice's screen:"))
        #expect(outcome.transcript.contains("Welcome to midair"))
    }
}

enum Transcript {
    /// The server's directory, from the `server: DIR/midair.sock` line.
    static func serverDirectory(_ transcript: String) -> String? {
        guard let line = transcript.split(separator: "\n").first(where: { $0.hasPrefix("server: ") }) else { return nil }
        let socket = line.dropFirst("server: ".count).split(separator: " ")[0]
        return URL(fileURLWithPath: String(socket)).deletingLastPathComponent().path
    }
}
