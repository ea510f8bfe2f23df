import MidairCore

/// The merge view of a save that met a newer version: your draft on the
/// left, their version on the right, every difference pickable, and the
/// result saved against their version.
///
/// The app relies on `start(conflict:draft:_:)`, `update`, `view`,
/// `takesText` and `keyHelp`; everything else is the view's own.
public struct MergeState: Sendable {
    /// What the server answered: their version, who saved what since.
    public var conflict: EditConflict
    /// Your side, kept whole so Esc hands it back untouched.
    public var draft: Draft
    /// What your side is, for the header.
    var yoursLabel: String
    /// Where the common ancestor of the two sides stands.
    public var base: MergeBase
    /// The conflict model; nil while the base is on its way, since a merge
    /// without it would show every difference as a conflict.
    public internal(set) var merge: RecordMerge?
    var layout = MergeLayout.empty
    /// The hunk the keys act on.
    public internal(set) var selected: Int?
    /// The first row of the layout on screen.
    var top = 0
    /// Cells scrolled off the left of both sides.
    var left = 0
    public internal(set) var showBase = false
    /// `]` or `[` waiting for its `c`.
    var pendingBracket: Character?
    /// The hunk being edited by hand (`e`).
    var editing: HunkEdit?
    var saving = false
    /// Pages from this merge down to the editor it came from: a merge of a
    /// merge (its save met yet another version) sits on the first, so Esc
    /// steps back one merge at a time and a save leaves them all.
    var depth = 1

    /// Where the base comes from.
    public enum MergeBase: Sendable, Hashable {
        /// Fetching this version.
        case loading(version: Int)
        /// In use; `label` names it in the header ("v3").
        case known(label: String)
        /// None: a two-way merge, every difference a conflict. Says why.
        case missing(String)
    }

    /// The page a stale save opens: the merge, or the deleted screen when
    /// their side is a tombstone.
    static func open(conflict: EditConflict, draft: Draft, _ env: Env) -> (Page, [Command]) {
        if conflict.current.deleted { return (.conflict(.deleted(DeletedState(conflict: conflict, draft: draft))), []) }
        let (state, commands) = start(conflict: conflict, draft: draft, env)
        return (.merge(state), commands)
    }

    /// Opens the merge of `draft` (yours) with `conflict.current` (theirs),
    /// fetching the base version first when the server named it.
    static func start(conflict: EditConflict, draft: Draft, _ env: Env) -> (MergeState, [Command]) {
        guard let version = conflict.baseVersion else {
            let state = MergeState(conflict, draft, base: nil, .missing("the version your draft started from is unknown"), env)
            return (state, [])
        }
        let state = MergeState(conflict, draft, base: nil, .loading(version: version), env)
        return (state, [.run(.call(.version(draft.key, version), reply: .merge(.base(version: version))))])
    }

    /// A merge whose base is at hand (`fields`) or, with `.loading`, still
    /// on its way.
    init(_ conflict: EditConflict, _ draft: Draft, base fields: Fields?, _ base: MergeBase, _ env: Env) {
        self.conflict = conflict
        self.draft = draft
        self.base = base
        yoursLabel = "your draft, typed on v\(draft.baseVersion)"
        if case .loading = base { return }
        settle(base: fields, env)
    }

    /// Builds the conflict model once the base is known, and puts the
    /// first open conflict (or the first change) on screen.
    mutating func settle(base fields: Fields?, _ env: Env) {
        let merge = RecordMerge(base: fields, yours: draft.fields, theirs: conflict.current.fields, schema: schema(env, fields))
        self.merge = merge
        layout = MergeLayout(merge, showBase: showBase)
        select(merge.nextConflict(after: nil) ?? merge.nextChange(after: nil), env)
    }

    /// The collection's schema; fields it does not name (or a schema not
    /// loaded yet) count as multiline when any side has a line break, so
    /// their lines still merge one by one.
    private func schema(_ env: Env, _ base: Fields?) -> CollectionSchema {
        var schema = env.schema?.collection(draft.key.collection)
            ?? CollectionSchema(name: draft.key.collection, title: "", fields: [])
        for version in [draft.fields, conflict.current.fields, base ?? [:]] {
            for (name, value) in version where schema.field(name) == nil && value.contains("\n") {
                schema.fields.append(FieldSchema(name: name, kind: .multiline))
            }
        }
        return schema
    }

    /// Typing goes to the hand-edit box while it is open.
    var takesText: Bool { editing != nil }

    var remainingConflicts: Int { merge?.remainingConflicts ?? 0 }

    static let keyHelp = KeyHelp(title: "Merge", keys: [
        ("n p  ]c [c", "next / previous hunk"),
        ("1 h", "take yours (left) for this hunk"),
        ("2 l", "take theirs (right) for this hunk"),
        ("b", "take both, yours then theirs"),
        ("B", "take both, theirs then yours"),
        ("e", "edit the hunk by hand (^S done, Esc cancel)"),
        ("u", "undo the last pick"),
        ("t", "show or hide the base under each change"),
        ("↑ ↓ j k", "scroll a line"),
        ("PgUp PgDn", "scroll a page"),
        ("← →", "scroll sideways"),
        ("^S", "save the merge against their version (needs every conflict picked)"),
        ("Esc", "back to your draft, nothing lost"),
    ] + KeyHelp.everywhere)
}

/// What other pages ask of the merge view. It asks nothing of them yet:
/// the cases are the answers it waits for, in `MergeReply`.
public enum MergeAction: Sendable {}

/// The answers the merge view waits for.
public enum MergeReply: Sendable, Hashable {
    /// The base version of the three-way merge.
    case base(version: Int)
    /// The save of the merged fields.
    case saved
}
