import MidairCore

/// `e` in the merge view: one hunk's text in a small text area, to write
/// what neither side has. It starts from the hunk as settled, or from both
/// sides (yours, then theirs) while it is an open conflict.
struct HunkEdit: Sendable {
    enum Outcome {
        case editing
        case cancelled
        /// The text to settle the hunk with.
        case done(String)
    }

    let hunk: Int
    let field: String
    var buffer: TextBuffer
    /// The hunk's lines end in a line break, which the area does not show
    /// as an empty last line; Ctrl-S puts it back.
    let endsWithNewline: Bool

    /// Nil for a hunk with nothing to edit (unchanged, or the record as a whole).
    init?(_ merge: RecordMerge, hunk i: Int) {
        let h = merge.hunks[i]
        guard h.kind.isChange, let f = h.fieldIndex else { return nil }
        let multiline = merge.fields[f].kind.isMultiline
        var text = merge.resolvedText(of: i)
            ?? (merge.lines(of: i, .yours) + merge.lines(of: i, .theirs)).joined(separator: "\n") + (multiline ? "\n" : "")
        endsWithNewline = multiline && text.hasSuffix("\n")
        if endsWithNewline { text.removeLast() }
        hunk = i
        field = h.field ?? ""
        buffer = TextBuffer(text, multiline: multiline)
        buffer.enter(atEnd: false)
    }

    /// A key while the area is open: Ctrl-S settles, Esc leaves the hunk
    /// as it was, the rest edit the text.
    mutating func press(_ key: Key, box: Rect) -> Outcome {
        switch key {
        case .ctrl("s"):
            let text = buffer.text
            return .done(text.isEmpty || !endsWithNewline ? text : text + "\n")
        case .escape:
            return .cancelled
        default:
            buffer.press(key, page: Self.area(box).height)
        }
        let area = Self.area(box)
        buffer.scrollToCursor(height: area.height, width: area.width - 1)
        return .editing
    }

    /// The text area inside the framed box.
    static func area(_ box: Rect) -> Rect {
        Rect(row: box.row + 1, col: box.col + 2, width: box.width - 4, height: box.height - 2)
    }

    func draw(in box: Rect, into screen: inout Screen) {
        screen.fill(box)
        let edge = String(repeating: "─", count: max(0, box.width - 2))
        screen.put("┌" + edge + "┐", row: box.row, col: box.col, style: .bold)
        screen.put(" edit: \(field) ", row: box.row, col: box.col + 2, style: .accent)
        for r in box.row + 1..<box.bottom - 1 {
            screen.put("│", row: r, col: box.col, style: .bold)
            screen.put("│", row: r, col: box.right - 1, style: .bold)
        }
        screen.put("└" + edge + "┘", row: box.bottom - 1, col: box.col, style: .bold)
        screen.put(" ^S done · Esc cancel ", row: box.bottom - 1, col: box.right - 24, style: .dim)
        TextAreaView.draw(buffer, in: Self.area(box), focused: true, into: &screen)
    }
}
