#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a socket path when we knock.
enum SocketProbe: Equatable {
    /// A server accepted the connection (or its backlog is full: it lives).
    case answering
    /// A socket file nobody listens on: left by a server that died.
    case stale
    case missing
    /// We may not connect; someone else's server, most likely.
    case denied
    case failed(errno: Int32)

    /// Connects to `path` without sending anything and hangs up.
    static func knock(_ path: String) -> SocketProbe {
        #if os(Linux)
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        #else
        let fd = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return .failed(errno: errno) }
        defer { close(fd) }
        let result = UnixSocketAddress.withSockaddr(path) { address, length in connect(fd, address, length) }
        if result == 0 { return .answering }
        switch errno {
        case EAGAIN, EINPROGRESS: return .answering
        case ECONNREFUSED: return .stale
        case ENOENT: return .missing
        case EACCES, EPERM: return .denied
        default: return .failed(errno: errno)
        }
    }
}

/// `sockaddr_un` for a path.
enum UnixSocketAddress {
    /// The longest path a `sockaddr_un` holds (its `sun_path` ends in NUL).
    static let maxPathBytes = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    static func withSockaddr<T>(_ path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8.prefix(maxPathBytes))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
