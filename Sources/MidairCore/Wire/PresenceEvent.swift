/// What one client session is doing, as `GET /v1/presence` lists it and as
/// `/v1/events` announces each change (`event: presence`).
///
/// Presence lives in the server's memory only: it expires unless the
/// client sends it again (a heartbeat), and it is never a revision.
public struct PresenceEvent: Sendable, Hashable, Codable {
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case viewing, editing, idle
        /// The session left or stopped sending heartbeats; only in events.
        case gone
    }

    public var user: String
    /// The client's session, so one person in two terminals is two entries.
    public var session: String
    /// The record as `collection/id`, or nil when the session is on none.
    public var record: String?
    public var state: State
    /// When the state last changed (RFC 3339 UTC).
    public var at: String

    public init(user: String, session: String, record: String?, state: State, at: String) {
        self.user = user
        self.session = session
        self.record = record
        self.state = state
        self.at = at
    }
}

/// The body of `GET /v1/presence`.
public struct PresenceList: Sendable, Hashable, Codable {
    public var presence: [PresenceEvent]

    public init(presence: [PresenceEvent]) {
        self.presence = presence
    }
}
