import MidairCore

extension MergeState {
    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(let key) where editing != nil:
            return editHunk(key, env)
        case .key(let key):
            return press(key, env)
        case .answered(.merge(let reply), let result):
            return answered(reply, result, env)
        default:
            return []
        }
    }

    private mutating func press(_ key: Key, _ env: Env) -> [Command] {
        let bracket = pendingBracket
        pendingBracket = nil
        if let bracket, key == .char("c") { return step(forward: bracket == "]", env) }
        let page = max(1, MergeFrame(env.size).list.height - 1)
        switch key {
        case .escape:
            return [.pop]
        case .ctrl("s"):
            return save(env)
        case .char("]"), .char("["):
            if case .char(let c) = key { pendingBracket = c }
        case .char("n"):
            return step(forward: true, env)
        case .char("p"):
            return step(forward: false, env)
        case .char("1"), .char("h"):
            return pick(.yours, env)
        case .char("2"), .char("l"):
            return pick(.theirs, env)
        case .char("b"):
            return pick(.yoursThenTheirs, env)
        case .char("B"):
            return pick(.theirsThenYours, env)
        case .char("e"):
            return startEditing(env)
        case .char("u"):
            return undo(env)
        case .char("t"):
            showBase.toggle()
            relayout()
            if let selected { reveal(selected, env) }
        case .up, .char("k"): scroll(-1, env)
        case .down, .char("j"): scroll(1, env)
        case .pageUp: scroll(-page, env)
        case .pageDown: scroll(page, env)
        case .home, .char("g"): scroll(-layout.rowCount, env)
        case .end, .char("G"): scroll(layout.rowCount, env)
        case .mouse(let m) where m.kind == .wheelUp: scroll(-3, env)
        case .mouse(let m) where m.kind == .wheelDown: scroll(3, env)
        case .left: left = max(0, left - Self.sideways)
        case .right: left += Self.sideways
        default: break
        }
        return []
    }

    /// How far ← and → scroll both sides.
    static let sideways = 8

    // MARK: Hunks

    /// `n` / `]c` and `p` / `[c`: the next or previous hunk that changes something.
    private mutating func step(forward: Bool, _ env: Env) -> [Command] {
        guard let merge else { return waitingForBase }
        let target = forward ? merge.nextChange(after: selected) : merge.previousChange(before: selected)
        guard let target else { return [.send(.flash(forward ? "No more changes below." : "No more changes above."))] }
        select(target, env)
        return []
    }

    /// Selects hunk `i` and scrolls it into view.
    mutating func select(_ i: Int?, _ env: Env) {
        selected = i
        if let i { reveal(i, env) }
    }

    /// Scrolls so hunk `i` starts on screen, a third of the way down when
    /// it has to move.
    private mutating func reveal(_ i: Int, _ env: Env) {
        let rows = layout.rows(ofHunk: i)
        let height = MergeFrame(env.size).list.height
        if rows.lowerBound < top || rows.lowerBound >= top + height {
            top = max(0, rows.lowerBound - height / 3)
        }
        clampScroll(height)
    }

    private mutating func scroll(_ delta: Int, _ env: Env) {
        let height = MergeFrame(env.size).list.height
        top += delta
        clampScroll(height)
        // The keys act on what is on screen: a selection scrolled away
        // passes to the first change in view.
        if let selected, layout.rows(ofHunk: selected).overlaps(top..<top + height) { return }
        let (layout, merge) = (self.layout, self.merge)
        let shown = (top..<min(top + height, layout.rowCount)).lazy.compactMap { layout.hunk(atRow: $0) }
        if let change = shown.first(where: { merge?.hunks[$0].kind.isChange == true }) { selected = change }
    }

    private mutating func clampScroll(_ height: Int) {
        top = max(0, min(top, layout.rowCount - height))
    }

    /// Settles the selected hunk with `resolution`.
    private mutating func pick(_ resolution: Resolution, _ env: Env) -> [Command] {
        guard merge != nil else { return waitingForBase }
        guard let i = selected, merge!.hunks[i].kind.isChange else {
            return [.send(.flash("Nothing to pick here: move to a change with n or p."))]
        }
        let before = merge!.hunks[i].resolution
        merge!.resolve(i, resolution)
        if before?.isCustom == true || resolution.isCustom { relayout() }
        reveal(i, env)
        return []
    }

    private mutating func undo(_ env: Env) -> [Command] {
        guard merge != nil else { return waitingForBase }
        guard let i = merge!.undo() else { return [.send(.flash("Nothing to undo."))] }
        relayout()
        select(i, env)
        return []
    }

    /// Rebuilds the rows after a change of what is shown under hunks (the
    /// base, a hand-typed text).
    mutating func relayout() {
        guard let merge else { return }
        layout = MergeLayout(merge, showBase: showBase)
    }

    private var waitingForBase: [Command] {
        [.send(.flash("Waiting for the base version from the server…"))]
    }

    // MARK: Editing a hunk by hand

    private mutating func startEditing(_ env: Env) -> [Command] {
        guard let merge else { return waitingForBase }
        guard let i = selected, let edit = HunkEdit(merge, hunk: i) else {
            return [.send(.flash("Nothing to edit here: move to a change with n or p."))]
        }
        editing = edit
        reveal(i, env)
        return []
    }

    private mutating func editHunk(_ key: Key, _ env: Env) -> [Command] {
        guard var edit = editing else { return [] }
        switch edit.press(key, box: MergeFrame(env.size).editBox) {
        case .editing:
            editing = edit
        case .cancelled:
            editing = nil
        case .done(let text):
            editing = nil
            merge?.resolve(edit.hunk, .custom(text))
            relayout()
            reveal(edit.hunk, env)
        }
        return []
    }

    // MARK: Saving

    /// Ctrl-S: with every conflict picked, saves against their version.
    private mutating func save(_ env: Env) -> [Command] {
        guard let merge else { return waitingForBase }
        guard !saving else { return [] }
        let open = merge.remainingConflicts
        guard open == 0 else {
            let here = selected.flatMap { merge.hunks[$0].resolution == nil ? $0 : nil }
            select(here ?? merge.nextConflict(after: selected), env)
            let what = open == 1 ? "1 conflict is" : "\(open) conflicts are"
            return [.send(.flash("Not saved: \(what) still open. Pick a side for each (1 yours, 2 theirs, b both, e edit)."))]
        }
        // Their side is never a tombstone here (that opens the deleted
        // screen), so the merge always keeps the record.
        guard let fields = try? merge.mergedFields() else { return [] }
        saving = true
        return [.run(.call(.replace(draft.key, fields: fields, ifMatch: conflict.current.revision), reply: .merge(.saved)))]
    }

    private mutating func answered(_ reply: MergeReply, _ result: Result<APIReply, AppError>, _ env: Env) -> [Command] {
        switch (reply, result) {
        case (.base(let version), .success(.record(let record))):
            guard base == .loading(version: version) else { return [] }
            base = .known(label: "v\(version)")
            settle(base: record.fields, env)
            return []
        case (.base(let version), .failure(let error)):
            guard base == .loading(version: version) else { return [] }
            base = .missing("v\(version) could not be read: \(error.description)")
            settle(base: nil, env)
            return []
        case (.saved, _) where !saving:
            return []
        case (.saved, .success(.record(let record))):
            saving = false
            return Array(repeating: .pop, count: depth) + [
                .send(.editor(.adopt(record))),
                .send(.flash("Merged and saved \(draft.key) as v\(record.version).")),
            ]
        case (.saved, .failure(.api(.editConflict(let newer)))):
            saving = false
            return again(newer, env)
        case (.saved, .failure(let error)):
            saving = false
            if case .api(.locked(let problem)) = error, let lock = problem.lock { return locked(lock, env) }
            return [.notice(Notice("The merge was not saved", error))]
        case (_, .success):
            return []
        }
    }

    /// The merge as a draft on their version: what a save of it that was
    /// refused goes on with.
    private func mergedDraft(_ env: Env) -> Draft? {
        guard let merged = try? merge?.mergedFields() else { return nil }
        let theirs = conflict.current
        return Draft(key: draft.key, baseRevision: theirs.revision, baseVersion: theirs.version, fields: merged, savedAt: env.now)
    }

    /// The save of the merge met someone's lock: the lock screen waits
    /// with the merged fields, against their version.
    private func locked(_ lock: LockInfo, _ env: Env) -> [Command] {
        guard let yours = mergedDraft(env) else { return [] }
        var screen = LockedState(lock: lock, draft: yours)
        screen.depth = depth + 1
        return [.push(.conflict(.locked(screen)))]
    }

    /// The save of the merge met yet another version: the merged fields
    /// become your side of a new merge against it, with the version this
    /// merge was against as the base. This one stays below, picks and all.
    private func again(_ newer: EditConflict, _ env: Env) -> [Command] {
        guard let yours = mergedDraft(env) else { return [] }
        let theirs = conflict.current
        if newer.current.deleted {
            var deleted = DeletedState(conflict: newer, draft: yours)
            deleted.depth = depth + 1
            return [.push(.conflict(.deleted(deleted)))]
        }
        var next = MergeState(newer, yours, base: theirs.fields, .known(label: "v\(theirs.version)"), env)
        next.depth = depth + 1
        next.yoursLabel = "your merge, on v\(theirs.version)"
        let who = "\(newer.current.updatedBy) saved v\(newer.current.version) meanwhile"
        return [.push(.merge(next)), .send(.flash("Not saved: \(who). Merge your merge with it."))]
    }
}

extension Resolution {
    /// Text typed by hand, which the layout shows under the hunk.
    var isCustom: Bool {
        if case .custom = self { true } else { false }
    }
}
