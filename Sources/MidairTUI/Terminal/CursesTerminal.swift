import CNcursesw
import Foundation

/// The only code that talks to the terminal. It draws a `Screen` by
/// sending the cells that differ from the last frame, and reads keys.
///
/// Raw mode, so Ctrl-S, Ctrl-Z and Ctrl-C reach the app as keys; a 25 ms
/// escape delay, so Esc answers at once; colours only when the terminal
/// has them and `NO_COLOR` is not set. All curses calls happen on the main
/// actor: curses is not thread-safe.
@MainActor
final class CursesTerminal {
    private var previous: Screen?
    private let colors: Bool
    private var cursorShown = false

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        // Without the locale, curses writes wide characters as bytes.
        setlocale(LC_ALL, "")
        initscr()
        raw()
        noecho()
        nonl()
        keypad(midair_stdscr(), true)
        nodelay(midair_stdscr(), true)
        set_escdelay(25)
        mousemask(midair_button1_pressed() | midair_button4_pressed() | midair_button5_pressed(), nil)
        mouseinterval(0)
        curs_set(0)
        colors = has_colors() && (environment["NO_COLOR"] ?? "").isEmpty
        if colors {
            start_color()
            use_default_colors()
            for role in ColorRole.allCases where role != .normal {
                init_pair(Self.pair(role), Self.foreground(role), -1)
            }
        }
    }

    func stop() {
        endwin()
    }

    var size: Size { Size(width: Int(midair_cols()), height: Int(midair_lines())) }

    /// Forgets what is on the terminal, so the next frame is sent whole (Ctrl-L).
    func invalidate() {
        previous = nil
        clearok(midair_curscr(), true)
    }

    func draw(_ screen: Screen) {
        if previous?.size != screen.size {
            erase()
            previous = nil
        }
        for row in 0..<screen.height {
            for col in 0..<screen.width {
                let cell = screen[row, col]
                guard !cell.isContinuation, previous.map({ $0[row, col] != cell }) ?? true else { continue }
                put(cell, row, col)
            }
        }
        previous = screen
        if let cursor = screen.cursor {
            move(Int32(cursor.row), Int32(cursor.col))
            if !cursorShown { curs_set(1) }
            cursorShown = true
        } else {
            if cursorShown { curs_set(0) }
            cursorShown = false
        }
        refresh()
    }

    private func put(_ cell: Cell, _ row: Int, _ col: Int) {
        var text = cell.text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        text.append(0)
        var attrs = midair_a_normal()
        let a = cell.style.attributes
        if a.contains(.bold) { attrs |= midair_a_bold() }
        if a.contains(.reverse) { attrs |= midair_a_reverse() }
        if a.contains(.underline) { attrs |= midair_a_underline() }
        if a.contains(.dim) { attrs |= midair_a_dim() }
        let pair = colors && cell.style.role != .normal ? Self.pair(cell.style.role) : 0
        _ = midair_put_cell(Int32(row), Int32(col), text, attrs, pair)
    }

    private static func pair(_ role: ColorRole) -> Int16 { Int16(role.rawValue) }

    private static func foreground(_ role: ColorRole) -> Int16 {
        switch role {
        case .normal, .muted, .selection: -1
        case .accent: Int16(COLOR_CYAN)
        case .added: Int16(COLOR_GREEN)
        case .removed, .error: Int16(COLOR_RED)
        case .changed, .warning: Int16(COLOR_YELLOW)
        case .conflict: Int16(COLOR_MAGENTA)
        case .bar: Int16(COLOR_BLUE)
        }
    }
}
