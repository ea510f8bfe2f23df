import Foundation
import MidairTestSupport

/// Runs a script of Tests/e2e with the built `midair`, returning its exit
/// status and output. The scripts drive real terminals (tmux) and real
/// servers; each cleans up after itself.
enum E2EScript {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("e2e")

    static func run(_ name: String, arguments: [String] = []) async throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [directory.appendingPathComponent(name).path, try MidairBinary.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        // Blocking reads on a thread of their own, never on Swift's cooperative pool.
        let output = try await runBlocking {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        return (process.terminationStatus, output)
    }

    /// Whether tmux is installed (`.ci/run` installs it).
    static var hasTmux: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
