extension HistoryState {
    static let listWidth = 34

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "history of \(key)", right: env.user ?? "")
        let (list, rest) = Chrome.body(screen).splitLeft(Self.listWidth)
        versions(&screen, list, env)
        let compare = rest.splitLeft(1).rest
        if let rows = comparison {
            let titles = pair.map { ("v\($0.left)", "v\($0.right)") } ?? ("(nothing before)", chosen.map { "v\($0.version)" } ?? "")
            rows.draw(in: compare, offset: min(scroll, max(0, rows.count - 1)), titles: titles, into: &screen)
        } else if !entries.isEmpty {
            screen.put("Loading the versions…", row: compare.row + 1, col: compare.col, style: .dim)
        }
        let marks = marked.map { " · v\($0) marked" } ?? ""
        Chrome.statusLine(&screen, "\(key) · \(entries.count) versions" + marks)
        Chrome.hints(&screen, [
            ("↑↓", "version"), ("Space", "mark left"), ("Enter", inComparison ? "back to list" : "scroll diff"),
            ("R", "restore"), ("Esc", "back"), ("F1", "help"),
        ])
    }

    private func versions(_ screen: inout Screen, _ rect: Rect, _ env: Env) {
        if loading { screen.put("Loading…", row: rect.row + 1, col: 1, style: .dim) }
        let offset = ListWindow.offset(selected: selected, count: entries.count, height: rect.height)
        for (i, entry) in entries.dropFirst(offset).prefix(rect.height).enumerated() {
            let row = rect.row + i
            let index = offset + i
            let style: Style = index == selected ? (inComparison ? .bold : .selected) : .plain
            if index == selected { screen.fill(Rect(row: row, col: rect.col, width: rect.width - 1, height: 1), style: style) }
            let mark = entry.version == marked ? "◂" : " "
            let what = entry.deleted ? "deleted" : entry.changedFields.joined(separator: ",")
            var col = screen.put("\(mark)v\(entry.version)", row: row, col: rect.col, style: style, limit: 6)
            col = screen.put(" " + entry.updatedBy, row: row, col: max(col, rect.col + 6), style: style, limit: 10)
            col = screen.put(" " + RelativeTime.describe(entry.updatedAt, now: env.now), row: row, col: rect.col + 16, style: style, limit: 11)
            screen.put(" " + what, row: row, col: rect.col + 27, style: index == selected ? style : .dim, limit: rect.width - 28)
        }
        for row in rect.row..<rect.bottom { screen.put("│", row: row, col: rect.right - 1, style: .dim) }
    }
}
