import Hummingbird
import MidairCore
import MidairStore

/// The whole v1 API: middleware first (it only wraps routes added after
/// it), then every route.
enum APIRouter {
    static func make(
        store: any RecordStore, configuration: ServerConfiguration, notices: Broadcast<ServerEvent>, presence: PresenceBoard
    ) -> Router<MidairRequestContext> {
        let router = Router(context: MidairRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: PeerIdentityMiddleware(store: store))
        ServiceRoutes(store: store).register(on: router)
        RecordRoutes(store: store, maxBodyBytes: configuration.maxBodyBytes, logger: configuration.logger).register(on: router)
        LockRoutes(store: store, events: notices).register(on: router)
        PresenceRoutes(board: presence, schema: store.schema).register(on: router)
        EventRoutes(store: store, notices: notices, presence: presence, keepaliveInterval: configuration.keepaliveInterval)
            .register(on: router)
        return router
    }
}
