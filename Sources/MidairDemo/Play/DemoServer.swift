import Foundation
import Logging
import MidairClient
import MidairServer
import MidairStore
import ServiceLifecycle

/// The private, throw-away server a demo plays against: the real
/// `MidairServer` over a fresh SQLite store seeded with the sample records,
/// on a socket in a new temporary directory, run in this process. `stop`
/// shuts it down and removes the directory, so nothing of a demo remains.
///
/// The actors connect over loopback TCP, each with a bearer token of its
/// own name: on the unix socket they would all be you, and the server
/// would name you as every author and let your lock pass your own saves.
final class DemoServer: Sendable {
    let directory: String
    let socketPath: String
    private let url: String
    private let store: SQLiteRecordStore
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    struct StartFailed: Error, CustomStringConvertible {
        var description: String
    }

    static func start() async throws -> DemoServer {
        let directory = try makeDirectory()
        do {
            let store = try await openStore(directory + "/data")
            return try await DemoServer(directory: directory, store: store)
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    private init(directory: String, store: SQLiteRecordStore) async throws {
        self.directory = directory
        self.store = store
        socketPath = directory + "/midair.sock"
        let listen = ListenAddress(host: "127.0.0.1", port: try Self.freePort())
        url = listen.url(port: listen.port)
        var logger = Logger(label: "midair.demo-server")
        logger.logLevel = .error
        let (ready, signalReady) = AsyncStream.makeStream(of: Void.self)
        let server = MidairServer(store: store, configuration: ServerConfiguration(socketPath: socketPath, listen: listen, logger: logger)) {
            signalReady.yield()
        }
        let group = ServiceGroup(configuration: .init(services: [server], logger: logger))
        self.group = group
        task = Task {
            defer { signalReady.finish() }
            try await group.run()
        }
        var iterator = ready.makeAsyncIterator()
        guard await iterator.next() != nil else {
            try await task.value
            throw StartFailed(description: "the demo's server stopped before it answered")
        }
    }

    /// A client on the socket, for the player's own checks.
    func client() -> MidairClient {
        MidairClient(socketPath: socketPath, timeout: .seconds(10))
    }

    /// A client that the server knows as `user`.
    func client(as user: String) async throws -> MidairClient {
        let token = try await store.addToken(for: user)
        return MidairClient(url: url, token: token.secret, timeout: .seconds(10))
    }

    /// A drafts journal of its own for each actor, inside the directory.
    func draftsDirectory(for actor: String) -> String {
        directory + "/drafts/" + actor
    }

    /// Shuts the server down (event streams end, requests in flight
    /// finish), then removes the directory.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Under `$TMPDIR` when its path is short, else /tmp: a unix socket
    /// path must fit in 107 bytes.
    private static func makeDirectory() throws -> String {
        let tmp = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.hasPrefix("/") && $0.utf8.count < 64 ? $0 : nil } ?? "/tmp"
        var template = Array(((tmp.hasSuffix("/") ? tmp : tmp + "/") + "midair-demo-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StartFailed(description: "cannot make a temporary directory: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }

    /// A loopback port nobody listens on now: the server is told to take it.
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw StartFailed(description: "cannot open a socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw StartFailed(description: "cannot find a free loopback port: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Opening migrates and seeds with fsync'd writes: done on a thread of
    /// its own, not on the concurrency pool the server needs.
    private static func openStore(_ path: String) async throws -> SQLiteRecordStore {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result {
                    try SQLiteRecordStore(directory: path, schema: DefaultAssets.schema(), seed: DefaultAssets.seed())
                })
            }.start()
        }
    }
}
