/// What a colour means, not which colour it is: the terminal driver maps
/// roles to colours, or to nothing on a monochrome terminal or under
/// `NO_COLOR`. Views always add an attribute (bold, reverse...) too, so
/// meaning never depends on colour alone.
public enum ColorRole: UInt8, Sendable, Hashable, CaseIterable {
    case normal
    case accent
    case muted
    case added
    case removed
    case changed
    case conflict
    case error
    case warning
    case selection
    case bar
}

/// Text attributes every terminal can show.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1)
    public static let reverse = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)
}

public struct Style: Sendable, Hashable {
    public var attributes: Attributes
    public var role: ColorRole

    public init(_ attributes: Attributes = [], _ role: ColorRole = .normal) {
        self.attributes = attributes
        self.role = role
    }

    public static let plain = Style()
    public static let bold = Style(.bold)
    public static let reverse = Style(.reverse)
    public static let dim = Style(.dim, .muted)
    public static let bar = Style(.reverse, .bar)
    public static let selected = Style(.reverse, .selection)
    public static let error = Style(.bold, .error)
    public static let warning = Style(.bold, .warning)
    public static let accent = Style(.bold, .accent)
    /// News on a bar that must not be missed (someone saved, the server is away).
    public static let alertBar = Style([.reverse, .bold], .warning)
}

/// One cell of the grid. A wide character fills its cell and leaves the
/// next one as a continuation (empty text, width 0), as terminals do.
public struct Cell: Sendable, Hashable {
    /// One grapheme cluster, already safe to send to a terminal.
    public var text: String
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8, style: Style) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ", width: 1, style: .plain)

    public var isContinuation: Bool { width == 0 }
}
