import MidairCore

/// A delete refused because other records refer to the record: who they
/// are (the first ones, and how many in all), to open one and change it.
public struct DependentsState: Sendable {
    public var key: RecordKey
    public var found: HasDependents
    public var selected = 0

    public init(key: RecordKey, found: HasDependents) {
        self.key = key
        self.found = found
    }

    static let keyHelp = KeyHelp(title: "Still referred to", keys: [
        ("↑ ↓ j k", "move"),
        ("Enter", "open the record that refers to it"),
        ("Esc", "back"),
    ] + KeyHelp.everywhere)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        guard case .key(let key) = action else { return [] }
        if let moved = ListWindow.move(key, selected: selected, count: found.dependents.count, page: env.size.height - 8) {
            selected = moved
            return []
        }
        switch key {
        case .enter:
            guard let d = found.dependents[safe: selected] else { return [] }
            return [.send(.open(RecordKey(collection: d.collection, id: d.id)))]
        case .escape:
            return [.pop]
        default:
            return []
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "\(key) is still referred to")
        let body = Chrome.body(screen)
        let count = found.total == 1 ? "1 record refers" : "\(found.total) records refer"
        screen.put("\(count) to it, so it cannot be deleted:",
                   row: body.row + 1, col: 2, style: .warning, limit: body.width - 4)
        screen.put("Open them (Enter) and change or delete them first.", row: body.row + 2, col: 2, style: .dim)
        let list = Rect(row: body.row + 4, col: 2, width: body.width - 4, height: body.height - 6)
        let offset = ListWindow.offset(selected: selected, count: found.dependents.count, height: list.height)
        for (i, d) in found.dependents.enumerated().dropFirst(offset).prefix(list.height) {
            let row = list.row + i - offset
            let style: Style = i == selected ? .selected : .plain
            if i == selected { screen.fill(Rect(row: row, col: list.col, width: list.width, height: 1), style: style) }
            screen.put("\(d.collection)/\(d.id) (\(d.field)) “\(d.title)”", row: row, col: list.col, style: style, limit: list.width)
        }
        let more = found.total - found.dependents.count
        if more > 0 {
            screen.put("and \(more) more", row: list.row + min(found.dependents.count, list.height), col: list.col, style: .dim)
        }
        Chrome.statusLine(&screen, "\(key) · \(found.total) referring record\(found.total == 1 ? "" : "s")")
        Chrome.hints(&screen, [("↑↓", "move"), ("Enter", "open"), ("Esc", "back")])
    }
}
