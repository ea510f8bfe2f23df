import Hummingbird
import MidairCore

/// Establishes who is asking from the kernel's peer credentials, before any
/// route runs. Nothing in the request itself can change the answer.
struct PeerIdentityMiddleware: RouterMiddleware {
    typealias Context = MidairRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let peer = await PeerCredentials.of(context.channel) else {
            throw Problem(.unauthenticated, "connect through the unix socket: it is the only way the server knows who you are")
        }
        let identity = Identity(user: AccountName.of(uid: peer.uid), via: "unix-socket")
        var context = context
        context.identity = identity
        context.logger[metadataKey: "user"] = "\(identity.user)"
        return try await next(request, context)
    }
}
