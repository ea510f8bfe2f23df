import MidairCore

/// The rows of the merge view: a heading per field, then the field's hunks
/// with yours and theirs aligned line by line (fillers where one side has
/// fewer), and under a change the base (`t`) or the text typed by hand.
///
/// Every part is a segment of one `SideBySide`, which keeps a row offset
/// per segment and finds rows by binary search: a 100k-line field costs a
/// few thousand segments, and drawing makes only the rows on screen.
struct MergeLayout: Sendable {
    enum Part: Sendable, Hashable {
        /// The heading row of field `field`.
        case heading(field: Int)
        /// Hunk `hunk`: yours on the left, theirs on the right.
        case hunk(Int)
        /// The base lines of hunk `hunk`, under it.
        case base(Int)
        /// The text typed by hand for hunk `hunk`, under it.
        case custom(Int)
    }

    let parts: [Part]
    let rows: SideBySide
    /// The segment of each hunk.
    let hunkSegment: [Int]
    /// Hand-typed texts by hunk, split into lines once.
    let custom: [Int: TextLines]

    static let empty = MergeLayout(parts: [], rows: SideBySide(segments: []), hunkSegment: [], custom: [:])

    private init(parts: [Part], rows: SideBySide, hunkSegment: [Int], custom: [Int: TextLines]) {
        self.parts = parts
        self.rows = rows
        self.hunkSegment = hunkSegment
        self.custom = custom
    }

    init(_ merge: RecordMerge, showBase: Bool) {
        var parts: [Part] = []
        var segments: [SideBySide.Segment] = []
        var hunkSegment: [Int] = []
        var custom: [Int: TextLines] = [:]
        parts.reserveCapacity(merge.hunks.count + merge.fields.count)
        segments.reserveCapacity(merge.hunks.count + merge.fields.count)
        hunkSegment.reserveCapacity(merge.hunks.count)
        // A change gets a row even with both sides empty; a heading is one.
        let oneRow = SideBySide.Segment(left: 0..<0, right: 0..<0, isChange: true)
        var field: Int?
        for (i, h) in merge.hunks.enumerated() {
            if let f = h.fieldIndex, f != field {
                field = f
                parts.append(.heading(field: f))
                segments.append(oneRow)
            }
            hunkSegment.append(segments.count)
            parts.append(.hunk(i))
            segments.append(SideBySide.Segment(left: h.yours, right: h.theirs, isChange: h.kind.isChange))
            guard h.kind.isChange, h.fieldIndex != nil else { continue }
            if showBase {
                parts.append(.base(i))
                segments.append(SideBySide.Segment(left: h.base, right: 0..<0, isChange: true))
            }
            if case .custom(let text) = h.resolution {
                let lines = TextLines(text)
                custom[i] = lines
                parts.append(.custom(i))
                segments.append(SideBySide.Segment(left: 0..<lines.count, right: 0..<0, isChange: true))
            }
        }
        self.init(parts: parts, rows: SideBySide(segments: segments), hunkSegment: hunkSegment, custom: custom)
    }

    var rowCount: Int { rows.rowCount }

    /// The rows of hunk `i` with what is shown under it (base, hand-typed text).
    func rows(ofHunk i: Int) -> Range<Int> {
        let first = hunkSegment[i]
        var last = first
        while last + 1 < parts.count, parts[last + 1].hunk == i { last += 1 }
        return rows.rows(ofSegment: first).lowerBound..<rows.rows(ofSegment: last).upperBound
    }

    /// The hunk a row belongs to (headings belong to none).
    func hunk(atRow row: Int) -> Int? {
        guard row >= 0, row < rowCount else { return nil }
        return parts[rows.segment(atRow: row)].hunk
    }
}

extension MergeLayout.Part {
    /// The hunk this part shows or belongs to.
    var hunk: Int? {
        switch self {
        case .heading: nil
        case .hunk(let i), .base(let i), .custom(let i): i
        }
    }
}
