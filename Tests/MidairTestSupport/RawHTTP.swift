import AsyncHTTPClient
import Foundation
import MidairCore
import NIOCore
import NIOHTTP1

/// Plain HTTP to a server's socket, for asserting exact statuses, headers
/// and bodies, including requests the typed client would never send.
public struct RawHTTP: Sendable {
    public let socketPath: String

    public struct Response: Sendable {
        public var status: Int
        /// Header values by lower-cased name; repeated headers joined with ", ".
        public var headers: [String: String]
        public var body: Data

        public func header(_ name: String) -> String? { headers[name.lowercased()] }

        public var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object (empty when it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
        }

        /// The name at the end of a problem's `type`.
        public var problem: ProblemName? { (json["type"] as? String).flatMap(ProblemName.init(type:)) }

        /// Decodes the body (a record, an edit conflict's members...).
        public func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try JSONDecoder().decode(type, from: body)
        }
    }

    public init(socketPath: String) {
        self.socketPath = socketPath
    }

    /// Sends any method to any target with any headers and body bytes.
    public func send(_ method: String, _ target: String, headers: [String: String] = [:], body: Data? = nil) async throws -> Response {
        let response = try await open(method, target, headers: headers, body: body)
        let bytes = try await response.body.collect(upTo: 64 << 20)
        var fields: [String: String] = [:]
        for (name, value) in response.headers {
            fields[name.lowercased(), default: ""] += (fields[name.lowercased()] == nil ? "" : ", ") + value
        }
        return Response(status: Int(response.status.code), headers: fields, body: Data(bytes.readableBytesView))
    }

    /// Sends a JSON text body.
    public func send(_ method: String, _ target: String, headers: [String: String] = [:], json: String) async throws -> Response {
        var headers = headers
        headers["Content-Type"] = headers["Content-Type"] ?? "application/json"
        return try await send(method, target, headers: headers, body: Data(json.utf8))
    }

    /// Sends a request and returns at the head of the answer, for streams.
    public func open(_ method: String = "GET", _ target: String, headers: [String: String] = [:], body: Data? = nil) async throws -> HTTPClientResponse {
        guard let url = URL(httpURLWithSocketPath: socketPath, uri: target) else { throw HTTPClientError.invalidURL }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        return try await HTTPClient.shared.execute(request, timeout: .seconds(30))
    }
}
