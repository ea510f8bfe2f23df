import Foundation
import GRDB
import MidairCore

/// A row of `versions`, decoded once into the shapes the API needs.
struct StoredVersion {
    var record: Record
    var kind: ChangeEvent.Kind
    var changedFields: [String]

    init(_ row: Row) {
        let deleted = (row["kind"] as String) == ChangeEvent.Kind.deleted.rawValue
        record = Record(
            collection: row["collection"], id: row["record_id"], fields: StoredJSON.fields(row["fields"]),
            version: row["version"], revision: row["revision"], updatedBy: row["updated_by"],
            updatedAt: row["updated_at"], deleted: deleted)
        kind = ChangeEvent.Kind(rawValue: row["kind"]) ?? .updated
        changedFields = StoredJSON.strings(row["changed_fields"])
    }

    var event: ChangeEvent {
        ChangeEvent(
            revision: record.revision, kind: kind, collection: record.collection, id: record.id,
            version: record.version, updatedBy: record.updatedBy, updatedAt: record.updatedAt,
            changedFields: changedFields)
    }

    var historyEntry: HistoryEntry {
        HistoryEntry(
            version: record.version, revision: record.revision, updatedBy: record.updatedBy,
            updatedAt: record.updatedAt, changedFields: changedFields, deleted: record.deleted)
    }
}

/// JSON columns. Fields are stored as `[[name, value], ...]` so that their
/// order survives, which a JSON object does not promise.
enum StoredJSON {
    static func encode(_ fields: Fields) -> String {
        encode(fields.map { [$0.key, $0.value] })
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        // Encoding plain strings, arrays and our Codable records cannot fail.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func fields(_ text: String) -> Fields {
        let pairs = (try? JSONDecoder().decode([[String]].self, from: Data(text.utf8))) ?? []
        var out = Fields()
        for pair in pairs where pair.count == 2 { out[pair[0]] = pair[1] }
        return out
    }

    static func strings(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
