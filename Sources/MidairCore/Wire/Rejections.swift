/// What a client needs to merge after a stale write (RFC 9110 §15.5.10).
public struct EditConflict: Sendable, Hashable, Codable {
    /// The record as it is now (a tombstone when it was deleted).
    public var current: Record
    public var yourRevision: Int64
    /// The version the client started from, when its revision was one of this record's.
    public var baseVersion: Int?
    /// Fields that differ between the client's base and the current version.
    public var changedFields: [String]
    /// The versions written since the client's base: who, when, what.
    public var changes: [HistoryEntry]

    public init(current: Record, yourRevision: Int64, baseVersion: Int?, changedFields: [String], changes: [HistoryEntry]) {
        self.current = current
        self.yourRevision = yourRevision
        self.baseVersion = baseVersion
        self.changedFields = changedFields
        self.changes = changes
    }

    enum CodingKeys: String, CodingKey {
        case current, changes
        case yourRevision = "your_revision"
        case baseVersion = "base_version"
        case changedFields = "changed_fields"
    }
}

public struct AlreadyExists: Sendable, Hashable, Codable {
    /// The live record that holds the id or the value.
    public var existing: Record
    /// `id`, or the name of the unique field.
    public var field: String
    public var value: String

    public init(existing: Record, field: String, value: String) {
        self.existing = existing
        self.field = field
        self.value = value
    }
}

public struct Dependent: Sendable, Hashable, Codable {
    public var collection: String
    public var id: String
    public var field: String
    public var title: String

    public init(collection: String, id: String, field: String, title: String) {
        self.collection = collection
        self.id = id
        self.field = field
        self.title = title
    }
}

public struct HasDependents: Sendable, Hashable, Codable {
    /// The first dependents, capped; `total` counts them all.
    public var dependents: [Dependent]
    public var total: Int

    public init(dependents: [Dependent], total: Int) {
        self.dependents = dependents
        self.total = total
    }
}
