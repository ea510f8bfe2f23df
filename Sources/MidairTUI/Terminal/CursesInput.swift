import CNcursesw

/// What reading the terminal gives: a key, or a new size.
enum TerminalInput: Sendable, Hashable {
    case key(Key)
    case resized
}

extension CursesTerminal {
    /// The next key already typed, or nil when there is none.
    func read() -> TerminalInput? {
        var ch: UInt32 = 0
        let rc = midair_get_wch(&ch)
        if rc == ERR { return nil }
        if rc == KEY_CODE_YES { return keyCode(Int32(bitPattern: ch)) }
        return character(ch)
    }

    private func keyCode(_ code: Int32) -> TerminalInput? {
        let key: Key
        switch code {
        case KEY_RESIZE: return .resized
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_HOME: key = .home
        case KEY_END: key = .end
        case KEY_PPAGE: key = .pageUp
        case KEY_NPAGE: key = .pageDown
        case KEY_BACKSPACE: key = .backspace
        case KEY_DC: key = .delete
        case KEY_ENTER: key = .enter
        case KEY_BTAB: key = .backTab
        case KEY_MOUSE: return mouse().map { .key(.mouse($0)) }
        case midair_key_f(1)...midair_key_f(12): key = .function(Int(code - midair_key_f(0)))
        default: return nil
        }
        return .key(key)
    }

    private func character(_ ch: UInt32) -> TerminalInput? {
        switch ch {
        case 13, 10: return .key(.enter)
        case 9: return .key(.tab)
        case 127, 8: return .key(.backspace)
        case 27: return escape().map { .key($0) }
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(ch + 0x60)!)))
        case 0..<32: return nil
        default: return Unicode.Scalar(ch).map { .key(.char(Character($0))) }
        }
    }

    /// Esc alone, or Alt and a key (sent as Esc then the key). A sequence
    /// the terminfo entry does not know (Esc [ ... final, as tmux sends for
    /// Home and End) is read whole: the common ones are decoded, others
    /// dropped (nil), so they neither leave a page nor arrive as text.
    private func escape() -> Key? {
        var next: UInt32 = 0
        guard midair_get_wch(&next) == OK else { return .escape }
        if next == 0x5B || next == 0x4F {
            var sequence = ""
            var byte: UInt32 = 0
            while midair_get_wch(&byte) == OK, let scalar = Unicode.Scalar(byte) {
                sequence.unicodeScalars.append(scalar)
                if (0x40...0x7E).contains(byte) { break }
            }
            return Self.sequences[sequence]
        }
        guard next >= 0x20, next != 0x7F, let scalar = Unicode.Scalar(next) else { return .escape }
        return .alt(Character(scalar))
    }

    /// What xterm-like terminals send after Esc [ or Esc O.
    private static let sequences: [String: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end,
        "1~": .home, "7~": .home, "4~": .end, "8~": .end, "3~": .delete, "5~": .pageUp, "6~": .pageDown, "Z": .backTab,
    ]

    private func mouse() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let at = Position(row: Int(event.y), col: Int(event.x))
        if event.bstate & midair_button4_pressed() != 0 { return MouseEvent(kind: .wheelUp, position: at) }
        if midair_button5_pressed() != 0, event.bstate & midair_button5_pressed() != 0 { return MouseEvent(kind: .wheelDown, position: at) }
        if event.bstate & midair_button1_pressed() != 0 { return MouseEvent(kind: .press, position: at) }
        return nil
    }
}
