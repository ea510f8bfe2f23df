/// The keys of the page below, and those that work everywhere.
public struct HelpState: Sendable {
    public var keys: KeyHelp
    public var scroll = 0

    init(keys: KeyHelp) {
        self.keys = keys
    }

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        guard case .key(let key) = action else { return [] }
        if let moved = ListWindow.move(key, selected: scroll, count: keys.keys.count, page: env.size.height - 6) {
            scroll = moved
            return []
        }
        return key == .escape || key == .char("q") || key == .enter ? [.send(.back)] : []
    }

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "help · \(keys.title)", right: env.user ?? "")
        let body = Chrome.body(screen)
        let keyWidth = (keys.keys.map { CellWidth.of($0.key) }.max() ?? 4) + 2
        let rows = body.height - 1
        let offset = min(scroll, max(0, keys.keys.count - rows))
        for (i, binding) in keys.keys.dropFirst(offset).prefix(rows).enumerated() {
            screen.put(binding.key, row: body.row + 1 + i, col: 3, style: .bold)
            screen.put(binding.meaning, row: body.row + 1 + i, col: 3 + keyWidth)
        }
        Chrome.statusLine(&screen, "Keys of the \(keys.title.lowercased())")
        Chrome.hints(&screen, [("Esc", "close"), ("↑↓", "scroll")])
    }
}
