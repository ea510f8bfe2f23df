import Foundation
import Hummingbird
import NIOCore
import MidairCore

/// The body of a POST (`{"id"?: ..., "fields": {...}}`) or a PUT
/// (`{"fields": {...}}`).
///
/// Read strictly: bytes that are not UTF-8 JSON are a 400; JSON of the
/// wrong shape (a member that means nothing here, fields that are not
/// strings or whole numbers) is a 422 pointing at the offending member, like
/// any other invalid record.
struct WriteBody: Sendable {
    var id: String?
    var fields: Fields

    /// Reads and decodes the body of `request`, at most `limit` bytes.
    static func read(_ request: Request, limit: Int, allowsID: Bool) async throws -> WriteBody {
        try decode(try await collect(request, limit: limit), allowsID: allowsID)
    }

    static func collect(_ request: Request, limit: Int) async throws -> ByteBuffer {
        let tooLarge = Problem(.payloadTooLarge, "the body is larger than this server's limit of \(limit) bytes")
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw tooLarge }
        do {
            return try await request.body.collect(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw tooLarge
        }
    }

    static func decode(_ buffer: ByteBuffer, allowsID: Bool) throws -> WriteBody {
        let bytes = Array(buffer.readableBytesView)
        guard !bytes.isEmpty else {
            throw Problem.badRequest("the body is empty; send JSON like {\"fields\": {\"title\": \"...\"}}")
        }
        guard isUTF8(bytes) else { throw Problem.badRequest("the body is not valid UTF-8") }
        let decoder = JSONDecoder()
        decoder.userInfo[allowsIDKey] = allowsID
        do {
            return try decoder.decode(WriteBody.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Problem(error)
        }
    }

    private static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static let allowsIDKey = CodingUserInfoKey(rawValue: "midair.allowsID")!
}

extension WriteBody: Decodable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let id = Key(stringValue: "id")
        static let fields = Key(stringValue: "fields")
    }

    init(from decoder: any Decoder) throws {
        let allowsID = decoder.userInfo[Self.allowsIDKey] as? Bool ?? false
        let c = try decoder.container(keyedBy: Key.self)
        let known = allowsID ? ["id", "fields"] : ["fields"]
        let unknown = c.allKeys.map(\.stringValue).filter { !known.contains($0) }.sorted()
        guard unknown.isEmpty else {
            let expected = known.joined(separator: " and ")
            throw Problem(.invalid, "unexpected member(s) \(unknown.joined(separator: ", ")); the body has \(expected)", members: ValidationErrors(errors: unknown.map {
                ValidationError(pointer: "/" + JSONPointer.escape($0), detail: allowsID || $0 != "id"
                    ? "is not a member of this body; it has \(expected)"
                    : "the id goes in the path, not the body")
            }))
        }
        id = try c.decodeIfPresent(String.self, forKey: .id)
        guard c.contains(.fields) else {
            throw Problem(.invalid, "/fields: is required", members: ValidationErrors(errors: [
                ValidationError(pointer: "/fields", detail: "is required: an object of field name to value")
            ]))
        }
        fields = try c.decode(FieldsCoding.self, forKey: .fields).fields
    }
}

extension Problem {
    /// JSON that does not parse is a 400; JSON of the wrong shape is a 422
    /// pointing at the member.
    init(_ error: DecodingError) {
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .badRequest("the body is not valid JSON: \(Self.reason(context))")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            let pointer = context.codingPath.map { "/" + JSONPointer.escape($0.intValue.map(String.init) ?? $0.stringValue) }.joined()
            let detail = pointer.isEmpty ? "must be a JSON object" : Self.reason(context)
            let errors = ValidationErrors(errors: [ValidationError(pointer: pointer, detail: detail)])
            self.init(.invalid, "\(pointer.isEmpty ? "the body" : pointer): \(detail)", members: errors)
        @unknown default:
            self = .badRequest("the body could not be read: \(error)")
        }
    }

    private static func reason(_ context: DecodingError.Context) -> String {
        let underlying = (context.underlyingError as? NSError)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }
}
