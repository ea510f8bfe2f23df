import HTTPTypes

/// The `Idempotency-Key` request header: a retried write with the same key
/// gets the first answer again instead of being applied twice. The store
/// checks its form (several values join into one with a space: refused).
enum IdempotencyKey {
    static let header = HTTPField.Name("Idempotency-Key")!
    /// Marks an answer replayed from an earlier request with the same key.
    static let replayedHeader = HTTPField.Name("Idempotent-Replayed")!
}
