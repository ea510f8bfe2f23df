import MidairTUI

/// A `Screen` as the bytes a terminal needs to show it: cursor moves and
/// SGR attributes around the cells' text, which `Screen` already made
/// inert. After the first frame only the rows that changed are sent. The
/// recording is made of these.
struct AnsiFrames {
    private var previous: Screen?

    mutating func encode(_ screen: Screen) -> String {
        var out = ""
        let whole = previous?.size != screen.size
        if whole { out += "\u{1B}[0m\u{1B}[?25l\u{1B}[H\u{1B}[2J" }
        for row in 0..<screen.height {
            if !whole, let previous, (0..<screen.width).allSatisfy({ previous[row, $0] == screen[row, $0] }) { continue }
            out += "\u{1B}[\(row + 1);1H" + Self.row(screen, row) + "\u{1B}[0m"
        }
        previous = screen
        return out
    }

    private static func row(_ screen: Screen, _ row: Int) -> String {
        var out = ""
        var current: Style?
        for col in 0..<screen.width {
            let cell = screen[row, col]
            guard !cell.isContinuation else { continue }
            if cell.style != current {
                out += sgr(cell.style)
                current = cell.style
            }
            out += cell.text
        }
        return out
    }

    static func sgr(_ style: Style) -> String {
        var codes = ["0"]
        if style.attributes.contains(.bold) { codes.append("1") }
        if style.attributes.contains(.dim) { codes.append("2") }
        if style.attributes.contains(.underline) { codes.append("4") }
        if style.attributes.contains(.reverse) { codes.append("7") }
        if let color = color(style.role) { codes.append(String(color)) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    /// The colours the curses driver uses for each role.
    private static func color(_ role: ColorRole) -> Int? {
        switch role {
        case .normal, .muted, .selection: nil
        case .accent: 36
        case .added: 32
        case .removed, .error: 31
        case .changed, .warning: 33
        case .conflict: 35
        case .bar: 34
        }
    }
}
