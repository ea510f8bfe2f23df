import Foundation
import MidairCore

/// Who else is here, as the event stream tells it: the other sessions'
/// presence and the live locks. The browser and the editor read it to say
/// "bob is editing" and "locked by carol".
public struct Others: Sendable, Hashable {
    /// Other sessions by session id (this client's own is never kept).
    public private(set) var sessions: [String: PresenceEvent] = [:]
    /// Live leases by record (`collection/id`), mine included.
    public private(set) var locks: [String: LockInfo] = [:]

    public init() {}

    mutating func apply(_ event: PresenceEvent, mySession: String?) {
        guard event.session != mySession else { return }
        if event.state == .gone { sessions[event.session] = nil } else { sessions[event.session] = event }
    }

    mutating func apply(_ event: LockEvent) {
        let record = "\(event.lock.collection)/\(event.lock.id)"
        locks[record] = event.kind == .released ? nil : event.lock
    }

    /// What `GET …/lock` answered for `key` (nil: free).
    mutating func setLock(_ lock: LockInfo?, on key: RecordKey) {
        locks[key.description] = lock
    }

    /// The stream broke: presence comes again as a whole when it reopens.
    mutating func forgetSessions() {
        sessions = [:]
    }

    /// The lease on `key` unless it has lapsed by `now`.
    public func lock(on key: RecordKey, now: Date) -> LockInfo? {
        guard let lock = locks[key.description] else { return nil }
        guard let expiry = RelativeTime.parse(lock.expiresAt), expiry > now else { return nil }
        return lock
    }

    /// Each other person on `key` once, with the busiest of their sessions'
    /// states (editing over viewing over idle), editors first, then by name.
    public func people(on key: RecordKey, me: String?) -> [(name: String, state: PresenceEvent.State)] {
        var best: [String: PresenceEvent.State] = [:]
        for event in sessions.values where event.record == key.description {
            let name = event.user == me ? "you (another session)" : event.user
            if let known = best[name], known.rank <= event.state.rank { continue }
            best[name] = event.state
        }
        return best.map { (name: $0.key, state: $0.value) }.sorted { ($0.state.rank, $0.name) < ($1.state.rank, $1.name) }
    }

    /// "bob is editing", "ann and bob are viewing", "bob is editing · ann is idle".
    public func sentence(on key: RecordKey, me: String?) -> String? {
        let people = people(on: key, me: me)
        guard !people.isEmpty else { return nil }
        let groups = Dictionary(grouping: people, by: \.state)
        let parts = [PresenceEvent.State.editing, .viewing, .idle].compactMap { state -> String? in
            guard let names = groups[state]?.map(\.name), !names.isEmpty else { return nil }
            return Self.phrase(names, state)
        }
        return parts.joined(separator: " · ")
    }

    /// "bob is editing", "ann and bob are viewing", "you (another session) are idle".
    static func phrase(_ names: [String], _ state: PresenceEvent.State) -> String {
        let who = names.count == 1 ? names[0] : names.dropLast().joined(separator: ", ") + " and " + names.last!
        return who + (names.count == 1 && !names[0].hasPrefix("you ") ? " is " : " are ") + state.rawValue
    }
}

extension PresenceEvent.State {
    /// Busier first: what one line says about a person with several sessions.
    var rank: Int {
        switch self {
        case .editing: 0
        case .viewing: 1
        case .idle: 2
        case .gone: 3
        }
    }
}
