import MidairCore

/// A save refused because its id or a unique value belongs to another
/// record: that record, to open it instead, or to merge your draft into it.
public struct AlreadyExistsState: Sendable {
    public var found: AlreadyExists
    /// The fields you were saving.
    public var yours: Fields
    /// The record you were saving; nil for a new one.
    public var key: RecordKey?
    /// Pages from this one down to the editor (see `MergeState.depth`).
    var depth = 1

    public init(found: AlreadyExists, yours: Fields, key: RecordKey?) {
        self.found = found
        self.yours = yours
        self.key = key
    }

    var existingKey: RecordKey { RecordKey(collection: found.existing.collection, id: found.existing.id) }

    /// Merging is offered when your draft is that record or a new one;
    /// another record's edits do not belong in it.
    var canMerge: Bool { key == nil || key == existingKey }

    static let keyHelp = KeyHelp(title: "Already exists", keys: [
        ("o", "open the existing record in the editor"),
        ("m", "merge your draft into it (the merge view)"),
        ("Esc", "back to your draft"),
    ] + KeyHelp.everywhere)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        guard case .key(let key) = action else { return [] }
        switch key {
        case .char("o"):
            return [.send(.open(existingKey))]
        case .char("m") where canMerge:
            return [.replaceTop(.merge(merge(env)))]
        case .escape:
            return [.pop]
        default:
            return []
        }
    }

    /// Your draft against the existing record, without a base: they share
    /// no version, so every difference is yours to pick.
    private func merge(_ env: Env) -> MergeState {
        let existing = found.existing
        let conflict = EditConflict(
            current: existing, yourRevision: existing.revision, baseVersion: nil, changedFields: [], changes: [])
        let draft = Draft(key: existingKey, baseRevision: existing.revision, baseVersion: existing.version, fields: yours, savedAt: env.now)
        var state = MergeState(conflict, draft, base: nil, .missing("they share no version"), env)
        state.yoursLabel = key == nil ? "your new record" : "your draft"
        state.depth = depth
        return state
    }

    func view(_ screen: inout Screen, _ env: Env) {
        let existing = found.existing
        Chrome.titleBar(&screen, "already exists: \(existingKey)", right: "v\(existing.version)")
        let body = Chrome.body(screen)
        let what = key.map { "Your save of \($0)" } ?? "Your new \(existing.collection) record"
        let why = found.field == "id"
            ? "\(existingKey) already exists."
            : "\(existingKey) already has \(found.field) “\(found.value)”, which must be unique."
        screen.put("\(what) was refused: \(why)", row: body.row + 1, col: 2, style: .warning, limit: body.width - 4)
        let who = "\(existingKey) · v\(existing.version) · saved by \(existing.updatedBy) \(RelativeTime.describe(existing.updatedAt, now: env.now))"
        screen.put(who, row: body.row + 3, col: 2, style: .bold, limit: body.width - 4)
        FieldPreview.draw(existing.fields, in: Rect(row: body.row + 5, col: 2, width: body.width - 4, height: body.height - 6), into: &screen)
        Chrome.statusLine(&screen, "\(existingKey) · already exists · your draft is kept")
        Chrome.hints(&screen, [("o", "open it")] + (canMerge ? [("m", "merge your draft into it")] : []) + [("Esc", "back to your draft")])
    }
}
