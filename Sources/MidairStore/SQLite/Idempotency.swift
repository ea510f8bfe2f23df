import Foundation
import GRDB
import MidairCore

/// What claiming an idempotency key found.
public enum IdempotencyClaim: Sendable, Hashable {
    /// The key is new (or was abandoned): the caller performs the write.
    case claimed
    /// The request already finished: answer with its stored outcome.
    case replay(WriteOutcome)
}

/// Idempotency keys, scoped to the user. A key is claimed in a short
/// transaction of its own, so that a second request with the same key sees it
/// in flight; its outcome is stored in the transaction of the write itself.
enum Idempotency {
    static let maxKeyLength = 255

    /// The request as stored for comparison: a retry must send the same one.
    static func fingerprint(_ request: WriteRequest) -> String {
        var r = request
        r.idempotencyKey = nil
        return StoredJSON.encode(r)
    }

    static func finish(_ db: Database, user: String, key: String, outcome: WriteOutcome) throws {
        try db.execute(
            sql: "UPDATE idempotency_keys SET outcome = ? WHERE user = ? AND key = ?",
            arguments: [StoredJSON.encode(outcome), user, key])
    }

    /// Frees a claimed key whose request did not come to a final answer.
    static func release(_ db: Database, user: String, key: String) throws {
        try db.execute(
            sql: "DELETE FROM idempotency_keys WHERE user = ? AND key = ? AND outcome IS NULL", arguments: [user, key])
    }
}

extension SQLiteRecordStore {
    /// Claims `key` for `request`, or finds it finished (replay), in flight
    /// (`idempotencyKeyInUse`) or used for another request (`idempotencyKeyReused`).
    public func claimIdempotencyKey(user: String, key: String, request: WriteRequest) async throws -> IdempotencyClaim {
        guard !key.isEmpty, key.utf8.count <= Idempotency.maxKeyLength,
              key.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F })
        else { throw StoreError.invalidIdempotencyKey(key) }
        let fingerprint = Idempotency.fingerprint(request)
        let now = options.now().timeIntervalSince1970
        let retention = options.idempotencyRetention
        let abandonAfter = options.idempotencyAbandonAfter
        return try await pool.write { db in
            try db.execute(
                sql: "DELETE FROM idempotency_keys WHERE created_at < ? AND outcome IS NOT NULL",
                arguments: [now - retention])
            if let row = try Row.fetchOne(
                db, sql: "SELECT request, outcome, created_at FROM idempotency_keys WHERE user = ? AND key = ?",
                arguments: [user, key])
            {
                guard row["request"] as String == fingerprint else { throw StoreError.idempotencyKeyReused(key: key) }
                if let stored = row["outcome"] as String? {
                    return .replay(try JSONDecoder().decode(WriteOutcome.self, from: Data(stored.utf8)))
                }
                if now - (row["created_at"] as Double) < abandonAfter { throw StoreError.idempotencyKeyInUse(key: key) }
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO idempotency_keys (user, key, request, outcome, created_at) VALUES (?, ?, ?, NULL, ?)",
                arguments: [user, key, fingerprint, now])
            return .claimed
        }
    }

    /// Frees a claimed key whose write failed before it finished.
    func releaseIdempotencyKey(user: String, key: String) async throws {
        try await pool.write { db in try Idempotency.release(db, user: user, key: key) }
    }
}
