/// The kinds of value a field holds. Every value is stored as a string; the
/// kind says which strings are valid and how the editor shows them.
public enum FieldKind: Sendable, Hashable {
    case text
    case multiline
    case integer
    case decimal
    case email
    /// The id of a record in the named collection.
    case ref(String)

    public var isMultiline: Bool { self == .multiline }
}

public struct FieldSchema: Sendable, Hashable, Codable {
    public var name: String
    public var kind: FieldKind
    /// No two live records of the collection may hold the same value.
    public var unique: Bool
    /// A required field must be present and not empty.
    public var required: Bool

    public init(name: String, kind: FieldKind, unique: Bool = false, required: Bool = false) {
        self.name = name
        self.kind = kind
        self.unique = unique
        self.required = required
    }

    enum CodingKeys: String, CodingKey { case name, kind, unique, required, collection }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        unique = try c.decodeIfPresent(Bool.self, forKey: .unique) ?? false
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        let kindName = try c.decode(String.self, forKey: .kind)
        switch kindName {
        case "text": kind = .text
        case "multiline": kind = .multiline
        case "integer": kind = .integer
        case "decimal": kind = .decimal
        case "email": kind = .email
        case "ref": kind = .ref(try c.decode(String.self, forKey: .collection))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: c, debugDescription: "unknown field kind '\(kindName)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        switch kind {
        case .text: try c.encode("text", forKey: .kind)
        case .multiline: try c.encode("multiline", forKey: .kind)
        case .integer: try c.encode("integer", forKey: .kind)
        case .decimal: try c.encode("decimal", forKey: .kind)
        case .email: try c.encode("email", forKey: .kind)
        case .ref(let target):
            try c.encode("ref", forKey: .kind)
            try c.encode(target, forKey: .collection)
        }
        try c.encode(unique, forKey: .unique)
        try c.encode(required, forKey: .required)
    }
}

public struct CollectionSchema: Sendable, Hashable, Codable {
    public var name: String
    /// The field whose value names a record in lists.
    public var title: String
    public var fields: [FieldSchema]

    public init(name: String, title: String, fields: [FieldSchema]) {
        self.name = name
        self.title = title
        self.fields = fields
    }

    public func field(_ name: String) -> FieldSchema? { fields.first { $0.name == name } }
    public var uniqueFields: [FieldSchema] { fields.filter(\.unique) }
    public var refFields: [(field: FieldSchema, target: String)] {
        fields.compactMap { f in if case .ref(let t) = f.kind { (f, t) } else { nil } }
    }
}

/// All collections of a store.
public struct Schema: Sendable, Hashable, Codable {
    public var collections: [CollectionSchema]

    public init(collections: [CollectionSchema]) { self.collections = collections }

    public func collection(_ name: String) -> CollectionSchema? { collections.first { $0.name == name } }

    /// Problems with the schema itself (a title or ref that names nothing), so
    /// a bad schema file is refused at start rather than at the first write.
    public func problems() -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for c in collections {
            if !seen.insert(c.name).inserted { out.append("collection '\(c.name)' is defined twice") }
            if !RecordID.isValid(c.name) { out.append("collection name '\(c.name)' is not a valid name") }
            if c.field(c.title) == nil { out.append("collection '\(c.name)': title field '\(c.title)' is not a field") }
            var names = Set<String>()
            for f in c.fields {
                if !names.insert(f.name).inserted { out.append("collection '\(c.name)': field '\(f.name)' is defined twice") }
                if case .ref(let t) = f.kind, collection(t) == nil {
                    out.append("collection '\(c.name)': field '\(f.name)' refers to unknown collection '\(t)'")
                }
            }
        }
        return out
    }
}

/// Record ids (and collection names): 1-64 characters of `[a-z0-9._-]`,
/// starting with a letter or digit, so they are safe in URLs and file names.
public enum RecordID {
    public static let maxLength = 64

    public static func isValid(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...maxLength).contains(bytes.count) else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
        guard alnum(bytes[0]) else { return false }
        return bytes.allSatisfy { alnum($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// A readable id made from a title: lower-case, runs of other characters
    /// folded into `-`, cut to fit. Empty when nothing usable is left.
    public static func slug(_ text: String) -> String {
        var out = ""
        var dash = false
        for scalar in text.lowercased().unicodeScalars {
            let v = scalar.value
            if (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) {
                if dash && !out.isEmpty { out.append("-") }
                dash = false
                out.unicodeScalars.append(scalar)
            } else {
                dash = true
            }
            if out.utf8.count >= 48 { break }
        }
        return out
    }
}

extension CollectionSchema {
    /// `fields` in schema order (any the schema does not know come last, by
    /// name). JSON objects do not keep their order on the wire, so whoever
    /// decodes a record puts its fields back in order with this.
    public func ordered(_ fields: Fields) -> Fields {
        var out = Fields(minimumCapacity: fields.count)
        for f in self.fields { if let v = fields[f.name] { out[f.name] = v } }
        for name in fields.keys.sorted() where out[name] == nil { out[name] = fields[name] }
        return out
    }
}
