import MidairTUI

/// What the audience sees: the actors' panes side by side under their
/// names, the narration below them, and a line of controls. One `Screen`,
/// so the terminal, the recording and the transcript show the same frame.
struct Stage {
    /// The narration takes two rows, the controls one, the names one.
    static let chromeRows = 4

    /// The size that gives every pane the app's minimum of 80x24.
    static func size(panes: Int) -> Size {
        Size(width: panes * Size.minimum.width + (panes - 1), height: Size.minimum.height + chromeRows)
    }

    /// Each pane's size on a stage of `size`.
    static func paneSize(_ size: Size, panes: Int) -> Size {
        Size(width: max(1, (size.width - (panes - 1)) / panes), height: max(1, size.height - chromeRows))
    }

    var names: [String]
    var panes: [Screen]
    var narration: String
    var controls: String
    /// Narration in the error style: an expectation failed.
    var failed = false

    func compose(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        let pane = Self.paneSize(size, panes: max(1, panes.count))
        for (i, frame) in panes.enumerated() {
            let left = i * (pane.width + 1)
            let label = " \(names[i]) "
            screen.fill(Rect(row: 0, col: left, width: pane.width, height: 1), style: Style(.bold, .accent))
            screen.put(label, row: 0, col: left + max(0, (pane.width - CellWidth.of(label)) / 2), style: Style([.bold, .reverse], .accent), limit: pane.width)
            copy(frame, into: &screen, row: 1, col: left)
            if i > 0 {
                for row in 0..<(1 + pane.height) { screen.put("│", row: row, col: left - 1, style: .dim) }
            }
        }
        let lines = TextWrap.lines("» " + narration, width: size.width - 2)
        let style = failed ? Style.error : Style.bold
        for (i, line) in lines.prefix(2).enumerated() {
            screen.put(" " + line, row: size.height - 3 + i, col: 0, style: style)
        }
        screen.put(" " + controls, row: size.height - 1, col: 0, style: .dim)
        return screen
    }

    /// Copies the cells of `frame` (already inert), marking its cursor.
    private func copy(_ frame: Screen, into screen: inout Screen, row: Int, col: Int) {
        for r in 0..<frame.height {
            for c in 0..<frame.width {
                let cell = frame[r, c]
                guard !cell.isContinuation else { continue }
                screen.put(cell.text, row: row + r, col: col + c, style: cell.style, limit: frame.width - c)
            }
        }
        if let cursor = frame.cursor {
            screen.restyle(row: row + cursor.row, cols: (col + cursor.col)..<(col + cursor.col + 1)) { $0.attributes.formSymmetricDifference(.reverse) }
        }
    }
}
