import MidairTUI
import Synchronization

/// One who takes part in a demo, as the player sees it: a pane on the
/// stage, the requests made so far, and whether it still waits for answers.
@MainActor
protocol Performer: AnyObject {
    var role: Role { get }
    var log: ExchangeLog { get }
    /// Every answer asked for has come.
    var isSettled: Bool { get }
    /// Moves whenever the pane may have changed, so the stage is composed
    /// only then.
    var revision: Int { get }
    /// The pane as it looks now, at `size`.
    func frame(_ size: Size) -> Screen
    func stop() async
}

/// The requests an actor made, in the order the answers came. Written
/// from whatever task got the answer, read by the player.
final class ExchangeLog: Sendable {
    private let entries = Mutex<[Exchange]>([])

    func append(_ exchange: Exchange) {
        entries.withLock { $0.append(exchange) }
    }

    var count: Int { entries.withLock { $0.count } }

    /// The entries from index `start` on.
    func since(_ start: Int) -> [Exchange] {
        entries.withLock { Array($0[min(start, $0.count)...]) }
    }
}
