import Collections

/// Encodes `Fields` as a plain JSON object, as the API shows them.
///
/// (`OrderedDictionary`'s own Codable conformance writes an array of
/// alternating keys and values.) A JSON object has no order, and Foundation's
/// coders do not keep one: whoever shows fields puts them in schema order
/// with `CollectionSchema.ordered`.
public struct FieldsCoding: Codable, Sendable {
    public var fields: Fields

    public init(_ fields: Fields) { self.fields = fields }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Key.self)
        var fields = Fields()
        // No order survives decoding; sort by name for a stable result.
        for key in c.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            fields[key.stringValue] = try c.decode(FieldValue.self, forKey: key).text
        }
        self.fields = fields
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        for (name, value) in fields { try c.encode(value, forKey: Key(stringValue: name)) }
    }
}

/// A field value as sent by a client: a string, or a whole number taken as its
/// text, so `{"stock": 5}` and `{"stock": "5"}` mean the same. Decimals travel
/// as strings so that no binary floating point rounds them.
struct FieldValue: Decodable {
    var text: String

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else if let i = try? c.decode(Int64.self) {
            text = String(i)
        } else {
            throw DecodingError.typeMismatch(
                String.self,
                .init(codingPath: c.codingPath, debugDescription: "a field value must be a string or a whole number"))
        }
    }
}
