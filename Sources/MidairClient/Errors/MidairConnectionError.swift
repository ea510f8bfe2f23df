/// The server could not be reached, or stopped answering. Each case names
/// the server (its socket path, or its URL over TCP) and says what to try.
public enum MidairConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing at the path.
    case noSocket(path: String)
    /// A socket file nobody listens on (a server that stopped).
    case noServer(path: String)
    /// The socket (or its directory) does not let this user in. `group` is
    /// the group it is shared with, the one to join, when there is one.
    case permissionDenied(path: String, group: String?)
    /// Nothing listens at a TCP address.
    case refused(url: String)
    /// Connected, but no answer in time.
    case timedOut(path: String, after: Duration)
    /// The connection broke before the answer was complete.
    case closed(path: String)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .noSocket(let path):
            "no midair server at \(path): the socket does not exist (start one with `midair serve --socket \(path) --data DIR`)"
        case .noServer(let path):
            "no midair server answers at \(path): the socket is left from a server that stopped"
        case .permissionDenied(let path, let group?):
            "permission denied connecting to \(path): it is shared with group '\(group)', and you are not in it; "
                + "ask an admin to add you to it (`sudo usermod -aG \(group) $USER`), then log in again"
        case .permissionDenied(let path, nil):
            "permission denied connecting to \(path): the server is another user's (its owner can share it with --group)"
        case .refused(let url):
            "no midair server answers at \(url): nothing listens there (is `midair serve --listen` running?)"
        case .timedOut(let path, let limit):
            "the midair server at \(path) did not answer within \(limit)"
        case .closed(let path):
            "the midair server at \(path) closed the connection"
        case .failed(let path, let reason):
            "cannot talk to the midair server at \(path): \(reason)"
        }
    }
}
