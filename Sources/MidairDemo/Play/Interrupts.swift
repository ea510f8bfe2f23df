import Dispatch
import Foundation
import Synchronization

/// SIGINT, SIGHUP and SIGTERM, caught while a demo plays so that it stops
/// the way `q` does: actors stopped, server shut down, temporary directory
/// removed, terminal given back. The player checks `caught` between steps
/// and while it waits.
final class Interrupts: Sendable {
    static let signals: [Int32] = [SIGINT, SIGHUP, SIGTERM]
    private let received = Atomic<Int32>(0)

    /// Catches the signals until the sources it returns are given to `stop`.
    func start() -> [any DispatchSourceSignal] {
        let queue = DispatchQueue(label: "midair.demo.signals")
        var made: [any DispatchSourceSignal] = []
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in _ = self.received.compareExchange(expected: 0, desired: number, ordering: .relaxed) }
            source.resume()
            made.append(source)
        }
        return made
    }

    /// The signal that arrived, if one did.
    var caught: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Puts back the default handlers.
    static func stop(_ sources: [any DispatchSourceSignal]) {
        for source in sources { source.cancel() }
        for number in signals { signal(number, SIG_DFL) }
    }
}
