import MidairCore

/// Two versions of a record side by side, field by field and, inside a
/// field, line by line as `SideBySide` aligns them: a heading row per
/// field, changed lines marked `-`/`+` and coloured. Built once per pair
/// of versions (the diff of each field); a row's text is made only when
/// it is drawn, so a long record costs the rows on screen, not all of them.
public struct SideBySideRows: Sendable {
    public enum Row: Sendable, Hashable {
        case field(String, changed: Bool)
        case line(left: String?, right: String?, changed: Bool)
    }

    /// One field: its heading at row `start`, then its aligned lines.
    private struct Field: Sendable {
        var name: String
        var changed: Bool
        var old: TextLines
        var new: TextLines
        var aligned: SideBySide
        var start: Int
    }

    private let fields: [Field]
    /// How many rows there are.
    public let count: Int

    public init(left: Fields, right: Fields, order: [String]) {
        var names = order
        for name in Array(left.keys) + Array(right.keys) where !names.contains(name) { names.append(name) }
        var fields: [Field] = []
        var start = 0
        for name in names {
            let old = TextLines(left[name] ?? ""), new = TextLines(right[name] ?? "")
            let aligned = SideBySide(diff: LineDiff.hunks(old, new), oldCount: old.count, newCount: new.count)
            fields.append(Field(name: name, changed: left[name] != right[name], old: old, new: new, aligned: aligned, start: start))
            start += 1 + aligned.rowCount
        }
        self.fields = fields
        count = start
    }

    /// Row `index`, from 0 to `count - 1`.
    public func row(_ index: Int) -> Row {
        // The last field that starts at or before the row.
        var low = 0, high = fields.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if fields[mid].start <= index { low = mid } else { high = mid - 1 }
        }
        let field = fields[low]
        guard index > field.start else { return .field(field.name, changed: field.changed) }
        let aligned = field.aligned.row(index - field.start - 1)
        return .line(left: aligned.left.map(field.old.line), right: aligned.right.map(field.new.line),
                     changed: field.aligned.segments[aligned.segment].isChange)
    }

    /// Draws rows from `offset` into `rect`, left version in the left half.
    func draw(in rect: Rect, offset: Int, titles: (String, String), into screen: inout Screen) {
        let half = (rect.width - 1) / 2
        screen.put(titles.0, row: rect.row, col: rect.col, style: .bold, limit: half)
        screen.put(titles.1, row: rect.row, col: rect.col + half + 1, style: .bold, limit: half)
        for (i, index) in (offset..<min(count, offset + rect.height - 1)).enumerated() {
            let y = rect.row + 1 + i
            screen.put("│", row: y, col: rect.col + half, style: .dim)
            switch row(index) {
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
