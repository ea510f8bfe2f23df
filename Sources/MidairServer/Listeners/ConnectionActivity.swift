import NIOCore
import Synchronization

/// Counts the open connections of every listener, and since when there has
/// been none, for `--idle-exit`. An open event stream is a connection, so
/// a client that follows changes keeps the server up.
final class ConnectionActivity: Sendable {
    private struct State {
        var open = 0
        var idleSince = ContinuousClock.now
    }

    private let state = Mutex(State())

    /// How long there has been no connection; zero while there is one.
    var idleFor: Duration {
        state.withLock { $0.open > 0 ? .zero : ContinuousClock.now - $0.idleSince }
    }

    /// A handler for a new connection's pipeline that counts it while it lives.
    func tracker() -> any RemovableChannelHandler {
        Tracker(activity: self)
    }

    fileprivate func opened() {
        state.withLock { $0.open += 1 }
    }

    fileprivate func closed() {
        state.withLock {
            $0.open -= 1
            if $0.open == 0 { $0.idleSince = .now }
        }
    }

    /// Added with the connection's pipeline and removed when it closes: it
    /// passes all traffic on untouched (a pipeline takes only inbound or
    /// outbound handlers) and notes only the connection's life.
    private final class Tracker: ChannelInboundHandler, RemovableChannelHandler {
        typealias InboundIn = NIOAny

        let activity: ConnectionActivity

        init(activity: ConnectionActivity) {
            self.activity = activity
        }

        func handlerAdded(context: ChannelHandlerContext) {
            activity.opened()
        }

        func handlerRemoved(context: ChannelHandlerContext) {
            activity.closed()
        }
    }
}
