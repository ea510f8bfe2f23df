/// A pessimistic lock on one record: a lease its holder renews while
/// editing. Until `expiresAt`, writes by anyone else are answered 423.
public struct LockInfo: Sendable, Hashable, Codable {
    public var collection: String
    public var id: String
    /// The account that holds the lease.
    public var holder: String
    /// When the holder first took the lease (a renewal keeps it).
    public var acquiredAt: String
    /// When the lease lapses unless renewed (RFC 3339 UTC).
    public var expiresAt: String

    public init(collection: String, id: String, holder: String, acquiredAt: String, expiresAt: String) {
        self.collection = collection
        self.id = id
        self.holder = holder
        self.acquiredAt = acquiredAt
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case collection, id, holder
        case acquiredAt = "acquired_at"
        case expiresAt = "expires_at"
    }
}

/// The members of a 423 `locked` problem: who holds the lease and until
/// when at the top level (what a person reads), and the whole lock.
public struct LockedRejection: Sendable, Hashable, Codable {
    public var lockedBy: String
    public var expiresAt: String
    public var lock: LockInfo

    public init(_ lock: LockInfo) {
        lockedBy = lock.holder
        expiresAt = lock.expiresAt
        self.lock = lock
    }

    enum CodingKeys: String, CodingKey {
        case lock
        case lockedBy = "locked_by"
        case expiresAt = "expires_at"
    }
}

/// A change of a lock, as `/v1/events` streams it (`event: lock`). A lease
/// that runs out announces nothing: `expires_at` says when it lapses.
public struct LockEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable {
        case acquired, renewed, released
    }

    public var kind: Kind
    public var lock: LockInfo
    /// When it happened (RFC 3339 UTC).
    public var at: String

    public init(kind: Kind, lock: LockInfo, at: String) {
        self.kind = kind
        self.lock = lock
        self.at = at
    }
}
