/// A key press (or a terminal event that arrives with the keys), decoded
/// from curses input by the driver; tests build them directly.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case char(Character)
    /// Ctrl and a letter: `.ctrl("s")` for Ctrl-S.
    case ctrl(Character)
    /// Alt (Meta) and a character, sent by terminals as Esc then the character.
    case alt(Character)
    case enter
    case tab
    case backTab
    case escape
    case backspace
    case delete
    case up, down, left, right
    case home, end
    case pageUp, pageDown
    case function(Int)
    case mouse(MouseEvent)

    /// Keys for a string typed out, one per character (for tests and the demo).
    public static func typing(_ text: String) -> [Key] {
        text.map { $0 == "\n" ? .enter : .char($0) }
    }
}

public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case press, wheelUp, wheelDown }
    public var kind: Kind
    public var position: Position

    public init(kind: Kind, position: Position) {
        self.kind = kind
        self.position = position
    }
}

extension Key {
    /// Help is F1 everywhere, and `?` where typing is not expected.
    public var isHelp: Bool { self == .function(1) }

    /// The name of the key as the help and the hints write it.
    public var label: String {
        switch self {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl(let c): "^" + c.uppercased()
        case .alt(let c): "M-" + String(c)
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .escape: "Esc"
        case .backspace: "Bksp"
        case .delete: "Del"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .function(let n): "F\(n)"
        case .mouse: "mouse"
        }
    }
}
