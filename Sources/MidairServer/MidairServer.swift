import Hummingbird
import Logging
import MidairStore
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// The midair HTTP API on a unix socket, over a record store.
///
/// A `Service`: run it in a `ServiceGroup` (or with `runUntilSignalled`)
/// and it stops gracefully: open event streams end, requests in flight
/// finish, the socket file is removed.
public struct MidairServer: Service {
    public let store: any RecordStore
    public let configuration: ServerConfiguration
    private let onReady: @Sendable () async -> Void

    /// - Parameter onReady: called once the socket is in place with its
    ///   permissions, so clients can connect.
    public init(store: any RecordStore, configuration: ServerConfiguration, onReady: @escaping @Sendable () async -> Void = {}) {
        self.store = store
        self.configuration = configuration
        self.onReady = onReady
    }

    /// Throws `ServerStartError` when `path` is taken: a server answers
    /// there, or it is not a socket. `run` checks again when it binds; this
    /// lets a caller refuse before opening a store.
    public static func checkSocketIsFree(_ path: String) throws {
        try SocketClaim.checkExisting(path)
    }

    /// Listens until the task is cancelled or shut down gracefully.
    /// Throws `ServerStartError` when it cannot take the socket path.
    public func run() async throws {
        let logger = configuration.logger
        let claim = try SocketClaim.prepare(path: configuration.socketPath, group: configuration.group)
        defer { claim.discardStaging() }
        let listener = NIOLockedValueBox<Result<SocketClaim.Published, any Error>?>(nil)
        let onReady = self.onReady
        // Hummingbird's own info lines name the private staging path; at the
        // info level only midair's lines show.
        var frameworkLogger = logger
        if logger.logLevel == .info { frameworkLogger.logLevel = .notice }
        let app = Application(
            router: APIRouter.make(store: store, configuration: configuration),
            configuration: .init(address: .unixDomainSocket(path: claim.stagedSocket), serverName: "midair"),
            onServerRunning: { channel in
                let result = Result { try claim.publish() }
                listener.withLockedValue { $0 = result }
                switch result {
                case .success:
                    logger.info("midair server listening on \(claim.path)")
                    await onReady()
                case .failure:
                    // Without the path nobody can reach us: stop instead of serving no one.
                    try? await channel.close()
                }
            },
            logger: frameworkLogger)
        defer {
            if case .success(let published) = listener.withLockedValue({ $0 }) { claim.withdraw(published) }
        }
        try await app.run()
        if case .failure(let error) = listener.withLockedValue({ $0 }) { throw error }
        logger.info("midair server on \(claim.path) stopped")
    }

    /// Runs until SIGINT or SIGTERM, then shuts down gracefully.
    public func runUntilSignalled() async throws {
        let group = ServiceGroup(configuration: .init(
            services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: configuration.logger))
        try await group.run()
    }
}
