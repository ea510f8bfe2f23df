/// Where each field of the form goes on screen. Update uses it to scroll
/// text areas and page through them; the view to draw. A single-line field
/// takes one row; a text area a few, or all the room left when it has the
/// focus; a field the server refused takes one more row for the reason.
struct EditorLayout {
    struct Slot {
        /// Rows of the form (before scrolling): the text, then the error line.
        var rows: Range<Int>
        var textRows: Int
    }

    let body: Rect
    let labelWidth: Int
    let slots: [Slot]
    /// Form rows scrolled off the top, so the focused field shows.
    let offset: Int

    static let unfocusedAreaRows = 3
    static let minimumFocusedRows = 4

    init(_ editor: EditorState, _ size: Size) {
        body = Rect(row: 1, col: 0, width: size.width, height: size.height - 3)
        labelWidth = min(16, (editor.fields.map { CellWidth.of($0.name) }.max() ?? 4) + 2)
        func errorRows(_ f: FieldEditor) -> Int { editor.errors[f.name] == nil ? 0 : 1 }
        let others = editor.fields.indices.reduce(0) { sum, i in
            let f = editor.fields[i]
            guard i != editor.focus else { return sum + errorRows(f) }
            return sum + errorRows(f) + (f.buffer.multiline ? min(Self.unfocusedAreaRows, f.buffer.lineCount) : 1)
        }
        var slots: [Slot] = []
        var row = 0
        for (i, f) in editor.fields.enumerated() {
            let text: Int
            if !f.buffer.multiline {
                text = 1
            } else if i == editor.focus {
                text = max(Self.minimumFocusedRows, body.height - others)
            } else {
                text = min(Self.unfocusedAreaRows, f.buffer.lineCount)
            }
            slots.append(Slot(rows: row..<(row + text + errorRows(f)), textRows: text))
            row += text + errorRows(f)
        }
        self.slots = slots
        let focused = slots[safe: editor.focus]?.rows ?? 0..<0
        offset = max(0, min(focused.lowerBound, focused.upperBound - body.height))
    }

    var valueWidth: Int { body.width - labelWidth - 2 }

    func textHeight(of field: Int) -> Int { slots[safe: field]?.textRows ?? 1 }

    /// The screen row of form row `row`, when it is on screen.
    func screenRow(_ row: Int) -> Int? {
        let r = row - offset
        return (0..<body.height).contains(r) ? body.row + r : nil
    }

    /// The field drawn at screen row `row`.
    func field(atRow row: Int) -> Int? {
        let formRow = row - body.row + offset
        return slots.firstIndex { $0.rows.contains(formRow) }
    }
}
