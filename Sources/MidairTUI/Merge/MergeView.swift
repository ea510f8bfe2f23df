import MidairCore

extension MergeState {
    func view(_ screen: inout Screen, _ env: Env) {
        let frame = MergeFrame(env.size)
        Chrome.titleBar(&screen, "merge \(draft.key)", right: "yours ◀ │ ▶ theirs v\(conflict.current.version)")
        header(&screen, frame, env)
        if let merge {
            MergeRows(merge: merge, layout: layout, frame: frame, selected: selected, left: left).draw(from: top, into: &screen)
        } else if case .loading(let version) = base {
            screen.put("Loading the base version v\(version)…", row: frame.list.row + 1, col: 2, style: .dim)
        }
        if let editing { editing.draw(in: frame.editBox, into: &screen) }
        status(&screen)
        if editing != nil {
            Chrome.hints(&screen, [("^S", "done"), ("Esc", "cancel"), ("↑↓←→", "move"), ("Enter", "new line")])
        } else {
            Chrome.hints(&screen, [
                ("n p", "hunk"), ("1 2", "pick"), ("b B", "both"), ("e", "edit"), ("u", "undo"),
                ("t", "base"), ("^S", "save"), ("Esc", "draft"),
            ])
        }
    }

    /// Who is on which side: your draft, and their version with who saved
    /// it when; then every version saved since yours was read, and the base.
    private func header(_ screen: inout Screen, _ frame: MergeFrame, _ env: Env) {
        let row = frame.header.row
        let theirs = conflict.current
        screen.put("◀ yours: " + yoursLabel, row: row, col: frame.yoursCol, style: .bold, limit: frame.sideWidth - 1)
        let saved = "▶ theirs: v\(theirs.version) by \(theirs.updatedBy), \(RelativeTime.describe(theirs.updatedAt, now: env.now))"
        screen.put(saved, row: row, col: frame.theirsCol, style: .bold, limit: frame.sideWidth)
        var since = conflict.changes.map { change in
            let what = change.deleted ? "deleted" : change.changedFields.joined(separator: ", ")
            return "v\(change.version) by \(change.updatedBy) \(RelativeTime.describe(change.updatedAt, now: env.now))"
                + (what.isEmpty ? "" : " (\(what))")
        }
        if since.isEmpty, !conflict.changedFields.isEmpty { since = ["changed " + conflict.changedFields.joined(separator: ", ")] }
        let baseNote: String =
            switch base {
            case .loading(let version): "loading base v\(version)…"
            case .known(let label): "base " + label + (showBase ? " shown" : "")
            case .missing(let why): "every difference is a conflict: no base (\(why))"
            }
        screen.put(([baseNote] + since).joined(separator: " · "),
                   row: row + 1, col: 1, style: .dim, limit: frame.header.width - 2)
    }

    private func status(_ screen: inout Screen) {
        var parts = ["\(draft.key)", "merge"]
        if let merge {
            let open = merge.remainingConflicts
            parts.append(open == 0 ? "no conflicts left · ^S saves against v\(conflict.current.version)"
                                   : open == 1 ? "1 conflict left" : "\(open) conflicts left")
            let changes = merge.hunks.indices.filter { merge.hunks[$0].kind.isChange }
            if let selected, let n = changes.firstIndex(of: selected) { parts.append("hunk \(n + 1) of \(changes.count)") }
        }
        Chrome.statusLine(&screen, parts.joined(separator: " · "), right: saving ? "saving…" : "",
                          rightStyle: .alertBar)
    }
}
