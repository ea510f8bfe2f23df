import Foundation
import MidairTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A `midair serve` (or any long-running `midair`) child process, its
/// stderr in a log file, for tests of what only a real process shows:
/// exiting when idle, listening on TCP, tokens added beside it.
final class ServeProcess: Sendable {
    let process: Process
    let log: String

    /// Starts `midair arguments...`, logging to `log`.
    init(_ arguments: [String], log: String, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try MidairBinary.path)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: log)
        try process.run()
        self.process = process
        self.log = log
    }

    var isRunning: Bool { process.isRunning }

    /// The log so far.
    func logText() async throws -> String {
        let log = self.log
        return try await runBlocking { try String(contentsOfFile: log, encoding: .utf8) }
    }

    /// Waits until the log has a line containing `text`; returns that line.
    func waitForLog(_ text: String, limit: Duration = .seconds(30)) async throws -> String {
        try await poll(limit) {
            try await self.logText().split(separator: "\n").first { $0.contains(text) }.map(String.init)
        }
    }

    /// Waits for the process to exit by itself; returns its status.
    func waitForExit(limit: Duration = .seconds(30)) async throws -> Int32 {
        try await poll(limit) { self.process.isRunning ? nil : self.process.terminationStatus }
    }

    /// SIGTERM, then SIGKILL if it lingers: no test leaves a server behind.
    func stop() async {
        guard process.isRunning else { return }
        process.terminate()
        if (try? await waitForExit(limit: .seconds(10))) == nil { kill(process.processIdentifier, SIGKILL) }
    }

    /// The port of `listening on http://HOST:PORT` in the log.
    func tcpURL() async throws -> String {
        let line = try await waitForLog("listening on http://")
        guard let start = line.range(of: "http://") else { throw ServeProcessError("no URL in: \(line)") }
        return String(line[start.lowerBound...].prefix { !$0.isWhitespace })
    }
}

/// Asks `check` every 50 ms until it has an answer, for at most `limit`.
func poll<T: Sendable>(_ limit: Duration, _ check: @escaping @Sendable () async throws -> T?) async throws -> T {
    let deadline = ContinuousClock.now + limit
    while ContinuousClock.now < deadline {
        if let answer = try await check() { return answer }
        try await Task.sleep(for: .milliseconds(50))
    }
    throw ServeProcessError("nothing came within \(limit)")
}

struct ServeProcessError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
