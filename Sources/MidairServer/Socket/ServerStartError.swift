#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a server did not start listening. Each says what to do about it.
public enum ServerStartError: Error, Sendable, Equatable, CustomStringConvertible {
    case alreadyRunning(path: String)
    case notASocket(path: String)
    case cannotCheck(path: String)
    case pathTooLong(path: String, limit: Int)
    case unknownGroup(String)
    case system(call: String, path: String, errno: Int32)

    public var description: String {
        switch self {
        case .alreadyRunning(let path):
            "another midair server is already running on \(path)"
        case .notASocket(let path):
            "\(path) exists and is not a socket; remove it or choose another --socket"
        case .cannotCheck(let path):
            "\(path) is a socket this user may not connect to (another user's server?); choose another --socket"
        case .pathTooLong(let path, let limit):
            "the socket path \(path) is \(path.utf8.count) bytes; unix sockets allow \(limit): choose a shorter --socket"
        case .unknownGroup(let group):
            "there is no group '\(group)'"
        case .system(let call, let path, let code):
            "\(call) \(path): \(String(cString: strerror(code)))"
        }
    }
}
