import Foundation
import GRDB
import MidairCore

/// The `locks` table. Times are seconds since 1970, so that a lease is live
/// exactly when `expires_at > now`, whatever the clock's formatting.
enum Locks {
    /// The live lease on a record at `now`, or nil.
    static func live(_ db: Database, _ collection: String, _ id: String, at now: Double) throws -> LockInfo? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM locks WHERE collection = ? AND record_id = ? AND expires_at > ?",
            arguments: [collection, id, now]
        ).map(info)
    }

    static func info(_ row: Row) -> LockInfo {
        LockInfo(
            collection: row["collection"], id: row["record_id"], holder: row["holder"],
            acquiredAt: SQLiteRecordStore.timestamp(seconds: row["acquired_at"]),
            expiresAt: SQLiteRecordStore.timestamp(seconds: row["expires_at"]))
    }
}

extension SQLiteRecordStore {
    public func lock(_ collection: String, _ id: String, by user: String, seconds: Int) async throws -> LockOutcome {
        _ = try collectionSchema(collection)
        let now = options.now().timeIntervalSince1970
        return try await pool.write { db in
            guard let head = try Queries.head(db, collection, id), !head.record.deleted else { return .notFound }
            let held = try Locks.live(db, collection, id, at: now)
            if let held, held.holder != user { return .heldByOther(held) }
            // A renewal keeps when the lease was first taken.
            var acquired = now
            if held != nil {
                acquired = try Double.fetchOne(
                    db, sql: "SELECT acquired_at FROM locks WHERE collection = ? AND record_id = ?", arguments: [collection, id]) ?? now
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO locks (collection, record_id, holder, acquired_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                arguments: [collection, id, user, acquired, now + Double(seconds)])
            let info = LockInfo(
                collection: collection, id: id, holder: user,
                acquiredAt: Self.timestamp(seconds: acquired), expiresAt: Self.timestamp(seconds: now + Double(seconds)))
            return held == nil ? .acquired(info) : .renewed(info)
        }
    }

    public func unlock(_ collection: String, _ id: String, by user: String) async throws -> UnlockOutcome {
        _ = try collectionSchema(collection)
        let now = options.now().timeIntervalSince1970
        return try await pool.write { db in
            guard let held = try Locks.live(db, collection, id, at: now) else { return .notLocked }
            guard held.holder == user else { return .heldByOther(held) }
            try db.execute(sql: "DELETE FROM locks WHERE collection = ? AND record_id = ?", arguments: [collection, id])
            return .released(held)
        }
    }

    public func lockStatus(_ collection: String, _ id: String) async throws -> LockInfo? {
        _ = try collectionSchema(collection)
        let now = options.now().timeIntervalSince1970
        return try await pool.read { db in try Locks.live(db, collection, id, at: now) }
    }
}
