import MidairCore

/// The lease on a record that `midair edit --lock` took before the app
/// started: renewed well inside its time to live, released on the way out.
public struct Lease: Sendable, Hashable {
    public var key: RecordKey
    /// The last answer to a renewal.
    public var lock: LockInfo?

    public init(key: RecordKey, lock: LockInfo? = nil) {
        self.key = key
        self.lock = lock
    }

    /// A quarter of the server's default lease, so two renewals may fail
    /// (a server restart) before it lapses.
    static let renewEvery = Duration.seconds(15)
}
