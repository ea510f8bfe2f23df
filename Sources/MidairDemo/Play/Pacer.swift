import MidairCore
import MidairTUI

/// The show's clock and its controls: how long each pause lasts at the
/// chosen speed, and whether the audience paused (Space) or asked for one
/// step (→). Headless, pauses take no time but still move the clock the
/// recording is stamped with, so a recorded headless run plays like a live one.
@MainActor
final class Pacer {
    let speed: Double
    let live: Bool
    /// Live: waiting for Space or → before the next step.
    private(set) var paused: Bool
    private var stepOnce = false
    private let started = ContinuousClock.now
    /// Headless: the pauses skipped.
    private var skipped = Duration.zero

    init(speed: Double, live: Bool, stepping: Bool) {
        self.speed = speed
        self.live = live
        paused = stepping && live
    }

    /// Seconds since the start, as the recording counts them.
    var clock: Double {
        (started.duration(to: .now) + skipped).seconds
    }

    /// A pause of `duration` at speed 1.
    func scaled(_ duration: Duration) -> Duration {
        duration / speed
    }

    func skip(_ duration: Duration) {
        skipped += scaled(duration)
    }

    /// Whether a step may start now; taking a single step uses it up.
    func mayStep() -> Bool {
        guard paused else { return true }
        if stepOnce {
            stepOnce = false
            return true
        }
        return false
    }

    enum Control {
        case none, quit
    }

    /// A key from the audience.
    func press(_ key: Key) -> Control {
        switch key {
        case .char(" "): paused.toggle()
        case .right:
            paused = true
            stepOnce = true
        case .char("q"), .escape, .ctrl("c"): return .quit
        default: break
        }
        return .none
    }

    var controls: String {
        (paused ? "PAUSED · → next step · Space plays" : "Space pause · → step") + " · q quit · speed \(speed.formatted())×"
    }
}

private extension Double {
    func formatted() -> String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
