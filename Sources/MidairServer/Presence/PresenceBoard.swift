import Foundation
import MidairCore
import MidairStore
import Synchronization

/// Who is looking at what: one entry per (user, client session), in memory
/// only, each lapsing `ttl` after its last heartbeat.
///
/// Every change that others should see (a session appears, changes record
/// or state, leaves or lapses) is published on `events` as it happens; a
/// heartbeat that changes nothing publishes nothing.
public final class PresenceBoard: Sendable {
    private struct Key: Hashable {
        var user: String
        var session: String
    }

    private struct Entry {
        var presence: PresenceEvent
        var expires: Date
    }

    public let ttl: Duration
    private let now: @Sendable () -> Date
    private let events: Broadcast<ServerEvent>
    private let entries = Mutex<[Key: Entry]>([:])

    public init(ttl: Duration, events: Broadcast<ServerEvent>, now: @escaping @Sendable () -> Date = { Date() }) {
        self.ttl = ttl
        self.events = events
        self.now = now
    }

    /// A heartbeat: `user`'s `session` is on `record` in `state`.
    public func update(user: String, session: String, record: String?, state: PresenceEvent.State) {
        let date = now()
        let at = Timestamp.string(date)
        let expires = date.addingTimeInterval(ttl.seconds)
        let changes: [PresenceEvent] = entries.withLock { entries in
            let key = Key(user: user, session: session)
            let previous = entries[key]?.presence
            let presence = if let previous, previous.record == record, previous.state == state {
                previous
            } else {
                PresenceEvent(user: user, session: session, record: record, state: state, at: at)
            }
            entries[key] = Entry(presence: presence, expires: expires)
            guard presence != previous else { return [] }
            // Moving to another record leaves the old one, for those who follow it.
            let left = previous.flatMap { $0.record != record ? Self.gone($0, at: at) : nil }
            return [left, presence].compactMap { $0 }
        }
        publish(changes)
    }

    /// The session says it leaves (the app quits).
    public func leave(user: String, session: String) {
        let at = Timestamp.string(now())
        let left = entries.withLock { $0.removeValue(forKey: Key(user: user, session: session)) }
        publish(left.map { [Self.gone($0.presence, at: at)] } ?? [])
    }

    /// Drops the sessions whose last heartbeat is older than `ttl`.
    public func expire() {
        let date = now()
        let at = Timestamp.string(date)
        let lapsed = entries.withLock { entries in
            let lapsed = entries.filter { $0.value.expires <= date }
            for key in lapsed.keys { entries.removeValue(forKey: key) }
            return lapsed.values.map(\.presence)
        }
        publish(lapsed.sorted(by: Self.order).map { Self.gone($0, at: at) })
    }

    /// The sessions present now, by user and session.
    public func current() -> [PresenceEvent] {
        let date = now()
        return entries.withLock { $0.values.filter { $0.expires > date }.map(\.presence) }.sorted(by: Self.order)
    }

    private func publish(_ changes: [PresenceEvent]) {
        for change in changes { events.publish(.presence(change)) }
    }

    private static func gone(_ presence: PresenceEvent, at: String) -> PresenceEvent {
        PresenceEvent(user: presence.user, session: presence.session, record: presence.record, state: .gone, at: at)
    }

    private static func order(_ a: PresenceEvent, _ b: PresenceEvent) -> Bool {
        (a.user, a.session) < (b.user, b.session)
    }
}
