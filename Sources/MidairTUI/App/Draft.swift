import Foundation
import MidairCore

/// Unsaved edits of a record, as the drafts journal keeps them: the fields
/// as typed, and the version they were typed against (so a draft older
/// than the record goes to the merge view rather than over someone's save).
public struct Draft: Sendable, Hashable, Codable {
    public var key: RecordKey
    public var baseRevision: Int64
    public var baseVersion: Int
    public var fields: Fields
    public var savedAt: Date

    public init(key: RecordKey, baseRevision: Int64, baseVersion: Int, fields: Fields, savedAt: Date) {
        self.key = key
        self.baseRevision = baseRevision
        self.baseVersion = baseVersion
        self.fields = fields
        self.savedAt = savedAt
    }

    enum CodingKeys: String, CodingKey {
        case key, fields
        case baseRevision = "base_revision"
        case baseVersion = "base_version"
        case savedAt = "saved_at"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(RecordKey.self, forKey: .key)
        baseRevision = try c.decode(Int64.self, forKey: .baseRevision)
        baseVersion = try c.decode(Int.self, forKey: .baseVersion)
        fields = try c.decode(FieldsCoding.self, forKey: .fields).fields
        savedAt = try c.decode(Date.self, forKey: .savedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(baseRevision, forKey: .baseRevision)
        try c.encode(baseVersion, forKey: .baseVersion)
        try c.encode(FieldsCoding(fields), forKey: .fields)
        try c.encode(savedAt, forKey: .savedAt)
    }
}
