import Hummingbird
import NIOCore

/// Who is asking, as the server established it.
struct Identity: Sendable, Encodable {
    var user: String
    /// How: `unix-socket` (peer credentials) or `tcp` (a bearer token).
    var via: String
}

/// The request context of every route: Hummingbird's core storage, the
/// connection it came in on (to ask the kernel who the peer is), and the
/// identity `PeerIdentityMiddleware` settles before any route runs.
struct MidairRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    var identity: Identity?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        identity = nil
    }

    /// Who is asking; every route runs after `PeerIdentityMiddleware` set it.
    func requireIdentity() throws -> Identity {
        guard let identity else { throw Problem(.unauthenticated, "the server could not tell who you are") }
        return identity
    }
}
