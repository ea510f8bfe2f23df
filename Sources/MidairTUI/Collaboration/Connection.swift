import MidairClient
import MidairCore

/// The app's link to the server, as the event stream reports it. Every
/// page's status line says when it is down; edits go on meanwhile (they
/// are journaled) and save once it is back.
public enum Connection: Sendable, Hashable {
    /// Before the event stream first opened.
    case connecting
    case connected
    /// The stream broke (a server restart, say): retry `attempt` comes `after` this long.
    case reconnecting(attempt: Int, after: Duration, reason: String)
    /// The server refused the stream for good (a revoked token): no retry helps.
    case refused(String)

    /// The status line's note while not connected; nil when all is well.
    var note: String? {
        switch self {
        case .connecting, .connected:
            nil
        case .reconnecting(let attempt, let after, _):
            "server away · reconnecting (try \(attempt), in \(Self.seconds(after))) · edits kept"
        case .refused:
            "not following changes: the server refused"
        }
    }

    static func seconds(_ duration: Duration) -> String {
        let s = duration.seconds
        return s < 10 ? String(format: "%.1f s", s) : "\(Int(s)) s"
    }
}
