import MidairCore

/// The refusals other than a stale save, each with its own screen: the
/// value or id is taken (already-exists), the record is still referred to
/// (has-dependents), the record was deleted under your edits, someone holds
/// its lock (423). One page kind for them all, so the app routes them with
/// one case.
public enum ConflictScreen: Sendable {
    case alreadyExists(AlreadyExistsState)
    case dependents(DependentsState)
    case deleted(DeletedState)
    case locked(LockedState)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch consume self {
        case .alreadyExists(var s): defer { self = .alreadyExists(s) }; return s.update(action, env)
        case .dependents(var s): defer { self = .dependents(s) }; return s.update(action, env)
        case .deleted(var s): defer { self = .deleted(s) }; return s.update(action, env)
        case .locked(var s): defer { self = .locked(s) }; return s.update(action, env)
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        switch self {
        case .alreadyExists(let s): s.view(&screen, env)
        case .dependents(let s): s.view(&screen, env)
        case .deleted(let s): s.view(&screen, env)
        case .locked(let s): s.view(&screen, env)
        }
    }

    var keyHelp: KeyHelp {
        switch self {
        case .alreadyExists: AlreadyExistsState.keyHelp
        case .dependents: DependentsState.keyHelp
        case .deleted: DeletedState.keyHelp
        case .locked: LockedState.keyHelp
        }
    }

    /// The record whose edits this screen holds, for presence; nil for a
    /// delete refused from the browser.
    var record: RecordKey? {
        switch self {
        case .alreadyExists(let s): s.key
        case .dependents: nil
        case .deleted(let s): s.draft.key
        case .locked(let s): s.draft.key
        }
    }
}

/// The answers these screens wait for.
public enum ConflictReply: Sendable, Hashable {
    /// The re-creation of a record deleted under your edits.
    case recreated
    /// A save tried again while waiting for a lock.
    case lockRetry
}

/// A record's fields as a few lines each, for the screens that show a
/// record without editing it.
enum FieldPreview {
    static func draw(_ fields: Fields, in rect: Rect, linesPerField: Int = 3, into screen: inout Screen) {
        let labelWidth = min(16, (fields.keys.map { CellWidth.of($0) }.max() ?? 0) + 1)
        var row = rect.row
        for (name, value) in fields {
            guard row < rect.bottom else { return }
            screen.put(name, row: row, col: rect.col, style: .bold, limit: labelWidth)
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            for line in lines.prefix(linesPerField) where row < rect.bottom {
                screen.put(String(line), row: row, col: rect.col + labelWidth + 1, limit: rect.width - labelWidth - 1)
                row += 1
            }
            if lines.count > linesPerField, row < rect.bottom {
                screen.put("… \(lines.count - linesPerField) more lines", row: row, col: rect.col + labelWidth + 1, style: .dim)
                row += 1
            }
            if lines.isEmpty { row += 1 }
        }
    }
}
