import MidairCore

/// The lease of a pessimistic lock: how long it lasts unless renewed.
public enum LockLease {
    public static let defaultSeconds = 60
    /// Longer leases would keep a record from everyone long after its holder
    /// walked away; an editor renews instead.
    public static let maxSeconds = 600
}

/// What asking for a lock came to.
public enum LockOutcome: Sendable, Hashable {
    /// The record was free (or its lease had lapsed): the lease is yours.
    case acquired(LockInfo)
    /// You held it already: the lease runs from now again.
    case renewed(LockInfo)
    case heldByOther(LockInfo)
    /// No live record to lock.
    case notFound
}

/// What releasing a lock came to.
public enum UnlockOutcome: Sendable, Hashable {
    case released(LockInfo)
    /// Nobody holds a live lease on the record.
    case notLocked
    case heldByOther(LockInfo)
}
