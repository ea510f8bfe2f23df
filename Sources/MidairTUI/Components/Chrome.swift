/// The frame every page shares: a title bar on top, a status line and a
/// line of key hints at the bottom, and the body between.
enum Chrome {
    /// The rows between the title bar and the status line.
    static func body(_ screen: Screen) -> Rect {
        Rect(row: 1, col: 0, width: screen.width, height: screen.height - 3)
    }

    static func titleBar(_ screen: inout Screen, _ title: String, right: String = "", rightStyle: Style = .bar) {
        screen.fill(Rect(row: 0, col: 0, width: screen.width, height: 1), style: .bar)
        // The right side gets what the title leaves.
        let rightWidth = min(CellWidth.of(right), max(0, screen.width - CellWidth.of(" midair · " + title) - 2))
        screen.put(" midair · " + title, row: 0, col: 0, style: Style([.reverse, .bold], .bar), limit: screen.width - rightWidth - 2)
        screen.put(right, row: 0, col: screen.width - rightWidth - 1, style: rightStyle, limit: rightWidth)
    }

    /// The status line: what is open and its state on the left, news on the right.
    static func statusLine(_ screen: inout Screen, _ left: String, right: String = "", rightStyle: Style = .bar) {
        let row = screen.height - 2
        screen.fill(Rect(row: row, col: 0, width: screen.width, height: 1), style: .bar)
        let rightWidth = min(CellWidth.of(right), screen.width - 20)
        screen.put(" " + left, row: row, col: 0, style: .bar, limit: screen.width - rightWidth - 2)
        screen.put(right, row: row, col: screen.width - rightWidth - 1, style: rightStyle, limit: rightWidth)
    }

    /// What the app says over every page's status line (the server is
    /// unreachable), on its right, where pages put their news.
    static func statusNote(_ screen: inout Screen, _ note: String) {
        let row = screen.height - 2
        let width = min(CellWidth.of(note) + 2, screen.width - 10)
        screen.fill(Rect(row: row, col: screen.width - width, width: width, height: 1), style: .alertBar)
        screen.put(" " + note, row: row, col: screen.width - width, style: .alertBar, limit: width - 1)
    }

    /// The key hints: `^S save  Tab next field ...`, keys in bold.
    static func hints(_ screen: inout Screen, _ hints: [(key: String, label: String)]) {
        let row = screen.height - 1
        var col = 1
        for hint in hints {
            let width = CellWidth.of(hint.key) + 1 + CellWidth.of(hint.label)
            guard col + width < screen.width else { break }
            col = screen.put(hint.key, row: row, col: col, style: .bold)
            col = screen.put(" " + hint.label, row: row, col: col, style: .dim) + 2
        }
    }

    /// A question or message over the hints.
    static func bottomLine(_ screen: inout Screen, _ text: String, style: Style) {
        let row = screen.height - 1
        screen.fill(Rect(row: row, col: 0, width: screen.width, height: 1))
        screen.put(" " + text, row: row, col: 0, style: style)
    }

    /// A framed message box in the middle of the screen.
    static func box(_ screen: inout Screen, _ notice: Notice) {
        let inner = min(screen.width - 8, max(CellWidth.of(notice.title) + 2, notice.lines.map { CellWidth.of($0) }.max() ?? 0, 30))
        let lines = notice.lines.flatMap { TextWrap.lines($0, width: inner) }.prefix(screen.height - 8)
        let height = lines.count + 4
        let rect = Rect(row: (screen.height - height) / 2, col: (screen.width - inner - 4) / 2, width: inner + 4, height: height)
        screen.fill(rect)
        let edge = String(repeating: "─", count: inner + 2)
        screen.put("┌" + edge + "┐", row: rect.row, col: rect.col, style: .bold)
        screen.put(" " + notice.title + " ", row: rect.row, col: rect.col + 2, style: .error)
        for r in rect.row + 1..<rect.bottom - 1 {
            screen.put("│", row: r, col: rect.col, style: .bold)
            screen.put("│", row: r, col: rect.right - 1, style: .bold)
        }
        for (i, line) in lines.enumerated() { screen.put(line, row: rect.row + 2 + i, col: rect.col + 2, limit: inner) }
        screen.put("└" + edge + "┘", row: rect.bottom - 1, col: rect.col, style: .bold)
        screen.put(" any key closes ", row: rect.bottom - 1, col: rect.right - 19, style: .dim)
    }

    /// Shown instead of a page when the terminal is smaller than 80x24.
    static func tooSmall(_ screen: inout Screen) {
        let lines = ["midair needs a terminal of at least \(Size.minimum.width)x\(Size.minimum.height)",
                     "this one is \(screen.width)x\(screen.height): make it larger"]
        for (i, line) in lines.enumerated() {
            let row = screen.height / 2 - 1 + i
            screen.put(line, row: row, col: max(0, (screen.width - CellWidth.of(line)) / 2), style: i == 0 ? .bold : .plain)
        }
    }
}
