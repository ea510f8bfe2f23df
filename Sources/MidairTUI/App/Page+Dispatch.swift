/// The switches that hand an action, a view or a question to whichever
/// page this is. A new page adds one line to each.
extension Page {
    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        // Consumed, so the page's buffers stay uniquely referenced and are
        // changed in place rather than copied on every key.
        switch consume self {
        case .browser(var s): defer { self = .browser(s) }; return s.update(action, env)
        case .editor(var s): defer { self = .editor(s) }; return s.update(action, env)
        case .history(var s): defer { self = .history(s) }; return s.update(action, env)
        case .conflictLog(var s): defer { self = .conflictLog(s) }; return s.update(action, env)
        case .help(var s): defer { self = .help(s) }; return s.update(action, env)
        case .merge(var s): defer { self = .merge(s) }; return s.update(action, env)
        case .conflict(var s): defer { self = .conflict(s) }; return s.update(action, env)
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        switch self {
        case .browser(let s): s.view(&screen, env)
        case .editor(let s): s.view(&screen, env)
        case .history(let s): s.view(&screen, env)
        case .conflictLog(let s): s.view(&screen, env)
        case .help(let s): s.view(&screen, env)
        case .merge(let s): s.view(&screen, env)
        case .conflict(let s): s.view(&screen, env)
        }
    }

    /// Whether printable keys are text here (a field, a filter), so `?`
    /// types a question mark instead of opening the help.
    var takesText: Bool {
        switch self {
        case .browser(let s): s.takesText
        case .editor: true
        case .history, .conflictLog, .help, .conflict: false
        case .merge(let s): s.takesText
        }
    }

    /// The record this page is about and whether you are changing it; nil
    /// for pages about no one record.
    var presence: Presence? {
        switch self {
        case .editor(let s): s.key.map { Presence(record: $0, state: s.isDirty ? .editing : .viewing) }
        case .history(let s): Presence(record: s.key, state: .viewing)
        case .merge(let s): Presence(record: s.draft.key, state: .editing)
        case .conflict(let s): s.record.map { Presence(record: $0, state: .editing) }
        case .browser, .conflictLog, .help: nil
        }
    }

    /// The keys the help lists for this page.
    var keyHelp: KeyHelp {
        switch self {
        case .browser: .browser
        case .editor: .editor
        case .history: .history
        case .conflictLog: .conflictLog
        case .help: .browser
        case .merge: MergeState.keyHelp
        case .conflict(let s): s.keyHelp
        }
    }
}

extension Reply {
    /// The page an answer goes to; nil for the app's own.
    var page: PageKind? {
        switch self {
        case .app: nil
        case .browser: .browser
        case .editor: .editor
        case .history: .history
        case .conflictLog: .conflictLog
        case .merge: .merge
        case .conflict: .conflict
        }
    }
}
