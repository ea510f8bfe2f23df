import AsyncHTTPClient
import Foundation
import MidairCore
import NIOHTTP1

/// The v1 API of a midair server, on a unix socket or over TCP, as typed calls.
///
/// Problems come back as `MidairAPIError` (a stale save as `.editConflict`
/// with the current record to merge with); an unreachable server as
/// `MidairConnectionError`, quickly, naming the socket or URL.
public struct MidairClient: Sendable {
    public var address: ServerAddress { transport.address }
    /// This client's presence session: one person in two terminals is two
    /// sessions, each with its own heartbeat.
    public let session: String
    let transport: Transport

    /// A server on a unix socket: the kernel tells it who you are.
    /// - Parameter timeout: how long to wait for an answer to begin.
    public init(socketPath: String, timeout: Duration = .seconds(30)) {
        self.init(address: .socket(path: socketPath), timeout: timeout)
    }

    /// A server over TCP at `url` (`http://HOST:PORT`), where `token` (from
    /// `midair token add`) says who you are.
    public init(url: String, token: String?, timeout: Duration = .seconds(30)) {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.init(address: .url(base, token: token), timeout: timeout)
    }

    public init(address: ServerAddress, timeout: Duration = .seconds(30)) {
        transport = Transport(address: address, timeout: timeout)
        session = UUID().uuidString.lowercased()
    }

    // MARK: Service

    /// Throws unless a server answers `/healthz`.
    public func healthz() async throws {
        _ = try await call(.GET, "/healthz")
    }

    /// Whether a server answers, for deciding to start one.
    public func isServerAnswering() async -> Bool {
        (try? await healthz()) != nil
    }

    public func whoami() async throws -> Whoami {
        try decode(Whoami.self, try await call(.GET, "/v1/whoami"))
    }

    public func collections() async throws -> Schema {
        try decode(Schema.self, try await call(.GET, "/v1/collections"))
    }

    /// The conflict log after the sequence number `since`.
    public func conflicts(since: Int64 = 0, limit: Int? = nil) async throws -> ConflictPage {
        let target = Target.path("/v1/conflicts", query: [("since", String(since)), ("limit", limit.map(String.init))])
        return try decode(ConflictPage.self, try await call(.GET, target))
    }

    // MARK: Reading records

    /// Live records in id order, `limit` at a time after the id `after`;
    /// `query` keeps those whose id or a field contains it.
    public func list(_ collection: String, limit: Int? = nil, after: String? = nil, query: String? = nil) async throws -> RecordPage {
        let target = Target.path(Target.records(collection), query: [("limit", limit.map(String.init)), ("after", after), ("q", query)])
        return try decode(RecordPage.self, try await call(.GET, target))
    }

    public func get(_ collection: String, _ id: String) async throws -> Record {
        try decode(Record.self, try await call(.GET, Target.records(collection, id)))
    }

    /// The record, or nil when it is still at `revision` (304), for a cache.
    public func get(_ collection: String, _ id: String, ifNoneMatch revision: Int64) async throws -> Record? {
        let reply = try await call(.GET, Target.records(collection, id), headers: ["If-None-Match": ETag.make(revision)])
        return reply.status == 304 ? nil : try decode(Record.self, reply)
    }

    /// Every version of a record, oldest first.
    public func history(_ collection: String, _ id: String) async throws -> [HistoryEntry] {
        try decode([HistoryEntry].self, try await call(.GET, Target.records(collection, id) + "/history"))
    }

    /// One version of a record: the base of a three-way merge.
    public func version(_ collection: String, _ id: String, _ version: Int) async throws -> Record {
        try decode(Record.self, try await call(.GET, Target.records(collection, id) + "/versions/\(version)"))
    }

    // MARK: Writing records

    /// Creates a record; without `id` the server makes one from the title.
    public func create(_ collection: String, id: String? = nil, fields: Fields, idempotencyKey: String? = nil) async throws -> Record {
        let body = WriteBody(id: id, fields: FieldsCoding(fields))
        return try decode(Record.self, try await call(.POST, Target.records(collection), headers: .key(idempotencyKey), body: body))
    }

    /// Replaces the fields of the version at `ifMatch`; a stale revision
    /// throws `.editConflict` with what a merge needs.
    public func replace(
        _ collection: String, _ id: String, fields: Fields, ifMatch revision: Int64, idempotencyKey: String? = nil
    ) async throws -> Record {
        var headers = HTTPHeaders.key(idempotencyKey)
        headers.add(name: "If-Match", value: ETag.make(revision))
        let body = WriteBody(id: nil, fields: FieldsCoding(fields))
        return try decode(Record.self, try await call(.PUT, Target.records(collection, id), headers: headers, body: body))
    }

    /// Creates the record under `id` only if it does not exist
    /// (`.preconditionFailed` if it does).
    public func createExclusive(_ collection: String, _ id: String, fields: Fields, idempotencyKey: String? = nil) async throws -> Record {
        var headers = HTTPHeaders.key(idempotencyKey)
        headers.add(name: "If-None-Match", value: "*")
        let body = WriteBody(id: nil, fields: FieldsCoding(fields))
        return try decode(Record.self, try await call(.PUT, Target.records(collection, id), headers: headers, body: body))
    }

    /// Deletes the version at `ifMatch`, leaving a tombstone; returns its revision.
    @discardableResult
    public func delete(_ collection: String, _ id: String, ifMatch revision: Int64, idempotencyKey: String? = nil) async throws -> Int64 {
        var headers = HTTPHeaders.key(idempotencyKey)
        headers.add(name: "If-Match", value: ETag.make(revision))
        let reply = try await call(.DELETE, Target.records(collection, id), headers: headers)
        guard let tag = reply.headers.first(name: "ETag"), let tombstone = ETag.revision(tag) else {
            throw MidairAPIError.unexpectedResponse(status: reply.status, body: "a delete answered without the ETag of its tombstone")
        }
        return tombstone
    }

    // MARK: Plumbing

    /// Sends a request; any answer but 2xx and 304 throws its problem.
    func call(_ method: HTTPMethod, _ target: String, headers: HTTPHeaders = [:], body: (some Encodable)? = Optional<WriteBody>.none) async throws -> Transport.Reply {
        let json = try body.map { try JSONEncoder().encode($0) }
        let reply = try await transport.send(method, target, headers: headers, json: json)
        guard (200..<300).contains(reply.status) || reply.status == 304 else {
            throw MidairAPIError(status: reply.status, body: reply.body)
        }
        return reply
    }

    func decode<T: Decodable>(_ type: T.Type, _ reply: Transport.Reply) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: reply.body)
        } catch {
            throw MidairAPIError.unexpectedResponse(status: reply.status, body: String(decoding: reply.body.prefix(512), as: UTF8.self))
        }
    }
}

/// The body of a create or replace.
struct WriteBody: Encodable {
    var id: String?
    var fields: FieldsCoding
}

extension HTTPHeaders {
    /// Headers carrying an `Idempotency-Key`, when there is one.
    static func key(_ idempotencyKey: String?) -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let idempotencyKey { headers.add(name: "Idempotency-Key", value: idempotencyKey) }
        return headers
    }
}
