import Foundation
import Hummingbird

/// JSON responses, encoded the same way everywhere so that a replayed
/// idempotent answer is byte for byte the first one.
enum JSONBody {
    static func encode(_ value: some Encodable) -> ByteBuffer {
        let encoder = JSONEncoder()
        // JSONEncoder does not keep the order keys are written in (on Linux
        // it follows hashing), so sort them: the same value is always the
        // same bytes. Slashes stay readable in problem types and locations.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return ByteBuffer(bytes: try encoder.encode(value))
        } catch {
            // Every value the API answers with is plain data; failing here is
            // a programming error, not a client's.
            preconditionFailure("cannot encode \(type(of: value)): \(error)")
        }
    }

    static func response(_ status: HTTPResponse.Status, _ value: some Encodable, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        if headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return Response(status: status, headers: headers, body: .init(byteBuffer: encode(value)))
    }
}
