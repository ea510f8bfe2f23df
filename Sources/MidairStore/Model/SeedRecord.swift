import MidairCore

/// A sample record written into a new data directory.
public struct SeedRecord: Sendable, Hashable, Codable {
    public var collection: String
    public var id: String
    public var fields: Fields

    public init(collection: String, id: String, fields: Fields) {
        self.collection = collection
        self.id = id
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey { case collection, id, fields }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        collection = try c.decode(String.self, forKey: .collection)
        id = try c.decode(String.self, forKey: .id)
        fields = try c.decode(FieldsCoding.self, forKey: .fields).fields
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(collection, forKey: .collection)
        try c.encode(id, forKey: .id)
        try c.encode(FieldsCoding(fields), forKey: .fields)
    }
}
