/// Draws a `TextBuffer` into a rectangle from its scroll offsets, and
/// places the terminal cursor when the area has the focus. A line that goes
/// on past the right edge ends in `›`; one scrolled from its start begins
/// with `‹`.
enum TextAreaView {
    static func draw(_ buffer: TextBuffer, in rect: Rect, focused: Bool, style: Style = .plain, into screen: inout Screen) {
        guard rect.width > 1, rect.height > 0 else { return }
        let textWidth = rect.width - 1
        // The view keeps the cursor visible even when the size changed
        // since update last scrolled.
        var shown = buffer
        if focused { shown.scrollToCursor(height: rect.height, width: textWidth) }
        for r in 0..<rect.height {
            let index = shown.top + r
            guard index < shown.lineCount else { break }
            let row = rect.row + r
            var cell = 0
            for grapheme in shown.lines[index] {
                let w = Glyph.cells(grapheme)
                defer { cell += w }
                if cell < shown.left { continue }
                if cell + w - shown.left > textWidth {
                    screen.put("›", row: row, col: rect.right - 1, style: .dim)
                    break
                }
                screen.put(String(grapheme), row: row, col: rect.col + cell - shown.left, style: style)
            }
            if shown.left > 0, !shown.lines[index].isEmpty { screen.put("‹", row: row, col: rect.col, style: .dim) }
        }
        if focused {
            let col = shown.cellColumn(row: shown.cursor.row, index: shown.cursor.col) - shown.left
            screen.cursor = Position(row: rect.row + shown.cursor.row - shown.top, col: rect.col + col)
        }
    }
}
