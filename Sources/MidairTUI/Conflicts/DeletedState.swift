import MidairCore

/// A save that met a deleted record: who deleted it when, and your draft,
/// to create the record again from it or to let it go.
public struct DeletedState: Sendable {
    /// What the server answered; `current` is the tombstone.
    public var conflict: EditConflict
    public var draft: Draft
    /// Pages from this one down to the editor (see `MergeState.depth`).
    var depth = 1
    var recreating = false

    public init(conflict: EditConflict, draft: Draft) {
        self.conflict = conflict
        self.draft = draft
    }

    static let keyHelp = KeyHelp(title: "Deleted meanwhile", keys: [
        ("r", "re-create the record from your draft"),
        ("d", "discard your draft and leave the record deleted"),
        ("Esc", "back to your draft"),
    ] + KeyHelp.everywhere)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(.char("r")) where !recreating:
            recreating = true
            return [.run(.call(.createExclusive(draft.key, fields: draft.fields), reply: .conflict(.recreated)))]
        case .key(.char("d")):
            return leave + [.send(.editor(.discardAndLeave))]
        case .key(.escape):
            return [.pop]
        case .answered(.conflict(.recreated), let result) where recreating:
            recreating = false
            return recreated(result, env)
        default:
            return []
        }
    }

    /// Back down to the editor this came from.
    private var leave: [Command] { Array(repeating: .pop, count: depth) }

    private func recreated(_ result: Result<APIReply, AppError>, _ env: Env) -> [Command] {
        switch result {
        case .success(.record(let record)):
            return leave + [.send(.editor(.adopt(record))), .send(.flash("Re-created \(draft.key) as v\(record.version)."))]
        case .failure(.api(.preconditionFailed(let existing?))):
            // Someone created it again first: theirs is the record now.
            var next = AlreadyExistsState(found: AlreadyExists(existing: existing, field: "id", value: draft.key.id),
                                          yours: draft.fields, key: draft.key)
            next.depth = depth
            return [.replaceTop(.conflict(.alreadyExists(next)))]
        case .failure(let error):
            return [.notice(Notice("\(draft.key) was not re-created", error))]
        case .success:
            return []
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        let tomb = conflict.current
        Chrome.titleBar(&screen, "deleted meanwhile: \(draft.key)")
        let body = Chrome.body(screen)
        let when = RelativeTime.describe(tomb.updatedAt, now: env.now)
        screen.put("\(tomb.updatedBy) deleted \(draft.key) \(when) (v\(tomb.version)) while you were editing it.",
                   row: body.row + 1, col: 2, style: .warning, limit: body.width - 4)
        screen.put("Your draft, typed on v\(draft.baseVersion), is kept:", row: body.row + 3, col: 2, style: .bold)
        FieldPreview.draw(draft.fields, in: Rect(row: body.row + 5, col: 2, width: body.width - 4, height: body.height - 6), into: &screen)
        Chrome.statusLine(&screen, "\(draft.key) · deleted by \(tomb.updatedBy)", right: recreating ? "re-creating…" : "")
        Chrome.hints(&screen, [("r", "re-create it from your draft"), ("d", "discard your draft"), ("Esc", "back to your draft")])
    }
}
