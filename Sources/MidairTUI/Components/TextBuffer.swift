/// Text being edited: lines of grapheme clusters, a cursor between them,
/// and the scroll offsets that keep the cursor in view.
///
/// Columns count graphemes, not cells; `cellColumn` converts for drawing,
/// so wide and combined characters move the cursor one character at a
/// time and land where they are drawn.
public struct TextBuffer: Sendable, Hashable {
    public private(set) var lines: [[Character]]
    /// Line and grapheme index of the cursor.
    public private(set) var cursor: Position
    /// The first line shown, and the first cell column shown.
    public private(set) var top = 0
    public private(set) var left = 0
    public let multiline: Bool
    /// The cell column vertical moves aim for, kept across short lines.
    private var goal: Int?

    public init(_ text: String, multiline: Bool) {
        self.multiline = multiline
        // Split on LF bytes only, so a CR stays in the text (shown as ^M)
        // instead of vanishing with the CRLF grapheme.
        let parts = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false)
        lines = multiline ? parts.map { Array(String(decoding: $0, as: UTF8.self)) } : [Array(text)]
        cursor = Position(row: 0, col: 0)
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    public var lineCount: Int { lines.count }

    var currentLine: [Character] { lines[cursor.row] }

    /// The cell column of grapheme `index` of line `row`.
    public func cellColumn(row: Int, index: Int) -> Int {
        lines[row][..<index].reduce(0) { $0 + Glyph.cells($1) }
    }

    // MARK: Editing

    public mutating func insert(_ grapheme: Character) {
        var line = lines[cursor.row]
        // A combining mark typed after a letter joins it, as it will when saved.
        if cursor.col > 0, (String(line[cursor.col - 1]) + String(grapheme)).count == 1 {
            line[cursor.col - 1] = Character(String(line[cursor.col - 1]) + String(grapheme))
        } else {
            line.insert(grapheme, at: cursor.col)
            cursor.col += 1
        }
        lines[cursor.row] = line
        goal = nil
    }

    /// Splits the line at the cursor (text areas only).
    public mutating func splitLine() {
        guard multiline else { return }
        let rest = Array(lines[cursor.row][cursor.col...])
        lines[cursor.row].removeSubrange(cursor.col...)
        lines.insert(rest, at: cursor.row + 1)
        cursor = Position(row: cursor.row + 1, col: 0)
        goal = nil
    }

    /// Deletes before the cursor; at the start of a line, joins it to the
    /// one above. False when there was nothing to delete.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        goal = nil
        if cursor.col > 0 {
            lines[cursor.row].remove(at: cursor.col - 1)
            cursor.col -= 1
            return true
        }
        guard cursor.row > 0 else { return false }
        let line = lines.remove(at: cursor.row)
        cursor = Position(row: cursor.row - 1, col: lines[cursor.row - 1].count)
        lines[cursor.row] += line
        return true
    }

    /// Deletes at the cursor; at the end of a line, joins the next one.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        goal = nil
        if cursor.col < currentLine.count {
            lines[cursor.row].remove(at: cursor.col)
            return true
        }
        guard cursor.row + 1 < lines.count else { return false }
        let next = lines.remove(at: cursor.row + 1)
        lines[cursor.row] += next
        return true
    }

    // MARK: Moving

    public mutating func moveLeft() {
        goal = nil
        if cursor.col > 0 {
            cursor.col -= 1
        } else if cursor.row > 0 {
            cursor = Position(row: cursor.row - 1, col: lines[cursor.row - 1].count)
        }
    }

    public mutating func moveRight() {
        goal = nil
        if cursor.col < currentLine.count {
            cursor.col += 1
        } else if cursor.row + 1 < lines.count {
            cursor = Position(row: cursor.row + 1, col: 0)
        }
    }

    public mutating func moveHome() {
        goal = nil
        cursor.col = 0
    }

    public mutating func moveEnd() {
        goal = nil
        cursor.col = currentLine.count
    }

    /// Moves `lines` lines down (negative: up), keeping the cell column.
    public mutating func moveVertically(_ delta: Int) {
        let target = goal ?? cellColumn(row: cursor.row, index: cursor.col)
        let row = min(max(0, cursor.row + delta), lines.count - 1)
        var col = 0, cells = 0
        for g in lines[row] {
            let w = Glyph.cells(g)
            if cells + w > target { break }
            cells += w
            col += 1
        }
        cursor = Position(row: row, col: col)
        goal = target
    }

    /// Puts the cursor at the start of the first line, or the end of the
    /// last, as when the field is entered from above or below.
    public mutating func enter(atEnd: Bool) {
        goal = nil
        cursor = atEnd
            ? Position(row: lines.count - 1, col: lines[lines.count - 1].count)
            : Position(row: 0, col: multiline ? 0 : lines[0].count)
    }

    public var isOnFirstLine: Bool { cursor.row == 0 }
    public var isOnLastLine: Bool { cursor.row == lines.count - 1 }

    /// Adjusts the scroll offsets so the cursor is inside a view of
    /// `height` lines and `width` cells (one kept free for the cursor at
    /// the end of a line).
    public mutating func scrollToCursor(height: Int, width: Int) {
        if cursor.row < top { top = cursor.row }
        if height > 0, cursor.row >= top + height { top = cursor.row - height + 1 }
        let col = cellColumn(row: cursor.row, index: cursor.col)
        if col < left { left = max(0, col - width / 3) }
        if width > 1, col >= left + width - 1 { left = col - width + width / 3 }
    }

    /// Puts back a snapshot of the text and cursor (undo, redo).
    mutating func restore(lines: [[Character]], cursor: Position) {
        self.lines = lines
        self.cursor = cursor
        goal = nil
    }
}
