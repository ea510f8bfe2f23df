import MidairTUI

/// What the terminal is sent to go from one frame to the next: the cells
/// that differ, each after a cursor move when not already there and the
/// attributes when they change, as ANSI bytes.
///
/// The curses driver compares cells the same way and hands curses the
/// changed ones, but needs a real terminal; this is the same comparison
/// with the bytes written into memory, so a benchmark can time it.
enum TerminalUpdate {
    static func bytes(from previous: Screen, to next: Screen) -> [UInt8] {
        var out: [UInt8] = []
        var at: (row: Int, col: Int)?
        var style: Style?
        for row in 0..<next.height {
            for col in 0..<next.width {
                let cell = next[row, col]
                guard !cell.isContinuation, previous.size != next.size || previous[row, col] != cell else { continue }
                if at.map({ $0 != (row, col) }) ?? true { out += Array("\u{1B}[\(row + 1);\(col + 1)H".utf8) }
                if style != cell.style {
                    out += sgr(cell.style)
                    style = cell.style
                }
                out += Array(cell.text.utf8)
                at = (row, col + Int(max(1, cell.width)))
            }
        }
        if let cursor = next.cursor { out += Array("\u{1B}[\(cursor.row + 1);\(cursor.col + 1)H".utf8) }
        return out
    }

    private static func sgr(_ style: Style) -> [UInt8] {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if style.role != .normal { codes.append("3\(style.role.rawValue % 8)") }
        return Array("\u{1B}[\(codes.joined(separator: ";"))m".utf8)
    }
}
