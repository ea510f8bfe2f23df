import Foundation
import Logging
import MidairClient
import MidairCore
import MidairServer
import MidairStore
import ServiceLifecycle
import Synchronization

/// A real server for a test: a real SQLite file in a fresh temporary
/// directory, served on a real unix socket there, through the same
/// `MidairServer` the `midair serve` command runs.
public final class TestServer: Sendable {
    /// The temporary directory holding the socket and the data.
    public let directory: String
    public let socketPath: String
    public let dataDirectory: String
    public let client: MidairClient
    public let raw: RawHTTP

    private let options: Options
    private let running = Mutex<Running?>(nil)

    public struct Options: Sendable {
        /// Where the socket goes; by default `midair.sock` in `directory`.
        public var socketPath: String?
        public var schema: Schema?
        public var seed: [SeedRecord]?
        public var group: String?
        public var maxBodyBytes: Int
        public var keepaliveInterval: Duration
        public var storeOptions: SQLiteRecordStore.Options

        /// - Parameters: `schema` and `seed` default to the default assets.
        public init(
            socketPath: String? = nil, schema: Schema? = nil, seed: [SeedRecord]? = nil, group: String? = nil,
            maxBodyBytes: Int = ServerConfiguration.defaultMaxBodyBytes, keepaliveInterval: Duration = .seconds(15),
            storeOptions: SQLiteRecordStore.Options = .init()
        ) {
            self.socketPath = socketPath
            self.schema = schema
            self.seed = seed
            self.group = group
            self.maxBodyBytes = maxBodyBytes
            self.keepaliveInterval = keepaliveInterval
            self.storeOptions = storeOptions
        }
    }

    private struct Running: Sendable {
        var store: SQLiteRecordStore
        var group: ServiceGroup
        var task: Task<Void, any Error>
    }

    /// Starts a server in a new temporary directory and waits until it answers.
    public static func start(_ options: Options = .init()) async throws -> TestServer {
        let server = TestServer(directory: try TemporaryDirectory.make(), options: options)
        do {
            try await server.launch()
        } catch {
            server.removeFiles()
            throw error
        }
        return server
    }

    /// Starts a server, runs `body` with it, then stops it and removes its files.
    @discardableResult
    public static func with<T>(_ options: Options = .init(), _ body: (TestServer) async throws -> T) async throws -> T {
        let server = try await start(options)
        do {
            let result = try await body(server)
            try await server.stop()
            return result
        } catch {
            try? await server.stop()
            throw error
        }
    }

    private init(directory: String, options: Options) {
        self.directory = directory
        self.options = options
        socketPath = options.socketPath ?? directory + "/midair.sock"
        dataDirectory = directory + "/data"
        client = MidairClient(socketPath: socketPath)
        raw = RawHTTP(socketPath: socketPath)
    }

    /// The store the running server uses, for setting up states the API
    /// cannot make (a key claimed by a request still in flight).
    public var store: SQLiteRecordStore {
        guard let store = running.withLock({ $0?.store }) else { preconditionFailure("the test server is not running") }
        return store
    }

    /// Stops the server gracefully and removes its files.
    public func stop() async throws {
        try await halt()
        removeFiles()
    }

    /// Stops the server and starts a new one on the same socket and data.
    public func restart() async throws {
        try await halt()
        try await launch()
    }

    /// Stops the server, keeping its data, until `resume` starts it again
    /// (a restart with time in between, to watch clients while it is away).
    public func pause() async throws {
        try await halt()
    }

    public func resume() async throws {
        try await launch()
    }

    /// Starts a second server on this socket path with data of its own, as
    /// a second `midair serve` would. It should throw; if it starts, it is
    /// stopped again and this returns.
    public func startSecondServer() async throws {
        let other = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let second = try await launch(store: try await openStore(directory: other + "/data"))
        try await halt(second)
    }

    private var configuration: ServerConfiguration {
        var logger = Logger(label: "midair.test-server")
        logger.logLevel = ProcessInfo.processInfo.environment["MIDAIR_TEST_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        return ServerConfiguration(
            socketPath: socketPath, group: options.group, maxBodyBytes: options.maxBodyBytes,
            keepaliveInterval: options.keepaliveInterval, logger: logger)
    }

    /// Opens the store off the concurrency pool: opening migrates and seeds
    /// with synchronous, fsync'd writes.
    private func openStore(directory: String) async throws -> SQLiteRecordStore {
        let options = self.options
        return try await runBlocking {
            try SQLiteRecordStore(
                directory: directory, schema: try options.schema ?? DefaultAssets.schema(),
                seed: try options.seed ?? DefaultAssets.seed(), options: options.storeOptions)
        }
    }

    private func launch() async throws {
        let started = try await launch(store: try await openStore(directory: dataDirectory))
        running.withLock { $0 = started }
        try await client.healthz()
    }

    /// Runs a server over `store` and waits until it is ready (or failed).
    private func launch(store: SQLiteRecordStore) async throws -> Running {
        let (ready, signalReady) = AsyncStream.makeStream(of: Void.self)
        let server = MidairServer(store: store, configuration: configuration) { signalReady.yield() }
        let group = ServiceGroup(configuration: .init(services: [server], logger: configuration.logger))
        let task = Task {
            defer { signalReady.finish() }
            try await group.run()
        }
        var iterator = ready.makeAsyncIterator()
        guard await iterator.next() != nil else {
            // It stopped before it was ready: say why.
            try await task.value
            throw TestServerError.stoppedBeforeReady
        }
        return Running(store: store, group: group, task: task)
    }

    private func halt() async throws {
        guard let running = running.withLock({ state in defer { state = nil }; return state }) else { return }
        try await halt(running)
    }

    private func halt(_ running: Running) async throws {
        await running.group.triggerGracefulShutdown()
        try await running.task.value
    }

    private func removeFiles() {
        try? FileManager.default.removeItem(atPath: directory)
    }
}

public enum TestServerError: Error {
    case stoppedBeforeReady
}
