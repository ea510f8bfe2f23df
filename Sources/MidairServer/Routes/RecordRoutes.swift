import Hummingbird
import Logging
import MidairCore
import MidairStore

/// `/v1/records/...`: listing, reading and writing records and their history.
struct RecordRoutes: Sendable {
    let store: any RecordStore
    let maxBodyBytes: Int
    /// Where each write is logged, whatever the level of request logging.
    let logger: Logger

    static let defaultPageSize = 50
    static let maxPageSize = 500

    func register(on router: Router<MidairRequestContext>) {
        router.endpoint("/v1/records/:collection", [.get: list, .post: create])
        router.endpoint("/v1/records/:collection/:id", [.get: get, .put: replace, .delete: delete])
        router.endpoint("/v1/records/:collection/:id/history", [.get: history])
        router.endpoint("/v1/records/:collection/:id/versions/:version", [.get: version])
    }

    // MARK: Reading

    @Sendable func list(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let collection = try self.collection(context)
        let query = request.uri.queryParameters
        let limit = try Query.integer(query, "limit", in: 1...Int.max) ?? Self.defaultPageSize
        let page = try await store.list(
            collection, limit: min(limit, Self.maxPageSize),
            after: query["after"].map(String.init), query: query["q"].map(String.init).flatMap { $0.isEmpty ? nil : $0 })
        return JSONBody.response(.ok, page)
    }

    @Sendable func get(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try recordPath(context)
        let record = try await live(collection, id)
        var headers: HTTPFields = [.eTag: record.etag]
        // A lock does not change the version, so a 304 says who holds it too.
        if let lock = try await store.lockStatus(collection, id) { headers.append(contentsOf: LockHeaders.fields(lock)) }
        if Preconditions.notModified(request.headers, etag: record.etag) {
            return Response(status: .notModified, headers: headers)
        }
        return JSONBody.response(.ok, record, headers: headers)
    }

    @Sendable func history(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try recordPath(context)
        let versions = try await store.history(collection, id)
        guard !versions.isEmpty else { throw Problem.notFound("there is no record \(collection)/\(id)") }
        return JSONBody.response(.ok, versions)
    }

    @Sendable func version(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try recordPath(context)
        guard let number = context.parameters.get("version", as: Int.self), number >= 1 else {
            throw Problem.badRequest("a version is a whole number from 1, like /versions/3")
        }
        guard let record = try await store.version(collection, id, number) else {
            throw Problem.notFound("\(collection)/\(id) has no version \(number)")
        }
        return JSONBody.response(.ok, record)
    }

    // MARK: Writing

    @Sendable func create(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let collection = try self.collection(context)
        let body = try await WriteBody.read(request, limit: maxBodyBytes, allowsID: true)
        return try await write(.create(id: body.id, fields: body.fields), in: collection, request, context)
    }

    @Sendable func replace(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try recordPath(context)
        let precondition = try Preconditions.replace(request.headers)
        let body = try await WriteBody.read(request, limit: maxBodyBytes, allowsID: false)
        let operation: WriteRequest.Operation = switch precondition {
        case .ifMatch(let revision): .replace(id: id, fields: body.fields, ifMatch: revision)
        case .ifNoneMatchAny: .createExclusive(id: id, fields: body.fields)
        }
        return try await write(operation, in: collection, request, context)
    }

    @Sendable func delete(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try recordPath(context)
        let revision = try Preconditions.delete(request.headers)
        return try await write(.delete(id: id, ifMatch: revision), in: collection, request, context)
    }

    /// Applies a write as the caller and answers with its outcome, replayed or not.
    private func write(
        _ operation: WriteRequest.Operation, in collection: String, _ request: Request, _ context: MidairRequestContext
    ) async throws -> Response {
        let user = try context.requireIdentity().user
        let key = request.headers[IdempotencyKey.header]
        let write = WriteRequest(collection: collection, operation: operation, idempotencyKey: key)
        let result: WriteResult
        do {
            result = try await store.write(write, by: user)
        } catch StoreError.idempotencyKeyInUse(let key) {
            // Decided before any transaction, so the store has not logged it.
            try await store.logConflict(NewConflict(
                user: user, kind: ProblemName.idempotencyKeyInUse.rawValue, collection: collection, id: write.recordID ?? ""))
            throw Problem(StoreError.idempotencyKeyInUse(key: key))
        }
        var response = result.outcome.response()
        if result.replayed { response.headers[IdempotencyKey.replayedHeader] = "true" }
        let location = response.headers[.location].map { " " + $0 } ?? ""
        logger.info("\(user) \(request.method) \(request.uri.path): \(response.status.code)\(location)\(result.replayed ? " (replayed)" : "")")
        return response
    }

    // MARK: Paths

    private func collection(_ context: MidairRequestContext) throws -> String {
        try RecordAddress.collection(context, in: store.schema)
    }

    private func recordPath(_ context: MidairRequestContext) throws -> (collection: String, id: String) {
        try RecordAddress.record(context, in: store.schema)
    }

    /// The current version of a record that exists and is not deleted.
    private func live(_ collection: String, _ id: String) async throws -> Record {
        guard let record = try await store.current(collection, id) else {
            throw Problem.notFound("there is no record \(collection)/\(id)")
        }
        guard !record.deleted else {
            throw Problem.notFound(
                "\(collection)/\(id) was deleted at version \(record.version) by \(record.updatedBy) at \(record.updatedAt)")
        }
        return record
    }
}

extension WriteOutcome {
    /// The answer to a write: the same for the first request and its replays.
    func response() -> Response {
        switch self {
        case .created(let record):
            JSONBody.response(.created, record, headers: [.eTag: record.etag, .location: record.path])
        case .updated(let record):
            JSONBody.response(.ok, record, headers: [.eTag: record.etag])
        case .deleted(let tombstone):
            Response(status: .noContent, headers: [.eTag: tombstone.etag])
        case .rejected(let rejection):
            Problem(rejection).response()
        }
    }
}

extension Record {
    /// Where the record lives in the API.
    var path: String { "/v1/records/\(collection)/\(id)" }
}
