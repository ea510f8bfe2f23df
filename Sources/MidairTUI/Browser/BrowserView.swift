import MidairCore

extension BrowserState {
    static let collectionsWidth = 16

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "records", right: env.user ?? "")
        let (left, right) = Chrome.body(screen).splitLeft(Self.collectionsWidth)
        collectionsPane(&screen, left)
        recordsPane(&screen, right.splitLeft(1).rest, env)
        var status = [currentCollection ?? "no collections", "\(visible.count) of \(records.count) records"]
        if !filter.isEmpty || filtering { status.append("filter: \(filter)") }
        Chrome.statusLine(&screen, status.joined(separator: " · "), right: Self.link(env))
        if filtering {
            Chrome.bottomLine(&screen, "/" + filter, style: .bold)
            screen.cursor = Position(row: screen.height - 1, col: 2 + CellWidth.of(filter))
        } else {
            Chrome.hints(&screen, [
                ("Enter", "open"), ("n", "new"), ("d", "delete"), ("/", "filter"), ("h", "history"),
                ("c", "conflicts"), ("?", "help"), ("q", "quit"),
            ])
        }
    }

    /// The status line's right: "live" and who else is online; while the
    /// link is down the app's note covers it.
    private static func link(_ env: Env) -> String {
        switch env.connection {
        case .connecting:
            return "connecting…"
        case .connected:
            let online = Set(env.others.sessions.values.map(\.user)).subtracting([env.user ?? ""]).sorted()
            return online.isEmpty ? "live" : "live · online: " + online.joined(separator: ", ")
        case .reconnecting, .refused:
            return ""
        }
    }

    private func collectionsPane(_ screen: inout Screen, _ rect: Rect) {
        screen.put(" Collections", row: rect.row, col: rect.col, style: .bold)
        for (i, name) in collections.enumerated() where i < rect.height - 1 {
            let row = rect.row + 1 + i
            let chosen = i == collection
            let style: Style = chosen ? (inCollections ? .selected : Style(.bold, .accent)) : .plain
            if chosen { screen.fill(Rect(row: row, col: rect.col, width: rect.width - 1, height: 1), style: style) }
            screen.put((chosen ? " ▸ " : "   ") + name, row: row, col: rect.col, style: style, limit: rect.width - 1)
        }
        for row in rect.row..<rect.bottom { screen.put("│", row: row, col: rect.right - 1, style: .dim) }
    }

    /// Columns: a mark when someone else is on the record ("✎" editing,
    /// "•" there, "⊘" locked), id, title (followed by their names when
    /// those fit), version, last editor, time.
    private func recordsPane(_ screen: inout Screen, _ rect: Rect, _ env: Env) {
        let widths = (mark: 1, id: 14, version: 4, by: 9, when: 10)
        let titleWidth = rect.width - widths.mark - widths.id - widths.version - widths.by - widths.when - 5
        /// Values for id, title, version, by and when, after the mark.
        func columns(_ values: [String], row: Int, style: Style, here: Here? = nil) {
            let accent = style == .plain ? Style.accent : style
            screen.put(here?.mark ?? "", row: row, col: rect.col, style: accent, limit: widths.mark)
            var col = rect.col + widths.mark + 1
            let title = 1
            for (i, (value, width)) in zip(values, [widths.id, titleWidth, widths.version, widths.by, widths.when]).enumerated() {
                screen.put(value, row: row, col: col, style: style, limit: width)
                if i == title, let names = here?.names, CellWidth.of(value) + 1 + CellWidth.of(names) <= width {
                    screen.put(names, row: row, col: col + width - CellWidth.of(names), style: accent)
                }
                col += width + 1
            }
        }
        columns(["ID", "TITLE", "VER", "BY", "WHEN"], row: rect.row, style: .bold)
        let list = visible
        let height = rect.height - 1
        if list.isEmpty {
            let message = loading ? "Loading…" : filter.isEmpty ? "No records. n makes one." : "No record matches “\(filter)”."
            screen.put(message, row: rect.row + 2, col: rect.col, style: .dim)
            return
        }
        let offset = ListWindow.offset(selected: selected, count: list.count, height: height)
        for (i, summary) in list[offset..<min(list.count, offset + height)].enumerated() {
            let row = rect.row + 1 + i
            let chosen = offset + i == selected
            let style: Style = chosen ? (inCollections ? Style(.bold) : .selected) : .plain
            if chosen { screen.fill(Rect(row: row, col: rect.col, width: rect.width, height: 1), style: style) }
            columns([summary.id, summary.title, "v\(summary.version)", summary.updatedBy,
                     RelativeTime.describe(summary.updatedAt, now: env.now)], row: row, style: style, here: here(summary, env))
        }
    }

    /// Who else is on a record, as its mark and their names.
    private struct Here {
        var mark: String
        var names: String
    }

    /// "✎" and "bob +1" when someone edits it, "•" and "ann" when someone
    /// has it open, else "⊘" and the holder when it is locked.
    private func here(_ summary: RecordSummary, _ env: Env) -> Here? {
        guard let key = key(of: summary) else { return nil }
        let people = env.others.people(on: key, me: env.user)
        if let first = people.first {
            return Here(mark: first.state == .editing ? "✎" : "•", names: first.name + (people.count > 1 ? " +\(people.count - 1)" : ""))
        }
        return env.others.lock(on: key, now: env.now).map { Here(mark: "⊘", names: $0.holder == env.user ? "you" : $0.holder) }
    }
}
