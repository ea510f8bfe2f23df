/// The headless driver: a Screen as text, for tests, goldens and the demo's
/// transcript.
extension Screen {
    /// The rows as plain text, trailing blanks trimmed, one `\n` after each.
    public var text: String {
        rows(markup: false)
    }

    /// The rows with attribute changes marked inline, e.g. `[b]` bold,
    /// `[r]` reverse, `[u]` underline, `[d]` dim, `[r:error]` with a
    /// colour role, and `[/]` back to plain; the cursor as `‸` before its cell.
    public var markup: String {
        rows(markup: true)
    }

    /// One row as plain text, untrimmed.
    public func line(_ row: Int) -> String {
        (0..<width).reduce(into: "") { $0 += self[row, $1].text }
    }

    private func rows(markup: Bool) -> String {
        var out = ""
        for row in 0..<height {
            var line = ""
            var current = Style.plain
            for col in 0..<width {
                let cell = self[row, col]
                if markup {
                    if cell.style != current, !cell.isContinuation {
                        line += cell.style == .plain ? "[/]" : "[\(Self.tag(cell.style))]"
                        current = cell.style
                    }
                    if cursor == Position(row: row, col: col) { line += "‸" }
                }
                line += cell.text
            }
            if markup, current != .plain { line += "[/]" }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    private static func tag(_ style: Style) -> String {
        var letters = ""
        if style.attributes.contains(.bold) { letters += "b" }
        if style.attributes.contains(.reverse) { letters += "r" }
        if style.attributes.contains(.underline) { letters += "u" }
        if style.attributes.contains(.dim) { letters += "d" }
        return style.role == .normal ? letters : letters + ":" + "\(style.role)"
    }
}
