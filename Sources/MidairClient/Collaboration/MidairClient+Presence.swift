import MidairCore
import NIOHTTP1

extension MidairClient {
    /// How often a client should say again where it is: the server forgets
    /// a session after about three missed heartbeats.
    public static let presenceHeartbeat = Duration.seconds(10)

    /// Says that this client's session is on `record` (`collection/id`,
    /// nil for none) in `state`. Send it again every `presenceHeartbeat`.
    public func setPresence(record: String?, state: PresenceEvent.State) async throws {
        _ = try await call(.PUT, "/v1/presence", body: PresenceBody(record: record, state: state.rawValue, session: session))
    }

    /// Leaves at once (the app quits), instead of lapsing.
    public func leavePresence() async throws {
        _ = try await call(.DELETE, Target.path("/v1/presence", query: [("session", session)]))
    }

    /// Every session present now.
    public func presence() async throws -> [PresenceEvent] {
        try decode(PresenceList.self, try await call(.GET, "/v1/presence")).presence
    }
}

struct PresenceBody: Encodable {
    var record: String?
    var state: String
    var session: String
}
