import MidairCore

/// Every 409 the server answered, newest first: who, which record, what kind.
public struct ConflictLogState: Sendable {
    public var entries: [ConflictEntry] = []
    public var selected = 0
    public var loading = true

    public init() {}

    static let load: [Command] = [.run(.call(.conflicts, reply: .conflictLog))]

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(let key):
            if let moved = ListWindow.move(key, selected: selected, count: entries.count, page: env.size.height - 6) {
                selected = moved
                return []
            }
            switch key {
            case .escape, .char("q"): return [.send(.back)]
            case .char("r"): return Self.load
            case .enter:
                guard let entry = entries[safe: selected] else { return [] }
                return [.send(.open(RecordKey(collection: entry.collection, id: entry.id)))]
            default: return []
            }
        case .answered(.conflictLog, .success(.conflicts(let page))):
            entries = page.conflicts.reversed()
            loading = false
            selected = min(selected, max(0, entries.count - 1))
            return []
        case .answered(.conflictLog, .failure(let error)):
            loading = false
            return [.notice(Notice("Cannot read the conflict log", error))]
        case .changed:
            return Self.load
        default:
            return []
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "conflict log", right: env.user ?? "")
        let body = Chrome.body(screen)
        let widths = [12, 10, 22, 26, 10]
        func columns(_ values: [String], row: Int, style: Style) {
            var col = 1
            for (value, width) in zip(values, widths + [body.width - widths.reduce(0, +) - 7]) {
                screen.put(value, row: row, col: col, style: style, limit: width)
                col += width + 1
            }
        }
        columns(["WHEN", "WHO", "KIND", "RECORD", "VERSIONS", "FIELDS"], row: body.row, style: .bold)
        if entries.isEmpty {
            screen.put(loading ? "Loading…" : "No conflicts yet: nobody's save has met a newer version.", row: body.row + 2, col: 1, style: .dim)
        }
        let height = body.height - 1
        let offset = ListWindow.offset(selected: selected, count: entries.count, height: height)
        for (i, e) in entries.dropFirst(offset).prefix(height).enumerated() {
            let row = body.row + 1 + i
            let chosen = offset + i == selected
            if chosen { screen.fill(Rect(row: row, col: 0, width: body.width, height: 1), style: .selected) }
            let versions = [e.yourRevision.map { "r\($0)" }, e.currentVersion.map { "now v\($0)" }].compactMap { $0 }
            columns([RelativeTime.describe(e.at, now: env.now), e.user, e.kind, "\(e.collection)/\(e.id)",
                     versions.joined(separator: " "), e.fields.joined(separator: ",")],
                    row: row, style: chosen ? .selected : .plain)
        }
        Chrome.statusLine(&screen, "\(entries.count) conflicts")
        Chrome.hints(&screen, [("↑↓", "move"), ("Enter", "open record"), ("r", "refresh"), ("Esc", "back"), ("F1", "help")])
    }
}
