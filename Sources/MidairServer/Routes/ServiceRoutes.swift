import Hummingbird
import MidairCore
import MidairStore

/// The routes about the service rather than one record: who you are, the
/// schema, the conflict log, and health.
struct ServiceRoutes: Sendable {
    let store: any RecordStore

    static let defaultConflictPage = 100
    static let maxConflictPage = 500

    func register(on router: Router<MidairRequestContext>) {
        router.endpoint("/healthz", [.get: healthz])
        router.endpoint("/v1/whoami", [.get: whoami])
        router.endpoint("/v1/collections", [.get: collections])
        router.endpoint("/v1/conflicts", [.get: conflicts])
    }

    @Sendable func healthz(_ request: Request, context: MidairRequestContext) async throws -> Response {
        JSONBody.response(.ok, ["status": "ok"])
    }

    @Sendable func whoami(_ request: Request, context: MidairRequestContext) async throws -> Response {
        JSONBody.response(.ok, try context.requireIdentity())
    }

    @Sendable func collections(_ request: Request, context: MidairRequestContext) async throws -> Response {
        JSONBody.response(.ok, store.schema)
    }

    /// The conflict log after `since` (a sequence number), oldest first;
    /// `next` is the `since` of the following page when there may be one.
    @Sendable func conflicts(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let since = try Query.integer(query, "since", in: 0...Int64.max) ?? 0
        let limit = min(try Query.integer(query, "limit", in: 1...Int.max) ?? Self.defaultConflictPage, Self.maxConflictPage)
        let entries = try await store.conflicts(since: since, limit: limit)
        let next = entries.count == limit ? entries.last?.seq : nil
        return JSONBody.response(.ok, ConflictPage(conflicts: entries, next: next))
    }
}

/// One page of the conflict log.
struct ConflictPage: Encodable {
    var conflicts: [ConflictEntry]
    var next: Int64?
}
