import Hummingbird
import HummingbirdCore
import Logging
import MidairCore
import MidairStore
import NIOConcurrencyHelpers
import NIOCore
import ServiceLifecycle

/// The midair HTTP API on a unix socket (and, when configured, on TCP with
/// bearer tokens), over a record store.
///
/// A `Service`: run it in a `ServiceGroup` (or with `runUntilSignalled`)
/// and it stops gracefully: open event streams end, requests in flight
/// finish, the socket file is removed. With `idleExit` it also stops by
/// itself once nobody has been connected for that long.
public struct MidairServer: Service {
    public let store: any RecordStore
    public let configuration: ServerConfiguration
    private let onReady: @Sendable () async -> Void

    /// - Parameter onReady: called once every listener is up, the socket in
    ///   place with its permissions, so clients can connect.
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
        let readiness = Readiness(listeners: configuration.listen == nil ? 1 : 2, onReady: onReady)
        let activity = ConnectionActivity()
        let notices = Broadcast<ServerEvent>(buffering: .bufferingNewest(1024))
        let presence = PresenceBoard(ttl: configuration.presenceTTL, events: notices)
        defer { notices.finishAll() }
        let responder = APIRouter.make(store: store, configuration: configuration, notices: notices, presence: presence).buildResponder()
        // Hummingbird's own info lines name the private staging path; at the
        // info level only midair's lines show.
        var frameworkLogger = logger
        if logger.logLevel == .info { frameworkLogger.logLevel = .notice }
        let http = HTTPServerBuilder.http1(configuration: .init(additionalChannelHandlers: [activity.tracker()]))

        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [.init(service: Application(
            responder: responder, server: http,
            configuration: .init(address: .unixDomainSocket(path: claim.stagedSocket), serverName: "midair"),
            onServerRunning: { channel in
                let result = Result { try claim.publish() }
                listener.withLockedValue { $0 = result }
                switch result {
                case .success:
                    logger.info("midair server listening on \(claim.path)")
                    await readiness.arrive()
                case .failure:
                    // Without the path nobody can reach us: stop instead of serving no one.
                    try? await channel.close()
                }
            },
            logger: frameworkLogger))]
        if let listen = configuration.listen {
            if !listen.isLoopback {
                logger.warning("listening on \(listen) beyond this host without TLS: tokens and records cross the network in plain text")
            }
            services.append(.init(service: Application(
                responder: responder, server: http,
                configuration: .init(address: .hostname(listen.host, port: listen.port), serverName: "midair"),
                onServerRunning: { channel in
                    logger.info("midair server listening on \(listen.url(port: channel.localAddress?.port ?? listen.port)) (bearer tokens)")
                    await readiness.arrive()
                },
                logger: frameworkLogger)))
        }
        services.append(.init(service: PresenceSweeper(board: presence)))
        if let limit = configuration.idleExit {
            services.append(.init(
                service: IdleExit(activity: activity, limit: limit, logger: logger),
                successTerminationBehavior: .gracefullyShutdownGroup))
        }
        defer {
            if case .success(let published) = listener.withLockedValue({ $0 }) { claim.withdraw(published) }
        }
        do {
            try await ServiceGroup(configuration: .init(services: services, logger: frameworkLogger)).run()
        } catch {
            // A listener that stopped because the socket could not be published says why.
            if case .failure(let failure) = listener.withLockedValue({ $0 }) { throw failure }
            throw error
        }
        if case .failure(let error) = listener.withLockedValue({ $0 }) { throw error }
        logger.info("midair server on \(claim.path) stopped")
    }

    /// Runs until SIGINT or SIGTERM (or `idleExit`), then shuts down gracefully.
    public func runUntilSignalled() async throws {
        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: self, successTerminationBehavior: .gracefullyShutdownGroup)], logger: configuration.logger)
        groupConfiguration.gracefulShutdownSignals = [.sigterm, .sigint]
        let group = ServiceGroup(configuration: groupConfiguration)
        try await group.run()
    }
}

/// Calls `onReady` once every listener has arrived.
private final class Readiness: Sendable {
    private let remaining: NIOLockedValueBox<Int>
    private let onReady: @Sendable () async -> Void

    init(listeners: Int, onReady: @escaping @Sendable () async -> Void) {
        remaining = NIOLockedValueBox(listeners)
        self.onReady = onReady
    }

    func arrive() async {
        let left = remaining.withLockedValue { n in
            n -= 1
            return n
        }
        if left == 0 { await onReady() }
    }
}
