import Foundation
import MidairTestSupport

/// Runs the built `midair` executable as a script would.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

func midair(_ arguments: [String], socket: String?, environment: [String: String] = [:], stdin: String? = nil) async throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try MidairBinary.path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["MIDAIR_SOCKET"] = socket
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Read both pipes to the end before waiting, so a full pipe cannot stall
    // the child. The blocking calls run on threads of their own: blocking
    // Swift's cooperative pool would starve the in-process server.
    async let o = runBlocking { out.fileHandleForReading.readDataToEndOfFile() }
    async let e = runBlocking { err.fileHandleForReading.readDataToEndOfFile() }
    let (stdoutData, stderrData) = try await (o, e)
    try await runBlocking { process.waitUntilExit() }
    return CLIRun(
        status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
        stderr: String(decoding: stderrData, as: UTF8.self))
}

