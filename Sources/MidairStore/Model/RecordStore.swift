import MidairCore

/// The versioned store behind the API.
///
/// Every write is one transaction that checks its precondition, applies the
/// change, appends the new version at a fresh store-wide revision, and (when
/// the request carried an idempotency key) stores the outcome for replay.
/// Outcomes that a client must react to (a stale `If-Match`, a unique value
/// taken, dependents that block a delete) are values of `WriteOutcome`, not
/// thrown errors, so they can be stored and replayed like successes.
public protocol RecordStore: Sendable {
    var schema: Schema { get }

    /// Live records of a collection in id order, `limit` at a time after the
    /// id `after`; `query` keeps those whose id or any field contains it.
    func list(_ collection: String, limit: Int, after: String?, query: String?) async throws -> RecordPage

    /// The current version of a record, including a tombstone when deleted.
    func current(_ collection: String, _ id: String) async throws -> MidairCore.Record?

    /// Every version of a record, oldest first; empty when it never existed.
    func history(_ collection: String, _ id: String) async throws -> [HistoryEntry]

    /// One version of a record (a tombstone for a deletion), or nil.
    func version(_ collection: String, _ id: String, _ version: Int) async throws -> MidairCore.Record?

    /// Applies a write for `user`. Throws `StoreError` for what is not an
    /// outcome (unknown collection, idempotency key trouble, I/O).
    func write(_ request: WriteRequest, by user: String) async throws -> WriteResult

    /// Changes after `revision`, in revision order, at most `limit`.
    func events(since revision: Int64, limit: Int) async throws -> [ChangeEvent]

    /// The oldest revision `events(since:)` can still start from.
    func oldestEventRevision() async throws -> Int64

    /// The newest revision of the store (0 when empty).
    func latestRevision() async throws -> Int64

    /// Each newly committed revision, for the lifetime of the stream.
    func revisionUpdates() -> AsyncStream<Int64>

    /// The conflict log: every 409 answered, oldest first, after `seq`.
    func conflicts(since seq: Int64, limit: Int) async throws -> [ConflictEntry]

    /// Records a 409 that was decided outside a write (an idempotency key in use).
    func logConflict(_ entry: NewConflict) async throws

    // MARK: Locks

    /// Takes, or renews, the lease on a live record for `seconds`. The
    /// write path checks leases in the write transaction: while one is live,
    /// writes by anyone but its holder are rejected `.locked`.
    func lock(_ collection: String, _ id: String, by user: String, seconds: Int) async throws -> LockOutcome

    /// Releases `user`'s lease on a record.
    func unlock(_ collection: String, _ id: String, by user: String) async throws -> UnlockOutcome

    /// The live lease on a record, or nil when it is free.
    func lockStatus(_ collection: String, _ id: String) async throws -> LockInfo?

    // MARK: Tokens

    /// The user a bearer token belongs to, or nil for an unknown or revoked one.
    func authenticate(token: String) async throws -> String?
}
