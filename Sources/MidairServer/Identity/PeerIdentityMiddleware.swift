import Hummingbird
import MidairCore
import MidairStore
import NIOCore

/// Establishes who is asking before any route runs: on the unix socket from
/// the kernel's peer credentials, over TCP from a bearer token the store
/// knows. Nothing else in a request can change the answer.
struct PeerIdentityMiddleware: RouterMiddleware {
    typealias Context = MidairRequestContext

    let store: any RecordStore

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let identity: Identity
        if let peer = await PeerCredentials.of(context.channel) {
            identity = Identity(user: AccountName.of(uid: peer.uid), via: "unix-socket")
        } else if context.channel.localAddress?.protocol == .inet || context.channel.localAddress?.protocol == .inet6 {
            identity = Identity(user: try await bearer(request), via: "tcp")
        } else {
            throw Problem(.unauthenticated, "connect through the unix socket: it is the only way the server knows who you are")
        }
        var context = context
        context.identity = identity
        context.logger[metadataKey: "user"] = "\(identity.user)"
        return try await next(request, context)
    }

    /// The user of the request's `Authorization: Bearer` token.
    private func bearer(_ request: Request) async throws -> String {
        let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"midair\""]
        guard let header = request.headers[.authorization] else {
            throw Problem(
                .unauthenticated, "over TCP, send Authorization: Bearer <token> (set MIDAIR_TOKEN; `midair token add USER` makes one)",
                headers: challenge)
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem(.unauthenticated, "the Authorization header must be Bearer <token>", headers: challenge)
        }
        guard let user = try await store.authenticate(token: parts[1].trimmingWhitespace()) else {
            throw Problem(.unauthenticated, "the token is not known here (revoked, or made for another server)", headers: challenge)
        }
        return user
    }
}
