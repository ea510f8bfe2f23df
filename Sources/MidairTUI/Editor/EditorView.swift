extension EditorState {
    func view(_ screen: inout Screen, _ env: Env) {
        let name = key?.description ?? "\(collection) · new record"
        let version = base.map { "v\($0.version)" } ?? ""
        let room = env.size.width - CellWidth.of(" midair · " + name) - CellWidth.of(version) - 6
        let here = whoElse(env, room: room)
        Chrome.titleBar(&screen, name, right: (here.text.map { $0 + " · " } ?? "") + version,
                        rightStyle: here.standsOut ? .alertBar : .bar)
        let body = Chrome.body(screen)
        switch phase {
        case .loading:
            screen.put("Loading \(name)…", row: body.row + 1, col: 2, style: .dim)
        case .failed(let reason):
            screen.put("Cannot open \(name):", row: body.row + 1, col: 2, style: .error)
            for (i, line) in TextWrap.lines(reason, width: body.width - 4).enumerated() {
                screen.put(line, row: body.row + 2 + i, col: 2)
            }
        case .ready, .saving:
            form(&screen, env)
        }
        status(&screen, env)
        Chrome.hints(&screen, [
            ("^S", "save"), ("Tab", "next field"), ("^Z", "undo"), ("^Y", "redo"), ("Esc", "back"), ("F1", "help"),
        ])
    }

    /// Who else is on this record and who holds its lock, as much as fits
    /// in `room` cells: "locked by carol (40 s left) · bob is editing",
    /// else shorter forms ("bob is editing · 2 more here", the lock alone).
    /// It stands out when someone else holds the lock or edits.
    private func whoElse(_ env: Env, room: Int) -> (text: String?, standsOut: Bool) {
        guard let key else { return (nil, false) }
        let lock = env.others.lock(on: key, now: env.now)
        let mine = lock?.holder == env.user
        let locked = lock.map { lock in
            mine ? "locked by you" : "locked by \(lock.holder)" + (RelativeTime.left(until: lock.expiresAt, now: env.now).map { " (\($0) left)" } ?? "")
        }
        let people = env.others.people(on: key, me: env.user)
        var sayings = [env.others.sentence(on: key, me: env.user)]
        if let first = people.first, people.count > 1 {
            sayings.append(Others.phrase([first.name], first.state) + " · \(people.count - 1) more here")
        }
        let candidates = sayings.compactMap { $0 }.map { [locked, $0].compactMap { $0 }.joined(separator: " · ") }
            + [locked, locked == nil ? nil : "locked"].compactMap { $0 }
        let standsOut = (lock != nil && !mine) || people.first?.state == .editing
        return (candidates.first { CellWidth.of($0) <= room }, standsOut)
    }

    private func form(_ screen: inout Screen, _ env: Env) {
        let layout = EditorLayout(self, env.size)
        let valueCol = layout.labelWidth + 2
        for (i, field) in fields.enumerated() {
            let slot = layout.slots[i]
            let focused = i == focus
            if let row = layout.screenRow(slot.rows.lowerBound) {
                screen.put(field.name, row: row, col: 1, style: focused ? Style([.bold, .reverse], .accent) : .bold, limit: layout.labelWidth)
            }
            // The text area's rows that are on screen.
            let visible = (0..<slot.textRows).compactMap { layout.screenRow(slot.rows.lowerBound + $0) }
            if let first = visible.first {
                let rect = Rect(row: first, col: valueCol, width: layout.valueWidth, height: visible.count)
                TextAreaView.draw(field.buffer, in: rect, focused: focused, into: &screen)
                // The empty line after a final line break is no line of text.
                let hidden = field.buffer.lineCount - slot.textRows - (field.buffer.lines.last?.isEmpty == true ? 1 : 0)
                if !focused, field.buffer.multiline, hidden > 0, let last = visible.last {
                    // Over the end of the last line shown, cleared first.
                    let more = " … \(hidden) more line" + (hidden == 1 ? "" : "s")
                    let col = screen.width - CellWidth.of(more) - 1
                    screen.fill(Rect(row: last, col: col, width: screen.width - col, height: 1))
                    screen.put(more, row: last, col: col, style: .dim)
                }
            }
            if let problem = errors[field.name], let row = layout.screenRow(slot.rows.upperBound - 1) {
                screen.put("! " + problem, row: row, col: valueCol, style: .error)
            }
        }
    }

    private func status(_ screen: inout Screen, _ env: Env) {
        let state: String =
            switch phase {
            case .saving: "saving…"
            case .loading: "loading…"
            case .failed: "not open"
            case .ready: isDirty ? "unsaved" : "saved"
            }
        let parts = [key?.description ?? "new \(collection)", base.map { "v\($0.version)" }, env.user, state]
        var news = ""
        if let remote, phase != .saving {
            news = remote.kind == .deleted
                ? "\(remote.updatedBy) deleted it (v\(remote.version))"
                : "\(remote.updatedBy) saved v\(remote.version)" + (isDirty ? " · M to merge now" : " · reloaded")
        }
        Chrome.statusLine(&screen, parts.compactMap { $0 }.joined(separator: " · "), right: news, rightStyle: .alertBar)
    }
}
