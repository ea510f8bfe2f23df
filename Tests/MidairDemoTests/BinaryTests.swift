import Foundation
import MidairTestSupport
import Testing

/// `midair demo` as users run it: the built binary.
@Suite("midair demo, the command", .serialized)
struct BinaryTests {
    @Test("--list prints every scenario with a line about it")
    func list() async throws {
        let run = try await Midair.run(["demo", "--list"])
        #expect(run.status == 0)
        let names = run.output.split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        #expect(names == ["concurrent-edit", "duplicate-create", "delete-referenced", "idempotent-retry", "inventory-race", "stale-cache", "lock"])
    }

    @Test("--headless prints the narration, every status and the frames, and exits 0")
    func headless() async throws {
        let run = try await Midair.run(["demo", "concurrent-edit", "--headless"])
        #expect(run.status == 0, "\(run.output)")
        #expect(run.output.contains("» Bob saves anyway."))
        #expect(run.output.contains("bob    PUT /v1/records/articles/welcome If-Match"))
        #expect(run.output.contains("→ 409 edit-conflict"))
        #expect(run.output.contains("merge articles/welcome"))
        #expect(run.output.contains("PASS concurrent-edit"))
    }

    @Test("a script mistake is reported as file:line and exits 2")
    func scriptMistake() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/mine.demo"
        try "about mine\nactor alice browse\n\nalice keys Enter Sideways\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await Midair.run(["demo", path, "--headless"])
        #expect(run.status == 2)
        #expect(run.output.contains("\(path):4: unknown key 'Sideways'"), "\(run.output)")
    }

    @Test("a failed expectation exits 1")
    func failedExpectation() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/wrong.demo"
        try "about wrong\nactor alice browse\nclient api\nexpect record products/widget stock 7\n".write(toFile: path, atomically: true, encoding: .utf8)
        let run = try await Midair.run(["demo", path, "--headless"])
        #expect(run.status == 1, "\(run.output)")
        #expect(run.output.contains("\(path):4: expected products/widget has stock = 7 on the server"))
    }

    @Test("a live demo without a terminal says to use --headless")
    func needsTerminal() async throws {
        let run = try await Midair.run(["demo", "lock"])
        #expect(run.status == 2)
        #expect(run.output.contains("--headless"))
    }
}

/// Runs the built `midair` with its output and errors in one string.
enum Midair {
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try MidairBinary.path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Blocking reads on a thread of their own, never on Swift's cooperative pool.
        let output = try await runBlocking {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        return (process.terminationStatus, output)
    }
}
