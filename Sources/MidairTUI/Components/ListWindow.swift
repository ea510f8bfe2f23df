/// Which rows of a long list are on screen: the selected row stays in
/// view, and near the middle once the list scrolls.
enum ListWindow {
    static func offset(selected: Int, count: Int, height: Int) -> Int {
        guard count > height, height > 0 else { return 0 }
        return min(max(0, selected - height / 2), count - height)
    }

    /// The selection after a movement key, or nil for other keys.
    static func move(_ key: Key, selected: Int, count: Int, page: Int) -> Int? {
        guard count > 0 else { return nil }
        let target: Int
        switch key {
        case .up, .char("k"): target = selected - 1
        case .down, .char("j"): target = selected + 1
        case .pageUp: target = selected - max(1, page)
        case .pageDown: target = selected + max(1, page)
        case .home, .char("g"): target = 0
        case .end, .char("G"): target = count - 1
        case .mouse(let m) where m.kind == .wheelUp: target = selected - 3
        case .mouse(let m) where m.kind == .wheelDown: target = selected + 3
        default: return nil
        }
        return min(max(0, target), count - 1)
    }
}
