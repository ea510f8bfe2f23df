import Foundation
import Hummingbird
import MidairCore
import MidairStore

/// `/v1/presence`: who views or edits what. Clients send a heartbeat every
/// ~10 s; a session that stops lapses after the board's TTL.
struct PresenceRoutes: Sendable {
    let board: PresenceBoard
    let schema: Schema

    func register(on router: Router<MidairRequestContext>) {
        router.endpoint("/v1/presence", [.get: list, .put: heartbeat, .delete: leave])
    }

    @Sendable func list(_ request: Request, context: MidairRequestContext) async throws -> Response {
        JSONBody.response(.ok, PresenceList(presence: board.current()))
    }

    /// `{record?: "c/id", state: viewing|editing|idle, session?}`: 204.
    @Sendable func heartbeat(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let user = try context.requireIdentity().user
        let body = try await PresenceBody.read(request, schema: schema)
        board.update(user: user, session: body.session, record: body.record, state: body.state)
        return Response(status: .noContent)
    }

    /// `?session=`: the session leaves at once instead of lapsing.
    @Sendable func leave(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let user = try context.requireIdentity().user
        let session = try PresenceBody.session(request.uri.queryParameters["session"].map(String.init))
        board.leave(user: user, session: session)
        return Response(status: .noContent)
    }
}

/// The body of a presence heartbeat, checked: a record of a known
/// collection, a state a client may claim, a session id of the id alphabet.
struct PresenceBody: Sendable {
    var record: String?
    var state: PresenceEvent.State
    var session: String

    /// The session of a client that does not name one: one per user.
    static let defaultSession = "default"

    private struct Wire: Decodable {
        var record: String?
        var state: String
        var session: String?
    }

    static func read(_ request: Request, schema: Schema) async throws -> PresenceBody {
        let buffer = try await WriteBody.collect(request, limit: 4096)
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw Problem(error)
        }
        let claimable = PresenceEvent.State.allCases.filter { $0 != .gone }
        guard let state = PresenceEvent.State(rawValue: wire.state), claimable.contains(state) else {
            throw invalid("/state", "must be one of \(claimable.map(\.rawValue).joined(separator: ", "))")
        }
        if let record = wire.record {
            let parts = record.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, schema.collection(parts[0]) != nil, RecordID.isValid(parts[1]) else {
                throw invalid("/record", "must be collection/id of a known collection, like articles/welcome")
            }
        }
        return PresenceBody(record: wire.record, state: state, session: try session(wire.session))
    }

    static func session(_ text: String?) throws -> String {
        guard let text else { return defaultSession }
        guard RecordID.isValid(text) else { throw invalid("/session", "must be 1-64 of a-z 0-9 . _ -, like a lower-case UUID") }
        return text
    }

    private static func invalid(_ pointer: String, _ detail: String) -> Problem {
        Problem(.invalid, "\(pointer): \(detail)", members: ValidationErrors(errors: [ValidationError(pointer: pointer, detail: detail)]))
    }
}
