#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import NIOCore

/// The process on the other end of a unix socket, as the kernel reports it
/// (`SO_PEERCRED`). A client cannot forge it, which is why it, and no
/// header, says who is asking.
///
/// Laid out as `struct ucred { pid_t pid; uid_t uid; gid_t gid; }`, which
/// Glibc hides behind `_GNU_SOURCE`.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0

    /// The credentials of the peer of `channel`, or nil when the channel is
    /// not a unix socket (TCP, Hummingbird's in-process test channel).
    static func of(_ channel: any Channel) async -> PeerCredentials? {
        #if os(Linux)
        guard let socket = channel as? any SocketOptionProvider,
              channel.localAddress?.protocol == .unix
        else { return nil }
        return try? await socket.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED)
        ).get()
        #else
        return nil
        #endif
    }
}
