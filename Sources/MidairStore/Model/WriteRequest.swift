import MidairCore

/// A write, as the API asks for it.
public struct WriteRequest: Sendable, Hashable, Codable {
    public enum Operation: Sendable, Hashable, Codable {
        /// POST: a new record; the id is made from the title when not given.
        case create(id: String?, fields: Fields)
        /// PUT with `If-Match`: replace the fields of the version at `ifMatch`.
        case replace(id: String, fields: Fields, ifMatch: Int64)
        /// PUT with `If-None-Match: *`: create under this id only if absent.
        case createExclusive(id: String, fields: Fields)
        /// DELETE with `If-Match`: leave a tombstone at a new revision.
        case delete(id: String, ifMatch: Int64)
    }

    public var collection: String
    public var operation: Operation
    /// The client's `Idempotency-Key`, scoped to the writing user.
    public var idempotencyKey: String?

    public init(collection: String, operation: Operation, idempotencyKey: String? = nil) {
        self.collection = collection
        self.operation = operation
        self.idempotencyKey = idempotencyKey
    }

    /// The record id the request names, when it names one.
    public var recordID: String? {
        switch operation {
        case .create(let id, _): id
        case .replace(let id, _, _), .createExclusive(let id, _), .delete(let id, _): id
        }
    }
}

/// What a write came to, plus whether it was replayed from an earlier request
/// with the same idempotency key.
public struct WriteResult: Sendable, Hashable {
    public var outcome: WriteOutcome
    public var replayed: Bool

    public init(outcome: WriteOutcome, replayed: Bool) {
        self.outcome = outcome
        self.replayed = replayed
    }
}

/// Everything a write can come to inside its transaction. Stored as JSON with
/// an idempotency key, so a retry gets the very same answer.
public enum WriteOutcome: Sendable, Hashable, Codable {
    case created(MidairCore.Record)
    case updated(MidairCore.Record)
    /// The tombstone left by the delete.
    case deleted(MidairCore.Record)
    case rejected(WriteRejection)
}

public enum WriteRejection: Sendable, Hashable, Codable {
    /// `If-Match` named a revision that is no longer current.
    case editConflict(EditConflict)
    /// The id, or a unique field's value, belongs to another live record.
    case alreadyExists(AlreadyExists)
    /// Live records refer to the one being deleted.
    case hasDependents(HasDependents)
    /// `If-None-Match: *` and the record exists.
    case preconditionFailed(current: MidairCore.Record)
    case notFound(collection: String, id: String)
    case invalid(ValidationErrors)
    /// Someone else holds a live lock on the record.
    case locked(LockInfo)
}

extension WriteOutcome {
    /// Whether a retry with the same idempotency key gets this answer again.
    /// A 423 is not kept: the lock will lapse, and the client that waits for
    /// it retries with the same key expecting its write to happen then.
    var isFinal: Bool {
        if case .rejected(.locked) = self { return false }
        return true
    }
}
