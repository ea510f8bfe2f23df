/// Exponential backoff with full jitter: attempt n waits a random time in
/// [0, min(cap, base * 2^n)], so that writers who collided do not collide
/// again in lockstep (AWS Architecture Blog, "Exponential Backoff And Jitter").
public struct Backoff: Sendable, Hashable {
    public var base: Duration
    public var cap: Duration

    public init(base: Duration = .milliseconds(25), cap: Duration = .seconds(2)) {
        self.base = base
        self.cap = cap
    }

    /// The longest wait before retry number `attempt` (0 for the first retry).
    public func ceiling(attempt: Int) -> Duration {
        let factor = 1 << min(max(attempt, 0), 30)
        return min(cap, base * factor)
    }

    /// A random wait before retry number `attempt`.
    public func delay(attempt: Int, using rng: inout some RandomNumberGenerator) -> Duration {
        let ceilingNanos = ceiling(attempt: attempt).components.seconds * 1_000_000_000
            + ceiling(attempt: attempt).components.attoseconds / 1_000_000_000
        return .nanoseconds(Int64.random(in: 0...max(ceilingNanos, 0), using: &rng))
    }

    public func delay(attempt: Int) -> Duration {
        var rng = SystemRandomNumberGenerator()
        return delay(attempt: attempt, using: &rng)
    }
}
