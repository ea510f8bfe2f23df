import HTTPTypes
import Hummingbird
import MidairCore
import MidairStore

/// `GET /v1/events`: the change feed as server-sent events.
struct EventRoutes: Sendable {
    let store: any RecordStore
    let notices: Broadcast<ServerEvent>
    let presence: PresenceBoard
    let keepaliveInterval: Duration

    static let lastEventID = HTTPField.Name("Last-Event-ID")!
    static let startRevisionHeader = HTTPField.Name(ServerEvent.startRevisionHeader)!

    func register(on router: Router<MidairRequestContext>) {
        router.endpoint("/v1/events", [.get: events])
    }

    /// Starts after `Last-Event-ID` (a reconnecting client), else after
    /// `since`, else at the newest revision (changes from now on).
    @Sendable func events(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let oldest = try await store.oldestEventRevision()
        let latest = try await store.latestRevision()
        let since = try startRevision(request) ?? latest
        guard since >= oldest else {
            throw Problem(.gone, "changes after revision \(since) are no longer kept (the oldest start is \(oldest)): reload the records, then follow from revision \(latest)")
        }
        guard since <= latest else {
            throw Problem(.gone, "revision \(since) is newer than this store's newest, \(latest): the data was replaced; reload the records, then follow from revision \(latest)")
        }
        let follower = EventFollower(
            store: store, notices: notices, presence: presence, since: since, keepaliveInterval: keepaliveInterval)
        return Response(
            status: .ok,
            headers: [.contentType: ServerSentEvents.contentType, .cacheControl: "no-store", Self.startRevisionHeader: String(since)],
            body: ResponseBody { writer in try await follower.stream(to: &writer) })
    }

    private func startRevision(_ request: Request) throws -> Int64? {
        if let header = request.headers[Self.lastEventID], !header.isEmpty {
            guard let revision = Int64(header.trimmingWhitespace()), revision >= 0 else {
                throw Problem.badRequest("Last-Event-ID must be the revision of an event, like 42; got '\(header)'")
            }
            return revision
        }
        return try Query.integer(request.uri.queryParameters, "since", in: 0...Int64.max)
    }
}
