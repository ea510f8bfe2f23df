/// Shapes of the v1 API shared by the server and the client.

public struct RecordPage: Sendable, Hashable, Codable {
    public var records: [RecordSummary]
    /// The cursor for the next page, nil on the last.
    public var next: String?

    public init(records: [RecordSummary], next: String?) {
        self.records = records
        self.next = next
    }
}

public struct HistoryEntry: Sendable, Hashable, Codable {
    public var version: Int
    public var revision: Int64
    public var updatedBy: String
    public var updatedAt: String
    public var changedFields: [String]
    public var deleted: Bool

    public init(version: Int, revision: Int64, updatedBy: String, updatedAt: String, changedFields: [String], deleted: Bool) {
        self.version = version
        self.revision = revision
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
        self.changedFields = changedFields
        self.deleted = deleted
    }

    enum CodingKeys: String, CodingKey {
        case version, revision, deleted
        case updatedBy = "updated_by"
        case updatedAt = "updated_at"
        case changedFields = "changed_fields"
    }
}

/// One committed change, as `/v1/events` streams it.
public struct ChangeEvent: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case created, updated, deleted }

    public var revision: Int64
    public var kind: Kind
    public var collection: String
    public var id: String
    public var version: Int
    public var updatedBy: String
    public var updatedAt: String
    public var changedFields: [String]

    public init(revision: Int64, kind: Kind, collection: String, id: String, version: Int, updatedBy: String, updatedAt: String, changedFields: [String]) {
        self.revision = revision
        self.kind = kind
        self.collection = collection
        self.id = id
        self.version = version
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
        self.changedFields = changedFields
    }

    enum CodingKeys: String, CodingKey {
        case revision, kind, collection, id, version
        case updatedBy = "updated_by"
        case updatedAt = "updated_at"
        case changedFields = "changed_fields"
    }
}
