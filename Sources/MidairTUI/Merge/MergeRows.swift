import MidairCore

/// Draws the rows of the merge view that are on screen: yours on the left,
/// theirs on the right, word-level highlights inside changed lines, and in
/// the gutter how each hunk is settled. Only the rows shown are looked at,
/// whatever the size of the record.
struct MergeRows {
    let merge: RecordMerge
    let layout: MergeLayout
    let frame: MergeFrame
    let selected: Int?
    /// Cells scrolled off the left of both sides.
    let left: Int

    func draw(from top: Int, into screen: inout Screen) {
        let list = frame.list
        let selectedRows = selected.map { layout.rows(ofHunk: $0) } ?? 0..<0
        for (i, row) in layout.rows.rows(in: top..<top + list.height).enumerated() {
            let y = list.row + i
            if selectedRows.contains(top + i) { screen.put("▌", row: y, col: 0, style: .accent) }
            switch layout.parts[row.segment] {
            case .heading(let f): heading(f, y, &screen)
            case .hunk(let h): hunk(h, row, y, &screen)
            case .base(let h): under(h, row.left.flatMap { merge.fields[merge.hunks[h].fieldIndex!].base?.line($0) },
                                     first: row.offset == 0, label: "base", empty: "(not in the base)", style: .dim, y, &screen)
            case .custom(let h): under(h, row.left.flatMap { layout.custom[h]?.line($0) },
                                       first: row.offset == 0, label: "edit", empty: "(nothing: the hunk is dropped)",
                                       style: Style(.bold, .added), y, &screen)
            }
        }
    }

    /// `── body ──…` with what happened to the field.
    private func heading(_ f: Int, _ y: Int, _ screen: inout Screen) {
        var open = 0, changes = 0
        for h in merge.hunks where h.fieldIndex == f && h.kind.isChange {
            changes += 1
            if h.resolution == nil { open += 1 }
        }
        let note = open > 0 ? " \(open) open conflict\(open == 1 ? "" : "s") " : changes > 0 ? " changed " : ""
        let style: Style = open > 0 ? Style(.bold, .conflict) : changes > 0 ? .accent : .bold
        let rule = String(repeating: "─", count: max(0, frame.list.width - 2))
        screen.put(rule, row: y, col: 1, style: .dim)
        let end = screen.put(" \(merge.fields[f].name) ", row: y, col: 3, style: style, limit: frame.sideWidth)
        if !note.isEmpty { screen.put(note, row: y, col: max(end + 1, frame.theirsCol), style: style) }
    }

    private func hunk(_ i: Int, _ row: AlignedRow, _ y: Int, _ screen: inout Screen) {
        let h = merge.hunks[i]
        let look = HunkLook(h, recordDeletedBy: merge.recordDeletedBy)
        gutter(look, first: row.offset == 0, selected: i == selected, y, &screen)
        guard let f = h.fieldIndex else {
            // The record as a whole: one side deleted it.
            text(look.recordSide(.yours), spans: nil, look.yours, col: frame.yoursCol, y, &screen)
            text(look.recordSide(.theirs), spans: nil, look.theirs, col: frame.theirsCol, y, &screen)
            return
        }
        let yours = row.left.flatMap { merge.fields[f].yours?.line($0) }
        let theirs = row.right.flatMap { merge.fields[f].theirs?.line($0) }
        var spans: (old: [WordSpan], new: [WordSpan])?
        if h.kind.isChange, let yours, let theirs, yours != theirs { spans = WordDiff.spans(yours, theirs) }
        side(yours, spans?.old, look.yours, changed: h.kind.isChange, col: frame.yoursCol, y, &screen)
        side(theirs, spans?.new, look.theirs, changed: h.kind.isChange, col: frame.theirsCol, y, &screen)
    }

    /// One side of a row: its line, or a filler where the other side has more.
    private func side(_ line: String?, _ spans: [WordSpan]?, _ style: Style, changed: Bool, col: Int, _ y: Int, _ screen: inout Screen) {
        guard let line else {
            if changed { screen.put(String(repeating: "╱", count: frame.sideWidth - 1), row: y, col: col, style: .dim) }
            return
        }
        text(line, spans: spans, style, col: col, y, &screen)
    }

    /// The mark in the gutter: on a hunk's first row, how it is settled;
    /// below it, a bar that shows how far the hunk goes.
    private func gutter(_ look: HunkLook, first: Bool, selected: Bool, _ y: Int, _ screen: inout Screen) {
        guard let mark = look.mark else { return }
        var style = look.markStyle
        if selected { style.attributes.insert(.reverse) }
        screen.put(first ? mark : "  ┃   ", row: y, col: frame.gutterCol, style: first ? style : look.markStyle, limit: MergeFrame.gutterWidth)
    }

    /// Rows under a hunk (its base, or the text typed for it) across both sides.
    private func under(_ hunk: Int, _ line: String?, first: Bool, label: String, empty: String, style: Style, _ y: Int, _ screen: inout Screen) {
        screen.put(first ? label : "", row: y, col: frame.gutterCol - label.count - 1, style: .dim)
        screen.put("  ┊   ", row: y, col: frame.gutterCol, style: .dim)
        guard let line else {
            if first { screen.put(empty, row: y, col: frame.theirsCol, style: .dim, limit: frame.sideWidth) }
            return
        }
        text(line, spans: nil, style, col: frame.theirsCol, y, &screen)
    }

    /// Writes `line` from `col` within a side, scrolled `left` cells, with
    /// the changed spans highlighted; `›` marks a line that goes on.
    private func text(_ line: String, spans: [WordSpan]?, _ style: Style, col: Int, _ y: Int, _ screen: inout Screen) {
        let end = col + frame.sideWidth - 1
        var x = col
        var skip = left
        var overflow = false
        let pieces = spans.map { $0.map { ($0.range, $0.changed) } } ?? [(line.startIndex..<line.endIndex, false)]
        for (range, changed) in pieces {
            var piece = line[range]
            while skip > 0, let g = piece.first {
                skip -= Glyph.cells(g)
                piece = piece.dropFirst()
            }
            guard !piece.isEmpty else { continue }
            var shown = style
            if changed { shown.attributes.insert(style.attributes.contains(.dim) ? .underline : .reverse) }
            let after = screen.put(String(piece), row: y, col: x, style: shown, limit: end - x)
            if after - x < piece.reduce(0, { $0 + Glyph.cells($1) }) { overflow = true }
            x = after
            if overflow { break }
        }
        if overflow { screen.put("›", row: y, col: end, style: .dim) }
    }
}

/// How a hunk looks: the style of each side and its mark in the gutter,
/// from its kind and how it is settled.
struct HunkLook {
    let yours: Style
    let theirs: Style
    /// Nil for unchanged stretches.
    let mark: String?
    let markStyle: Style
    private let recordDeletedBy: MergeSide?

    private static let taken = Style(.bold, .added)
    private static let dropped = Style(.dim, .removed)
    private static let open = Style(.bold, .conflict)

    init(_ h: MergeHunk, recordDeletedBy: MergeSide?) {
        self.recordDeletedBy = recordDeletedBy
        // A hunk changed on one side only is settled from the start: "auto".
        let auto = (h.kind == .yoursOnly && h.resolution == .yours) || (h.kind == .theirsOnly && h.resolution == .theirs)
        switch (h.kind, h.resolution) {
        case (.unchanged, _):
            (yours, theirs, mark, markStyle) = (.plain, .plain, nil, .plain)
        case (.bothSame, _):
            (yours, theirs, mark, markStyle) = (Style(.bold, .changed), Style(.bold, .changed), "  ══  ", .dim)
        case (_, nil):
            (yours, theirs, mark, markStyle) = (Self.open, Self.open, " ???? ", Style([.bold, .reverse], .conflict))
        case (_, .yours?):
            (yours, theirs, mark, markStyle) = (Self.taken, Self.dropped, auto ? "◀auto " : " ◀◀   ", auto ? .dim : .accent)
        case (_, .theirs?):
            (yours, theirs, mark, markStyle) = (Self.dropped, Self.taken, auto ? " auto▶" : "   ▶▶ ", auto ? .dim : .accent)
        case (_, .yoursThenTheirs?):
            (yours, theirs, mark, markStyle) = (Self.taken, Self.taken, " ◀+▶  ", .accent)
        case (_, .theirsThenYours?):
            (yours, theirs, mark, markStyle) = (Self.taken, Self.taken, " ▶+◀  ", .accent)
        case (_, .custom?):
            (yours, theirs, mark, markStyle) = (Self.dropped, Self.dropped, " edit ", .accent)
        }
    }

    /// What one side did to the record, for the row of a record deleted on one side.
    func recordSide(_ side: MergeSide) -> String {
        recordDeletedBy == side ? "(deleted the record)" : "(kept the record)"
    }
}
