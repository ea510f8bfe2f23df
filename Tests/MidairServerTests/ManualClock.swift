import Foundation
import Synchronization

/// A clock a test moves by hand, for leases and presence that lapse.
final class ManualClock: Sendable {
    /// 2023-11-14T22:13:20Z.
    static let start = Date(timeIntervalSince1970: 1_700_000_000)

    private let date = Mutex(ManualClock.start)

    var now: @Sendable () -> Date { { self.date.withLock { $0 } } }

    func advance(_ seconds: Double) {
        date.withLock { $0 += seconds }
    }
}
