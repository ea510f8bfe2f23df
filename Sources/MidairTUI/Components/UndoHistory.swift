/// Undo and redo for a form: snapshots of one field's text and cursor,
/// taken before each change. A run of typing is one step, as in most
/// editors, so Ctrl-Z takes back a word rather than a letter.
public struct UndoHistory: Sendable {
    public struct Snapshot: Sendable, Hashable {
        var field: Int
        var lines: [[Character]]
        var cursor: Position
    }

    /// What kind of change the last one was, to group runs of typing.
    public enum Change: Sendable, Hashable {
        case typing
        case deleting
        case other
    }

    private var undo: [Snapshot] = []
    private var redo: [Snapshot] = []
    private var last: (field: Int, change: Change)?

    static let limit = 500

    public init() {}

    public var canUndo: Bool { !undo.isEmpty }
    public var canRedo: Bool { !redo.isEmpty }

    /// Called before a change to field `field`, with its state before the change.
    mutating func record(_ change: Change, field: Int, _ buffer: TextBuffer, breaksRun: Bool = false) {
        defer { last = (field, change) }
        redo.removeAll()
        if let last, last.field == field, last.change == change, change != .other, !breaksRun { return }
        undo.append(Snapshot(field: field, lines: buffer.lines, cursor: buffer.cursor))
        if undo.count > Self.limit { undo.removeFirst() }
    }

    /// Takes the latest snapshot, leaving `current` to redo.
    mutating func undo(current: (Int) -> Snapshot) -> Snapshot? {
        guard let snapshot = undo.popLast() else { return nil }
        redo.append(current(snapshot.field))
        last = nil
        return snapshot
    }

    mutating func redo(current: (Int) -> Snapshot) -> Snapshot? {
        guard let snapshot = redo.popLast() else { return nil }
        undo.append(current(snapshot.field))
        last = nil
        return snapshot
    }
}
