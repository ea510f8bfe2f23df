import Foundation
import MidairClient
import MidairCore

/// What this session tells the server it is doing: the record of the page
/// on top (none in the browser) and whether it has unsaved edits there.
public struct Presence: Sendable, Hashable {
    public var record: RecordKey?
    public var state: PresenceEvent.State

    public init(record: RecordKey?, state: PresenceEvent.State) {
        self.record = record
        self.state = state
    }
}

extension AppState {
    /// After this long without a key, presence says "idle".
    static let idleAfter: TimeInterval = 300

    /// What to tell the server now: the topmost page that is about a record
    /// (help over the editor is still the editor), idle after a while.
    var presence: Presence {
        var here = pages.last { $0.kind != .help }?.presence ?? Presence(record: nil, state: .viewing)
        if now.timeIntervalSince(lastInput) >= Self.idleAfter { here.state = .idle }
        return here
    }

    /// Tells the server when what this session does changed; the heartbeat
    /// timer says it again in between.
    mutating func announce(_ effects: inout [Effect]) {
        // On the way out the farewell says it; a last "viewing nothing"
        // could reach the server after it and bring the session back.
        guard !isLeaving, !effects.contains(.quit) else { return }
        let presence = self.presence
        guard presence != announced else { return }
        announced = presence
        effects.append(.call(.setPresence(presence), reply: .app(.presence)))
    }

    /// The last page is gone: the app is quitting (a headless one may
    /// still get actions).
    var isLeaving: Bool { pages.isEmpty }

    /// What to say to the server on the way out: leave at once rather than
    /// lapse, and give back the lease `--lock` took.
    public var farewell: [APICall] {
        [.leavePresence] + (heldLock.map { [.unlock($0)] } ?? [])
    }
}
