import GRDB
import MidairCore

/// Reads shared by the read path and the write path.
enum Queries {
    static func head(_ db: Database, _ collection: String, _ id: String) throws -> StoredVersion? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT v.* FROM heads h JOIN versions v ON v.revision = h.revision
                WHERE h.collection = ? AND h.record_id = ?
                """,
            arguments: [collection, id]
        ).map(StoredVersion.init)
    }

    static func versionAtRevision(_ db: Database, _ collection: String, _ id: String, revision: Int64) throws -> StoredVersion? {
        try Row.fetchOne(
            db, sql: "SELECT * FROM versions WHERE revision = ? AND collection = ? AND record_id = ?",
            arguments: [revision, collection, id]
        ).map(StoredVersion.init)
    }

    static func history(_ db: Database, _ collection: String, _ id: String, after revision: Int64) throws -> [HistoryEntry] {
        try Row.fetchAll(
            db,
            sql: "SELECT * FROM versions WHERE collection = ? AND record_id = ? AND revision > ? ORDER BY version",
            arguments: [collection, id, revision]
        ).map { StoredVersion($0).historyEntry }
    }

    static func insertConflict(_ db: Database, _ c: NewConflict, at: String) throws {
        try db.execute(
            sql: """
                INSERT INTO conflicts (at, user, kind, collection, record_id, your_revision, current_revision, current_version, fields)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [at, c.user, c.kind, c.collection, c.id, c.yourRevision, c.currentRevision, c.currentVersion, StoredJSON.encode(c.fields)])
    }

    static func conflictEntry(_ row: Row) -> ConflictEntry {
        ConflictEntry(
            seq: row["seq"], at: row["at"],
            conflict: NewConflict(
                user: row["user"], kind: row["kind"], collection: row["collection"], id: row["record_id"],
                yourRevision: row["your_revision"], currentRevision: row["current_revision"],
                currentVersion: row["current_version"], fields: StoredJSON.strings(row["fields"])))
    }
}
