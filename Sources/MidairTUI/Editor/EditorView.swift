extension EditorState {
    func view(_ screen: inout Screen, _ env: Env) {
        let name = key?.description ?? "\(collection) · new record"
        Chrome.titleBar(&screen, name, right: base.map { "v\($0.version)" } ?? "")
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
                if !focused, field.buffer.multiline, field.buffer.lineCount > slot.textRows, let last = visible.last {
                    screen.put("… \(field.buffer.lineCount - slot.textRows) more lines", row: last, col: screen.width - 20, style: .dim)
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
        Chrome.statusLine(&screen, parts.compactMap { $0 }.joined(separator: " · "), right: news, rightStyle: Style([.reverse, .bold], .warning))
    }
}
