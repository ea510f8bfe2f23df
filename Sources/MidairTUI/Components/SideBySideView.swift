import MidairCore

/// Two versions of a record side by side, field by field and, inside a
/// field, line by line as `SideBySide` aligns them: a heading row per
/// field, changed lines marked `-`/`+` and coloured. Built once per pair
/// of versions; drawing only walks the rows on screen.
public struct SideBySideRows: Sendable, Hashable {
    public enum Row: Sendable, Hashable {
        case field(String, changed: Bool)
        case line(left: String?, right: String?, changed: Bool)
    }

    public let rows: [Row]

    public init(left: Fields, right: Fields, order: [String]) {
        var rows: [Row] = []
        var names = order
        for name in Array(left.keys) + Array(right.keys) where !names.contains(name) { names.append(name) }
        for name in names {
            let old = TextLines(left[name] ?? ""), new = TextLines(right[name] ?? "")
            rows.append(.field(name, changed: left[name] != right[name]))
            let aligned = SideBySide(diff: LineDiff.hunks(old, new), oldCount: old.count, newCount: new.count)
            for r in aligned.rows(in: 0..<aligned.rowCount) {
                rows.append(.line(left: r.left.map(old.line), right: r.right.map(new.line),
                                  changed: aligned.segments[r.segment].isChange))
            }
        }
        self.rows = rows
    }

    /// Draws rows from `offset` into `rect`, left version in the left half.
    func draw(in rect: Rect, offset: Int, titles: (String, String), into screen: inout Screen) {
        let half = (rect.width - 1) / 2
        screen.put(titles.0, row: rect.row, col: rect.col, style: .bold, limit: half)
        screen.put(titles.1, row: rect.row, col: rect.col + half + 1, style: .bold, limit: half)
        for (i, row) in rows.dropFirst(offset).prefix(rect.height - 1).enumerated() {
            let y = rect.row + 1 + i
            screen.put("│", row: y, col: rect.col + half, style: .dim)
            switch row {
            case .field(let name, let changed):
                let heading = "── \(name) " + (changed ? "(changed) " : "")
                screen.put(heading, row: y, col: rect.col, style: changed ? .accent : .bold, limit: half)
                screen.put(heading, row: y, col: rect.col + half + 1, style: changed ? .accent : .bold, limit: half)
            case .line(let left, let right, let changed):
                side(left, mark: "-", role: .removed, changed: changed, col: rect.col, y: y, width: half, &screen)
                side(right, mark: "+", role: .added, changed: changed, col: rect.col + half + 1, y: y, width: half, &screen)
            }
        }
    }

    private func side(_ text: String?, mark: String, role: ColorRole, changed: Bool, col: Int, y: Int, width: Int, _ screen: inout Screen) {
        guard let text else {
            if changed { screen.put(String(repeating: "╱", count: max(0, width)), row: y, col: col, style: .dim) }
            return
        }
        let style = changed ? Style(.bold, role) : .plain
        screen.put(changed ? mark : " ", row: y, col: col, style: style)
        screen.put(text, row: y, col: col + 2, style: style, limit: width - 2)
    }
}
