/// Failures of a store call that are not outcomes of a write.
public enum StoreError: Error, Sendable, Hashable {
    case unknownCollection(String)
    case invalidID(String)
    /// The same key is being used by a request that has not finished.
    case idempotencyKeyInUse(key: String)
    /// The same key was used before for a different request.
    case idempotencyKeyReused(key: String)
    /// An `Idempotency-Key` must be 1-255 printable ASCII characters.
    case invalidIdempotencyKey(String)
    /// The store's files are unusable (a newer schema version, a bad schema).
    case unusable(String)
}

extension StoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unknownCollection(let c): "unknown collection '\(c)'"
        case .invalidID(let id): "'\(id)' is not a valid id: use 1-64 of a-z 0-9 . _ -, starting with a letter or digit"
        case .idempotencyKeyInUse(let key): "idempotency key '\(key)' is in use by a request that has not finished"
        case .idempotencyKeyReused(let key): "idempotency key '\(key)' was already used for a different request"
        case .invalidIdempotencyKey: "an Idempotency-Key must be 1-255 printable ASCII characters without spaces"
        case .unusable(let why): why
        }
    }
}
