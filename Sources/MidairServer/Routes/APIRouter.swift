import Hummingbird
import MidairStore

/// The whole v1 API: middleware first (it only wraps routes added after
/// it), then every route.
enum APIRouter {
    static func make(store: any RecordStore, configuration: ServerConfiguration) -> Router<MidairRequestContext> {
        let router = Router(context: MidairRequestContext.self, options: .autoGenerateHeadEndpoints)
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: PeerIdentityMiddleware())
        ServiceRoutes(store: store).register(on: router)
        RecordRoutes(store: store, maxBodyBytes: configuration.maxBodyBytes, logger: configuration.logger).register(on: router)
        EventRoutes(store: store, keepaliveInterval: configuration.keepaliveInterval).register(on: router)
        return router
    }
}
