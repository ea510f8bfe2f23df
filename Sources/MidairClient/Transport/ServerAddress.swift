/// Where a server listens: its unix socket (the kernel says who you are),
/// or a TCP base URL (a bearer token does).
public enum ServerAddress: Sendable, Hashable, CustomStringConvertible {
    case socket(path: String)
    /// `http://HOST:PORT`, without a trailing slash.
    case url(String, token: String?)

    /// The socket path or the URL, as messages name the server.
    public var description: String {
        switch self {
        case .socket(let path): path
        case .url(let url, _): url
        }
    }
}
