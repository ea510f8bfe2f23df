import Foundation
import MidairClient
import MidairCore
@testable import MidairTUI

/// Drives the app the way the runtime does, without a terminal or a
/// server: actions in through `App.update`, effects collected as values,
/// frames out through `App.view`. Answers to calls are fed back as the
/// actions the runtime would send.
struct Harness {
    var state: AppState
    /// Effects asked for since the last `take()`.
    var effects: [Effect]

    init(_ start: (AppState, [Effect])) {
        state = start.0
        effects = start.1
    }

    /// The browser at 80x24, signed in as alice, with the fixture schema.
    static func browser(size: Size = .minimum) -> Harness {
        var h = Harness(AppState.browser(size: size, now: Fixtures.now))
        h.send(.answered(.app(.whoami), .success(.whoami(Whoami(user: "alice", via: "unix-socket")))))
        h.send(.answered(.app(.schema), .success(.schema(Fixtures.schema))))
        h.send(.connection(.connected))
        return h
    }

    /// The editor on `record`, loaded, with no draft in the journal.
    static func editor(_ record: Record = Fixtures.welcome, draft: Draft? = nil, size: Size = .minimum) -> Harness {
        let key = RecordKey(collection: record.collection, id: record.id)
        var h = Harness(AppState.editor(key, size: size, now: Fixtures.now))
        h.send(.answered(.app(.whoami), .success(.whoami(Whoami(user: "alice", via: "unix-socket")))))
        h.send(.answered(.app(.schema), .success(.schema(Fixtures.schema))))
        h.send(.connection(.connected))
        h.send(.answered(.editor(.loaded), .success(.record(record))))
        h.send(.draftRead(key, draft))
        return h
    }

    mutating func send(_ action: Action) {
        let (next, more) = App.update(state, action)
        state = next
        effects += more
    }

    mutating func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    mutating func type(_ text: String) {
        for key in Key.typing(text) { send(.key(key)) }
    }

    /// The effects asked for since the last call, and forgets them; the
    /// app's housekeeping calls (presence, lock status) are left out, so
    /// a test of a page says only what that page asked for.
    mutating func take() -> [Effect] {
        takeAll().filter { !$0.isHousekeeping }
    }

    /// Every effect asked for since the last call, housekeeping too.
    mutating func takeAll() -> [Effect] {
        defer { effects = [] }
        return effects
    }

    /// The server calls asked for since the last `take()`, housekeeping left out.
    var calls: [APICall] {
        effects.compactMap { if case .call(let call, _) = $0, !call.isHousekeeping { call } else { nil } }
    }

    /// What the app told the server about this session, since the last `take()`.
    var announced: [Presence] {
        effects.compactMap { if case .call(.setPresence(let p), _) = $0 { p } else { nil } }
    }

    var screen: Screen { App.view(state, size: state.size) }
    var text: String { screen.text }

    var editor: EditorState? {
        if case .editor(let e) = state.top { e } else { nil }
    }

    var topKind: PageKind? { state.top?.kind }
}

extension Effect {
    var isHousekeeping: Bool {
        if case .call(let call, _) = self { call.isHousekeeping } else { false }
    }
}
