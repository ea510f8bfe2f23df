import Foundation
import GRDB
import MidairCore

/// One write inside one transaction: check the precondition, check the
/// constraints, append the version, move the head, keep the indexes.
/// Answers that a client must react to come back as `.rejected`; 409s are
/// added to the conflict log in the same transaction.
struct Writer {
    let db: Database
    let schema: Schema
    let user: String
    /// The time of the write, as versions record it.
    let now: String
    /// The same, in seconds since 1970, to compare with lock leases.
    let seconds: Double
    let maxRecordBytes: Int

    init(db: Database, schema: Schema, user: String, date: Date, maxRecordBytes: Int) {
        self.db = db
        self.schema = schema
        self.user = user
        now = SQLiteRecordStore.timestamp(date)
        seconds = date.timeIntervalSince1970
        self.maxRecordBytes = maxRecordBytes
    }

    /// How many dependents a has-dependents answer lists.
    static let dependentsShown = 20

    func perform(_ request: WriteRequest) throws -> WriteOutcome {
        guard let c = schema.collection(request.collection) else {
            throw StoreError.unknownCollection(request.collection)
        }
        // Checked first: whatever else the write would come to, it waits for the lock.
        if let id = request.recordID, let lock = try Locks.live(db, c.name, id, at: seconds), lock.holder != user {
            return .rejected(.locked(lock))
        }
        switch request.operation {
        case .create(let id, let fields):
            return try create(c, id: id, fields: fields, exclusive: false)
        case .createExclusive(let id, let fields):
            return try create(c, id: id, fields: fields, exclusive: true)
        case .replace(let id, let fields, let ifMatch):
            return try replace(c, id: id, fields: fields, ifMatch: ifMatch)
        case .delete(let id, let ifMatch):
            return try delete(c, id: id, ifMatch: ifMatch)
        }
    }

    // MARK: Operations

    private func create(_ c: CollectionSchema, id: String?, fields: Fields, exclusive: Bool) throws -> WriteOutcome {
        let normalized: Fields
        switch check(c, fields) {
        case .success(let f): normalized = f
        case .failure(let e): return .rejected(.invalid(e))
        }
        let id = try id ?? freshID(c, title: normalized[c.title] ?? "")
        let head = try Queries.head(db, c.name, id)
        if let head, !head.record.deleted {
            if exclusive { return .rejected(.preconditionFailed(current: head.record)) }
            try log(.alreadyExists, c.name, id, current: head.record, fields: ["id"])
            return .rejected(.alreadyExists(AlreadyExists(existing: head.record, field: "id", value: id)))
        }
        if let taken = try takenUniqueValue(c, normalized, except: id) { return taken }
        if let missing = try missingReferences(c, normalized) { return missing }
        let changed = normalized.filter { !$0.value.isEmpty }.map(\.key)
        let record = try append(c, id: id, fields: normalized, version: (head?.record.version ?? 0) + 1, kind: .created, changed: changed)
        return .created(record)
    }

    private func replace(_ c: CollectionSchema, id: String, fields: Fields, ifMatch: Int64) throws -> WriteOutcome {
        guard let head = try Queries.head(db, c.name, id) else { return .rejected(.notFound(collection: c.name, id: id)) }
        if head.record.revision != ifMatch { return try editConflict(c, head.record, yourRevision: ifMatch) }
        if head.record.deleted { return .rejected(.notFound(collection: c.name, id: id)) }
        let normalized: Fields
        switch check(c, fields) {
        case .success(let f): normalized = f
        case .failure(let e): return .rejected(.invalid(e))
        }
        let changed = head.record.fields.changedFields(comparedTo: normalized)
        // Saving what is already there makes no new version, as git makes no empty commit.
        if changed.isEmpty { return .updated(head.record) }
        if let taken = try takenUniqueValue(c, normalized, except: id) { return taken }
        if let missing = try missingReferences(c, normalized) { return missing }
        let record = try append(c, id: id, fields: normalized, version: head.record.version + 1, kind: .updated, changed: changed)
        return .updated(record)
    }

    private func delete(_ c: CollectionSchema, id: String, ifMatch: Int64) throws -> WriteOutcome {
        guard let head = try Queries.head(db, c.name, id) else { return .rejected(.notFound(collection: c.name, id: id)) }
        if head.record.revision != ifMatch { return try editConflict(c, head.record, yourRevision: ifMatch) }
        if head.record.deleted { return .rejected(.notFound(collection: c.name, id: id)) }
        let total = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM refs WHERE target_collection = ? AND target_id = ?", arguments: [c.name, id]) ?? 0
        if total > 0 {
            let dependents = try Row.fetchAll(
                db,
                sql: """
                    SELECT source_collection, source_id, field FROM refs
                    WHERE target_collection = ? AND target_id = ?
                    ORDER BY source_collection, source_id LIMIT ?
                    """,
                arguments: [c.name, id, Self.dependentsShown]
            ).map { row in
                let source: String = row["source_collection"]
                let sourceID: String = row["source_id"]
                let record = try Queries.head(db, source, sourceID)?.record
                let title = schema.collection(source).flatMap { record?.fields[$0.title] } ?? ""
                return Dependent(collection: source, id: sourceID, field: row["field"], title: title)
            }
            try log(.hasDependents, c.name, id, yourRevision: ifMatch, current: head.record, fields: Array(Set(dependents.map(\.field))).sorted())
            return .rejected(.hasDependents(HasDependents(dependents: dependents, total: total)))
        }
        // The tombstone keeps the last fields, so a deleted record can be restored from it.
        let record = try append(c, id: id, fields: head.record.fields, version: head.record.version + 1, kind: .deleted, changed: [])
        return .deleted(record)
    }

    // MARK: Checks

    private func check(_ c: CollectionSchema, _ fields: Fields) -> Result<Fields, ValidationErrors> {
        let result = c.validate(fields)
        guard case .success(let normalized) = result else { return result }
        let bytes = normalized.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if bytes > maxRecordBytes {
            return .failure(ValidationErrors(errors: [
                ValidationError(pointer: "/fields", detail: "the record is \(bytes) bytes; the limit is \(maxRecordBytes)")
            ]))
        }
        return result
    }

    private func takenUniqueValue(_ c: CollectionSchema, _ fields: Fields, except id: String) throws -> WriteOutcome? {
        for f in c.uniqueFields {
            guard let value = fields[f.name], !value.isEmpty else { continue }
            guard let holder = try String.fetchOne(
                db, sql: "SELECT record_id FROM unique_values WHERE collection = ? AND field = ? AND value = ?",
                arguments: [c.name, f.name, value]), holder != id,
                let existing = try Queries.head(db, c.name, holder)?.record
            else { continue }
            try log(.alreadyExists, c.name, id, current: existing, fields: [f.name])
            return .rejected(.alreadyExists(AlreadyExists(existing: existing, field: f.name, value: value)))
        }
        return nil
    }

    private func missingReferences(_ c: CollectionSchema, _ fields: Fields) throws -> WriteOutcome? {
        var errors: [ValidationError] = []
        for (f, target) in c.refFields {
            guard let value = fields[f.name], !value.isEmpty else { continue }
            let live = try Queries.head(db, target, value).map { !$0.record.deleted } ?? false
            if !live { errors.append(ValidationError(field: f.name, "no record '\(value)' in \(target)")) }
        }
        return errors.isEmpty ? nil : .rejected(.invalid(ValidationErrors(errors: errors)))
    }

    private func editConflict(_ c: CollectionSchema, _ current: Record, yourRevision: Int64) throws -> WriteOutcome {
        let base = try Queries.versionAtRevision(db, c.name, current.id, revision: yourRevision)?.record
        let changed = base.map { $0.fields.changedFields(comparedTo: current.fields) } ?? Array(current.fields.keys)
        let changes = try Queries.history(db, c.name, current.id, after: yourRevision)
        try log(.editConflict, c.name, current.id, yourRevision: yourRevision, current: current, fields: changed)
        return .rejected(.editConflict(EditConflict(
            current: current, yourRevision: yourRevision, baseVersion: base?.version,
            changedFields: changed, changes: changes)))
    }

    /// An id for a record created without one: its title made readable, made
    /// unique with a counter. Ids of deleted records are not handed out again.
    private func freshID(_ c: CollectionSchema, title: String) throws -> String {
        var stem = RecordID.slug(title)
        if stem.isEmpty { stem = c.name }
        var candidate = stem
        var n = 1
        while try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM heads WHERE collection = ? AND record_id = ?)",
            arguments: [c.name, candidate]) == true
        {
            n += 1
            candidate = "\(stem)-\(n)"
        }
        return candidate
    }

    // MARK: Writing

    private func append(_ c: CollectionSchema, id: String, fields: Fields, version: Int, kind: ChangeEvent.Kind, changed: [String]) throws -> Record {
        try db.execute(
            sql: """
                INSERT INTO versions (collection, record_id, version, kind, fields, changed_fields, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [c.name, id, version, kind.rawValue, StoredJSON.encode(fields), StoredJSON.encode(changed), user, now])
        let revision = db.lastInsertedRowID
        let deleted = kind == .deleted
        let search = ([id] + fields.values).joined(separator: "\n").lowercased()
        try db.execute(
            sql: "INSERT OR REPLACE INTO heads (collection, record_id, revision, deleted, search) VALUES (?, ?, ?, ?, ?)",
            arguments: [c.name, id, revision, deleted, search])
        try db.execute(sql: "DELETE FROM unique_values WHERE collection = ? AND record_id = ?", arguments: [c.name, id])
        try db.execute(sql: "DELETE FROM refs WHERE source_collection = ? AND source_id = ?", arguments: [c.name, id])
        if !deleted {
            for f in c.uniqueFields {
                guard let value = fields[f.name], !value.isEmpty else { continue }
                try db.execute(
                    sql: "INSERT INTO unique_values (collection, field, value, record_id) VALUES (?, ?, ?, ?)",
                    arguments: [c.name, f.name, value, id])
            }
            for (f, target) in c.refFields {
                guard let value = fields[f.name], !value.isEmpty else { continue }
                try db.execute(
                    sql: "INSERT INTO refs (target_collection, target_id, source_collection, source_id, field) VALUES (?, ?, ?, ?, ?)",
                    arguments: [target, value, c.name, id, f.name])
            }
        }
        return Record(
            collection: c.name, id: id, fields: fields, version: version, revision: revision,
            updatedBy: user, updatedAt: now, deleted: deleted)
    }

    private func log(_ kind: ProblemName, _ collection: String, _ id: String, yourRevision: Int64? = nil, current: Record, fields: [String]) throws {
        try Queries.insertConflict(
            db,
            NewConflict(
                user: user, kind: kind.rawValue, collection: collection, id: id, yourRevision: yourRevision,
                currentRevision: current.revision, currentVersion: current.version, fields: fields),
            at: now)
    }
}
