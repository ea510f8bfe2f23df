import Collections

/// The ordered fields of a record: field name to string value, in schema order.
public typealias Fields = OrderedDictionary<String, String>

/// One version of one record, as the store keeps it and the API shows it.
///
/// `version` counts the versions of this record (1, 2, 3...) for people;
/// `revision` is store-wide and strictly increasing, so it doubles as the
/// strong ETag and as the position of the change in the event stream.
public struct Record: Sendable, Hashable, Codable {
    public var collection: String
    public var id: String
    public var fields: Fields
    public var version: Int
    public var revision: Int64
    public var updatedBy: String
    public var updatedAt: String
    /// A tombstone: the record was deleted at this version.
    public var deleted: Bool

    public init(
        collection: String, id: String, fields: Fields, version: Int, revision: Int64,
        updatedBy: String, updatedAt: String, deleted: Bool = false
    ) {
        self.collection = collection
        self.id = id
        self.fields = fields
        self.version = version
        self.revision = revision
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
        self.deleted = deleted
    }

    enum CodingKeys: String, CodingKey {
        case collection, id, fields, version, revision, deleted
        case updatedBy = "updated_by"
        case updatedAt = "updated_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        collection = try c.decode(String.self, forKey: .collection)
        id = try c.decode(String.self, forKey: .id)
        fields = try c.decodeIfPresent(FieldsCoding.self, forKey: .fields)?.fields ?? [:]
        version = try c.decode(Int.self, forKey: .version)
        revision = try c.decode(Int64.self, forKey: .revision)
        updatedBy = try c.decode(String.self, forKey: .updatedBy)
        updatedAt = try c.decode(String.self, forKey: .updatedAt)
        deleted = try c.decodeIfPresent(Bool.self, forKey: .deleted) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(collection, forKey: .collection)
        try c.encode(id, forKey: .id)
        try c.encode(FieldsCoding(fields), forKey: .fields)
        try c.encode(version, forKey: .version)
        try c.encode(revision, forKey: .revision)
        try c.encode(updatedBy, forKey: .updatedBy)
        try c.encode(updatedAt, forKey: .updatedAt)
        if deleted { try c.encode(true, forKey: .deleted) }
    }

    /// The strong entity tag of this version: `"<revision>"`.
    public var etag: String { ETag.make(revision) }
}

/// One line of a record listing.
public struct RecordSummary: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var version: Int
    public var revision: Int64
    public var updatedBy: String
    public var updatedAt: String

    public init(id: String, title: String, version: Int, revision: Int64, updatedBy: String, updatedAt: String) {
        self.id = id
        self.title = title
        self.version = version
        self.revision = revision
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    public init(_ record: Record, schema: CollectionSchema?) {
        let titleField = schema?.title ?? record.fields.keys.first ?? ""
        self.init(
            id: record.id, title: record.fields[titleField] ?? "", version: record.version,
            revision: record.revision, updatedBy: record.updatedBy, updatedAt: record.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, title, version, revision
        case updatedBy = "updated_by"
        case updatedAt = "updated_at"
    }
}

/// Strong entity tags are the revision in quotes.
public enum ETag {
    public static func make(_ revision: Int64) -> String { "\"\(revision)\"" }

    /// The revision inside a strong tag, or nil for a weak, malformed or `*` tag.
    public static func revision(_ tag: String) -> Int64? {
        let t = tag.trimmingCharacters(in: " \t")
        guard t.count >= 3, t.first == "\"", t.last == "\"" else { return nil }
        return Int64(t.dropFirst().dropLast())
    }
}

extension StringProtocol {
    func trimmingCharacters(in set: String) -> Substring {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
