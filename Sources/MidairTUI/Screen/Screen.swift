import MidairCore

/// A frame: a grid of cells with attributes, and where the cursor goes.
///
/// Views draw into a Screen; the curses driver sends only the cells that
/// differ from the last frame, and the headless driver prints it. Every
/// string is made inert on the way in (`InertText`), so nothing written
/// here can move the cursor or retitle the terminal, whatever a record holds.
public struct Screen: Sendable, Hashable {
    public let size: Size
    public private(set) var cells: [Cell]
    /// Where the terminal cursor is shown; hidden when nil.
    public var cursor: Position?

    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: max(0, size.width) * max(0, size.height))
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    public var bounds: Rect { Rect(row: 0, col: 0, width: width, height: height) }

    public subscript(row: Int, col: Int) -> Cell {
        cells[row * width + col]
    }

    /// Writes `text` from (`row`, `col`), clipped to `limit` columns (by
    /// default the rest of the row); a wide character that does not fit
    /// whole is left out. Returns the column after the last cell written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, col: Int, style: Style = .plain, limit: Int? = nil) -> Int {
        guard row >= 0, row < height, col < width else { return col }
        let end = min(width, limit.map { col + $0 } ?? width)
        var x = col
        for grapheme in InertText.make(text) {
            // A lone zero-width character would join the cell before it.
            let cells = Glyph.shownWidth(grapheme)
            let shown = CellWidth.of(grapheme) == 0 ? "\u{FFFD}" : String(grapheme)
            guard x + cells <= end else { break }
            if x >= 0 { set(row, x, Cell(text: shown, width: UInt8(cells), style: style)) }
            if cells == 2, x + 1 >= 0 { set(row, x + 1, Cell(text: "", width: 0, style: style)) }
            x += cells
        }
        return x
    }

    /// Fills a rectangle with blanks of `style` (a bar, a selection).
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let blank = Cell(text: " ", width: 1, style: style)
        for r in max(0, rect.row)..<min(height, rect.bottom) {
            for c in max(0, rect.col)..<min(width, rect.right) { set(r, c, blank) }
        }
    }

    /// Changes the style of cells already written (a highlight over text).
    public mutating func restyle(row: Int, cols: Range<Int>, _ change: (inout Style) -> Void) {
        guard row >= 0, row < height else { return }
        for c in cols.clamped(to: 0..<width) { change(&cells[row * width + c].style) }
    }

    private mutating func set(_ row: Int, _ col: Int, _ cell: Cell) {
        let i = row * width + col
        // Overwriting half of a wide character blanks its other half.
        if cells[i].width == 2, col + 1 < width, cell.width != 2 { cells[i + 1] = .blank }
        if cells[i].isContinuation, col > 0, cells[i - 1].width == 2 { cells[i - 1] = .blank }
        cells[i] = cell
    }
}
