/// Where the parts of the merge view go on a screen of a given size, so
/// update (scrolling, the edit box) and view agree.
struct MergeFrame {
    /// Two rows under the title bar: who saved what, and the base.
    let header: Rect
    /// The aligned rows.
    let list: Rect
    /// Column 0 marks the selected hunk; yours and theirs take equal halves
    /// of the rest around a gutter that says how each hunk is settled.
    let yoursCol: Int
    let gutterCol: Int
    let theirsCol: Int
    let sideWidth: Int

    static let gutterWidth = 6

    init(_ size: Size) {
        // The body as `Chrome.body` lays it out: between the title bar and
        // the status line.
        let body = Rect(row: 1, col: 0, width: size.width, height: size.height - 3)
        (header, list) = body.splitTop(2)
        sideWidth = max(0, (size.width - 1 - Self.gutterWidth) / 2)
        yoursCol = 1
        gutterCol = yoursCol + sideWidth
        theirsCol = gutterCol + Self.gutterWidth
    }

    /// The box `e` edits a hunk in: the lower two thirds of the list.
    var editBox: Rect {
        let top = list.row + list.height / 3
        return Rect(row: top, col: 2, width: list.width - 4, height: list.bottom - top)
    }
}
