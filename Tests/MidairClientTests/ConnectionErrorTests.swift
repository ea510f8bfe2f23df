import Foundation
import MidairClient
import MidairTestSupport
import Testing

@Suite("an unreachable server is reported quickly and clearly")
struct ConnectionErrorTests {
    @Test func aMissingSocketFailsAtOnceNamingIt() async throws {
        let path = "/tmp/midair-nowhere-\(UUID().uuidString.prefix(8))/midair.sock"
        let client = MidairClient(socketPath: path)
        let clock = ContinuousClock()
        let start = clock.now
        let error = await #expect(throws: MidairConnectionError.noSocket(path: path)) { try await client.whoami() }
        // Alone it takes milliseconds. The bound is loose because the suite
        // runs many servers and processes at once; a hang would be a minute.
        #expect(clock.now - start < .seconds(20))
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("does not exist") == true)
        #expect(await client.isServerAnswering() == false)
    }

    @Test func aStaleSocketSaysNoServerAnswers() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/midair.sock"
        let fd = try UnixListener.bind(path)
        close(fd)
        await #expect(throws: MidairConnectionError.noServer(path: path)) {
            try await MidairClient(socketPath: path).healthz()
        }
    }

    @Test func aServerThatNeverAnswersTimesOut() async throws {
        let directory = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/midair.sock"
        let fd = try UnixListener.bind(path)
        defer { close(fd) }
        listen(fd, 8)
        let client = MidairClient(socketPath: path, timeout: .milliseconds(300))
        let error = await #expect(throws: MidairConnectionError.timedOut(path: path, after: .milliseconds(300))) { try await client.whoami() }
        #expect(error?.description == "the midair server at \(path) did not answer within 0.3 seconds")
    }

    @Test(.disabled(if: getuid() == 0, "root may connect to any socket"))
    func aSocketOfAnotherUserIsPermissionDenied() async throws {
        try await TestServer.with { server in
            chmod(server.socketPath, 0o000)
            await #expect(throws: MidairConnectionError.permissionDenied(path: server.socketPath, group: nil)) {
                try await server.client.healthz()
            }
        }
    }
}

/// A bare unix socket that is bound but (until `listen`) not listening.
enum UnixListener {
    static func bind(_ path: String) throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else {
            close(fd)
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        return fd
    }
}
