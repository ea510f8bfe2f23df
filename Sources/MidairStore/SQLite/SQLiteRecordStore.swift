import Foundation
import GRDB
import MidairCore

/// The embedded store: one SQLite file in a data directory, in WAL mode with
/// `synchronous=FULL` so that an acknowledged write survives a power cut.
///
/// Reads run concurrently; writes are serialized by GRDB's writer, and each
/// one checks its precondition and writes in the same transaction.
public final class SQLiteRecordStore: RecordStore {
    public struct Options: Sendable {
        /// The largest record, counted as the UTF-8 bytes of its field names and values.
        public var maxRecordBytes: Int
        /// How long a finished idempotency key is kept for replay, in seconds.
        public var idempotencyRetention: Double
        /// How long an unfinished key blocks its reuse before it is taken as
        /// abandoned (a server that died mid-request never finishes it).
        public var idempotencyAbandonAfter: Double
        public var now: @Sendable () -> Date

        public init(
            maxRecordBytes: Int = 1 << 20, idempotencyRetention: Double = 86_400,
            idempotencyAbandonAfter: Double = 120, now: @escaping @Sendable () -> Date = { Date() }
        ) {
            self.maxRecordBytes = maxRecordBytes
            self.idempotencyRetention = idempotencyRetention
            self.idempotencyAbandonAfter = idempotencyAbandonAfter
            self.now = now
        }
    }

    public static let databaseFileName = "midair.sqlite"

    public let schema: Schema
    let options: Options
    let pool: DatabasePool
    /// Only the newest revision matters to a follower that fell behind: it
    /// reads everything after its cursor from the store anyway.
    let broadcast = Broadcast<Int64>(buffering: .bufferingNewest(1))

    /// Opens (or creates) the store in `directory`. A new store is filled
    /// with `seed`, written by the user `midair`.
    public init(directory: String, schema: Schema, seed: [SeedRecord] = [], options: Options = .init()) throws {
        let problems = schema.problems()
        guard problems.isEmpty else { throw StoreError.unusable("bad schema: " + problems.joined(separator: "; ")) }
        self.schema = schema
        self.options = options
        try FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        // Writers wait for each other instead of failing with SQLITE_BUSY when
        // a second process (a CLI, a backup) holds the lock for a moment.
        config.busyMode = .timeout(10)
        let path = (directory as NSString).appendingPathComponent(Self.databaseFileName)
        pool = try DatabasePool(path: path, configuration: config)
        try Migrations.migrator.migrate(pool)
        try seedIfEmpty(seed)
    }

    deinit { broadcast.finishAll() }

    private func seedIfEmpty(_ seed: [SeedRecord]) throws {
        try pool.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM versions") == 0 else { return }
            let writer = Writer(db: db, schema: schema, user: "midair", date: options.now(), maxRecordBytes: options.maxRecordBytes)
            for record in seed {
                let outcome = try writer.perform(WriteRequest(collection: record.collection, operation: .create(id: record.id, fields: record.fields)))
                guard case .created = outcome else {
                    throw StoreError.unusable("sample record \(record.collection)/\(record.id) was refused: \(outcome)")
                }
            }
        }
    }

    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func timestamp(seconds: Double) -> String {
        timestamp(Date(timeIntervalSince1970: seconds))
    }

    // MARK: Reads

    public func list(_ collection: String, limit: Int, after: String?, query: String?) async throws -> RecordPage {
        let c = try collectionSchema(collection)
        let rows = try await pool.read { db in
            var sql = """
                SELECT v.* FROM heads h JOIN versions v ON v.revision = h.revision
                WHERE h.collection = ? AND h.deleted = 0
                """
            var args: StatementArguments = [collection]
            if let after {
                sql += " AND h.record_id > ?"
                args += [after]
            }
            if let query, !query.isEmpty {
                sql += " AND instr(h.search, ?) > 0"
                args += [query.lowercased()]
            }
            sql += " ORDER BY h.record_id LIMIT ?"
            args += [limit + 1]
            return try Row.fetchAll(db, sql: sql, arguments: args).map(StoredVersion.init)
        }
        let page = rows.prefix(limit).map { RecordSummary($0.record, schema: c) }
        return RecordPage(records: page, next: rows.count > limit ? page.last?.id : nil)
    }

    public func current(_ collection: String, _ id: String) async throws -> MidairCore.Record? {
        _ = try collectionSchema(collection)
        return try await pool.read { db in try Queries.head(db, collection, id)?.record }
    }

    public func history(_ collection: String, _ id: String) async throws -> [HistoryEntry] {
        _ = try collectionSchema(collection)
        return try await pool.read { db in try Queries.history(db, collection, id, after: 0) }
    }

    public func version(_ collection: String, _ id: String, _ version: Int) async throws -> MidairCore.Record? {
        _ = try collectionSchema(collection)
        return try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM versions WHERE collection = ? AND record_id = ? AND version = ?",
                arguments: [collection, id, version]
            ).map { StoredVersion($0).record }
        }
    }

    public func events(since revision: Int64, limit: Int) async throws -> [ChangeEvent] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM versions WHERE revision > ? ORDER BY revision LIMIT ?",
                arguments: [revision, limit]
            ).map { StoredVersion($0).event }
        }
    }

    /// Every version is kept, so events can be replayed from the start.
    public func oldestEventRevision() async throws -> Int64 { 0 }

    public func latestRevision() async throws -> Int64 {
        try await pool.read { db in try Int64.fetchOne(db, sql: "SELECT max(revision) FROM versions") ?? 0 }
    }

    public func revisionUpdates() -> AsyncStream<Int64> { broadcast.subscribe() }

    public func conflicts(since seq: Int64, limit: Int) async throws -> [ConflictEntry] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM conflicts WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [seq, limit]
            ).map(Queries.conflictEntry)
        }
    }

    public func logConflict(_ entry: NewConflict) async throws {
        let at = Self.timestamp(options.now())
        try await pool.write { db in try Queries.insertConflict(db, entry, at: at) }
    }

    func collectionSchema(_ name: String) throws -> CollectionSchema {
        guard let c = schema.collection(name) else { throw StoreError.unknownCollection(name) }
        return c
    }

    // MARK: Writes

    public func write(_ request: WriteRequest, by user: String) async throws -> WriteResult {
        _ = try collectionSchema(request.collection)
        if let id = request.recordID, !RecordID.isValid(id) { throw StoreError.invalidID(id) }
        guard let key = request.idempotencyKey else {
            return WriteResult(outcome: try await commit(request, by: user, idempotencyKey: nil), replayed: false)
        }
        switch try await claimIdempotencyKey(user: user, key: key, request: request) {
        case .replay(let outcome):
            return WriteResult(outcome: outcome, replayed: true)
        case .claimed:
            do {
                return WriteResult(outcome: try await commit(request, by: user, idempotencyKey: key), replayed: false)
            } catch {
                // The write did not happen, so the key may be used again.
                try? await releaseIdempotencyKey(user: user, key: key)
                throw error
            }
        }
    }

    private func commit(_ request: WriteRequest, by user: String, idempotencyKey: String?) async throws -> WriteOutcome {
        let date = options.now()
        let maxBytes = options.maxRecordBytes
        let schema = self.schema
        let outcome = try await pool.write { db in
            let outcome = try Writer(db: db, schema: schema, user: user, date: date, maxRecordBytes: maxBytes).perform(request)
            if let idempotencyKey {
                if outcome.isFinal {
                    try Idempotency.finish(db, user: user, key: idempotencyKey, outcome: outcome)
                } else {
                    try Idempotency.release(db, user: user, key: idempotencyKey)
                }
            }
            return outcome
        }
        switch outcome {
        case .created(let r), .updated(let r), .deleted(let r):
            broadcast.publish(r.revision)
        case .rejected:
            break
        }
        return outcome
    }
}
