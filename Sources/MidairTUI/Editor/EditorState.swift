import Foundation
import MidairCore

/// One field of the form: its schema and the text being edited.
public struct FieldEditor: Sendable, Hashable {
    public var name: String
    public var kind: FieldKind
    public var buffer: TextBuffer

    public init(name: String, kind: FieldKind, value: String) {
        self.name = name
        self.kind = kind
        buffer = TextBuffer(value, multiline: kind.isMultiline)
    }

    public var value: String { buffer.text }
}

/// The editor: a form of a record's fields, the version it was read at
/// (the `If-Match` of the next save), and what the server said since.
public struct EditorState: Sendable {
    public enum Phase: Sendable, Hashable {
        case loading
        case ready
        case saving
        case failed(String)
    }

    public var collection: String
    /// Nil for a new record until its first save.
    public var key: RecordKey?
    /// The version being edited; for a stale draft, the draft's base.
    public var base: Record?
    public var fields: [FieldEditor] = []
    public var focus = 0
    public var phase: Phase
    /// Problems the server found, by field (a 422).
    public var errors: [String: String] = [:]
    /// A newer version saved by someone else while this was open.
    public var remote: ChangeEvent?
    var undo = UndoHistory()
    /// The journal timer is running; edits until it fires go in one write.
    var journalPending = false
    /// The draft read from the journal: nil until it was read.
    var journaled: Draft??
    /// The draft the "restore it?" question is about.
    var offered: Draft?
    /// Leave once the save in flight succeeds (Esc, then "save").
    var leaveAfterSave = false

    /// The editor on an existing record: asks for it and for its draft.
    static func open(_ key: RecordKey, _ env: Env) -> (EditorState, [Command]) {
        let state = EditorState(collection: key.collection, key: key, phase: .loading)
        return (state, [.run(.call(.get(key), reply: .editor(.loaded))), .run(.readDraft(key))])
    }

    /// The editor on a new record of `collection`.
    static func new(collection: String, _ env: Env) -> EditorState {
        var state = EditorState(collection: collection, key: nil, phase: .ready)
        state.fields = (env.schema?.collection(collection)?.fields ?? []).map { FieldEditor(name: $0.name, kind: $0.kind, value: "") }
        state.focusField(0, atEnd: false)
        return state
    }

    /// The fields as typed, in form order.
    public var values: Fields {
        var out = Fields(minimumCapacity: fields.count)
        for f in fields { out[f.name] = f.value }
        return out
    }

    /// Whether there is anything a save would change.
    public var isDirty: Bool {
        guard let base else { return values.values.contains { !$0.isEmpty } }
        return fields.contains { $0.value != base.fields[$0.name] ?? "" }
    }

    /// The unsaved edits as the journal keeps them.
    func draft(_ env: Env) -> Draft? {
        guard let key, let base else { return nil }
        return Draft(key: key, baseRevision: base.revision, baseVersion: base.version, fields: values, savedAt: env.now)
    }

    /// Fills the form from `record`, in schema order, and focuses the first field.
    mutating func load(_ record: Record, _ env: Env) {
        base = record
        let schema = env.schema?.collection(record.collection)
        var forms = (schema?.fields ?? []).map { FieldEditor(name: $0.name, kind: $0.kind, value: record.fields[$0.name] ?? "") }
        for (name, value) in record.fields where schema?.field(name) == nil {
            forms.append(FieldEditor(name: name, kind: value.contains("\n") ? .multiline : .text, value: value))
        }
        fields = forms
        undo = UndoHistory()
        errors = [:]
        phase = .ready
        focusField(min(focus, max(0, fields.count - 1)), atEnd: false)
    }

    mutating func focusField(_ index: Int, atEnd: Bool) {
        guard fields.indices.contains(index) else { return }
        focus = index
        fields[index].buffer.enter(atEnd: atEnd)
    }
}
