/// The keys of a page, for its help screen.
public struct KeyHelp: Sendable, Hashable {
    public struct Binding: Sendable, Hashable {
        public var key: String
        public var meaning: String
    }

    public var title: String
    public var keys: [Binding]

    public init(title: String, keys: [(key: String, meaning: String)]) {
        self.title = title
        self.keys = keys.map { Binding(key: $0.key, meaning: $0.meaning) }
    }

    static let everywhere: [(key: String, meaning: String)] = [
        ("F1", "this help (also ? where you are not typing)"),
        ("^L", "redraw the screen"),
    ]

    static let browser = KeyHelp(title: "Browser", keys: [
        ("↑ ↓ j k", "move in the list"),
        ("← → Tab", "switch between collections and records"),
        ("Enter", "open the record in the editor"),
        ("n", "new record in this collection"),
        ("d", "delete the record (asks first)"),
        ("/", "filter the records; Enter keeps it, Esc clears it"),
        ("r", "refresh"),
        ("h", "history of the record"),
        ("c", "conflict log: every 409 the server answered"),
        ("q", "quit"),
    ] + everywhere)

    static let editor = KeyHelp(title: "Editor", keys: [
        ("Tab S-Tab", "next / previous field"),
        ("↑ ↓ ← →", "move; up and down leave a field at its edge"),
        ("Home End", "start / end of the line"),
        ("PgUp PgDn", "a page up / down in a text area"),
        ("Enter", "new line in a text area; next field elsewhere"),
        ("Bksp Del", "delete before / at the cursor, joining lines"),
        ("^Z ^Y", "undo / redo"),
        ("^S", "save (a newer version on the server opens the merge view)"),
        ("M", "merge now, when the status line says the record changed"),
        ("^H", "history of the record"),
        ("Esc", "back (asks before dropping unsaved work)"),
    ] + everywhere)

    static let history = KeyHelp(title: "History", keys: [
        ("↑ ↓ j k", "choose a version"),
        ("Space", "mark it as the left side of the comparison"),
        ("Enter", "compare the marked version (or the one before) with the chosen one"),
        ("R", "restore the chosen version (a normal save, asks first)"),
        ("Esc", "back"),
    ] + everywhere)

    static let conflictLog = KeyHelp(title: "Conflict log", keys: [
        ("↑ ↓ j k", "move"),
        ("Enter", "open the record"),
        ("r", "refresh"),
        ("Esc", "back"),
    ] + everywhere)
}
