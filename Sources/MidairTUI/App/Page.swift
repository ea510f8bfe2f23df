/// One screen of the app and its state. The app keeps a stack of them:
/// the top one gets the keys, Esc leaves it for the one below.
///
/// Adding a screen: a folder with its state, action enum, update and view;
/// a case here and in `PageKind`; its action case in `Action` (and reply
/// case in `Reply` if it calls the server); and a line in each switch of
/// `Page+Dispatch.swift`.
public enum Page: Sendable {
    case browser(BrowserState)
    case editor(EditorState)
    case history(HistoryState)
    case conflictLog(ConflictLogState)
    case help(HelpState)
    case merge(MergeState)
    case conflict(ConflictScreen)

    public var kind: PageKind {
        switch self {
        case .browser: .browser
        case .editor: .editor
        case .history: .history
        case .conflictLog: .conflictLog
        case .help: .help
        case .merge: .merge
        case .conflict: .conflict
        }
    }
}

public enum PageKind: Sendable, Hashable {
    case browser, editor, history, conflictLog, help, merge, conflict
}
