import MidairClient
import MidairCore
import MidairTUI

/// One request an actor made and the status it got, as the transcript
/// prints it: `PUT /v1/records/articles/welcome → 409 edit-conflict`.
struct Exchange: Sendable, Hashable, CustomStringConvertible {
    var request: String
    /// Nil when no answer came (the connection failed).
    var status: Int?
    /// The problem name of a failure, or a word about a success (`v2`).
    var detail: String

    /// A read, not a write: the stage's name bar shows the last write's answer.
    var isRead: Bool { request.contains("GET /") }

    var description: String {
        "\(request) → " + (status.map(String.init) ?? "no answer") + (detail.isEmpty ? "" : " \(detail)")
    }

    init(request: String, status: Int?, detail: String) {
        self.request = request
        self.status = status
        self.detail = detail
    }

    /// What a call of the terminal app got.
    init(_ call: APICall, _ result: Result<APIReply, AppError>) {
        let (request, success) = Self.describe(call)
        switch result {
        case .success(let reply):
            self.init(request: request, status: success, detail: Self.summary(reply))
        case .failure(let error):
            self.init(request: request, error)
        }
    }

    /// What a failed request got.
    init(request: String, _ error: AppError) {
        switch error {
        case .api(let api): self.init(request: request, api)
        case .connection(let e): self.init(request: request, status: nil, detail: e.description)
        case .local(let message): self.init(request: request, status: nil, detail: message)
        }
    }

    init(request: String, _ error: MidairAPIError) {
        switch error {
        case .other(let problem), .locked(let problem):
            self.init(request: request, status: problem.status, detail: problem.name?.rawValue ?? problem.type)
        case .unexpectedResponse(let status, _):
            self.init(request: request, status: status, detail: "unexpected answer")
        default:
            self.init(request: request, status: error.problemName?.status, detail: error.problemName?.rawValue ?? "")
        }
    }

    /// The request line of a call, and the status its success is answered with.
    private static func describe(_ call: APICall) -> (String, Int) {
        func path(_ key: RecordKey) -> String { "/v1/records/\(key.collection)/\(key.id)" }
        return switch call {
        case .whoami: ("GET /v1/whoami", 200)
        case .collections: ("GET /v1/collections", 200)
        case .list(let collection): ("GET /v1/records/\(collection)", 200)
        case .get(let key): ("GET \(path(key))", 200)
        case .history(let key): ("GET \(path(key))/history", 200)
        case .version(let key, let version): ("GET \(path(key))/versions/\(version)", 200)
        case .create(let collection, _): ("POST /v1/records/\(collection)", 201)
        case .replace(let key, _, let revision): ("PUT \(path(key)) If-Match \(ETag.make(revision))", 200)
        case .createExclusive(let key, _): ("PUT \(path(key)) If-None-Match *", 201)
        case .delete(let key, let revision): ("DELETE \(path(key)) If-Match \(ETag.make(revision))", 204)
        case .conflicts: ("GET /v1/conflicts", 200)
        case .setPresence: ("PUT /v1/presence", 204)
        case .leavePresence: ("DELETE /v1/presence", 204)
        case .lock(let key): ("POST \(path(key))/lock", 200)
        case .unlock(let key): ("DELETE \(path(key))/lock", 204)
        case .lockStatus(let key): ("GET \(path(key))/lock", 200)
        }
    }

    private static func summary(_ reply: APIReply) -> String {
        switch reply {
        case .record(let record): "\(record.collection)/\(record.id) v\(record.version)"
        case .page(let page): "\(page.records.count) records"
        case .history(let entries): "\(entries.count) versions"
        case .deleted(let revision): "tombstone at revision \(revision)"
        case .lock(let lock?): "held by \(lock.holder)"
        case .whoami, .schema, .conflicts, .lock(nil), .done: ""
        }
    }
}
