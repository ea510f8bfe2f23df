/// One screen row of a side-by-side view: a line of the left text, a line of
/// the right text, or a filler (nil) where one side has fewer lines.
public struct AlignedRow: Sendable, Hashable {
    /// The segment (merge hunk, or diff stretch) the row belongs to.
    public var segment: Int
    /// The row's position inside its segment.
    public var offset: Int
    public var left: Int?
    public var right: Int?
}

/// Rows pairing the lines of two texts, built from segments that cover both
/// in order (equal stretches and changed hunks). Stores one row offset per
/// segment and finds rows by binary search, so scrolling a 100k-line field
/// costs nothing up front and `rows(in:)` only makes the rows on screen.
public struct SideBySide: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var left: Range<Int>
        public var right: Range<Int>
        /// A change gets a row even when both sides are empty, so there is
        /// a row to put the cursor on.
        public var isChange: Bool

        public init(left: Range<Int>, right: Range<Int>, isChange: Bool) {
            self.left = left
            self.right = right
            self.isChange = isChange
        }

        var rowCount: Int { max(left.count, right.count, isChange ? 1 : 0) }
    }

    public let segments: [Segment]
    /// `rowStarts[s]` is the first row of segment `s`; the last entry is the
    /// row count.
    private let rowStarts: [Int]

    public init(segments: [Segment]) {
        self.segments = segments
        var starts = [0]
        starts.reserveCapacity(segments.count + 1)
        for s in segments { starts.append(starts[starts.count - 1] + s.rowCount) }
        rowStarts = starts
    }

    public var rowCount: Int { rowStarts[rowStarts.count - 1] }

    /// The rows of segment `s`.
    public func rows(ofSegment s: Int) -> Range<Int> { rowStarts[s]..<rowStarts[s + 1] }

    /// The segment holding row `row` (which must be below `rowCount`).
    public func segment(atRow row: Int) -> Int {
        var lo = 0, hi = segments.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if rowStarts[mid] <= row { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    public func row(_ row: Int) -> AlignedRow {
        let s = segment(atRow: row)
        return aligned(s, row - rowStarts[s])
    }

    /// Rows `range` (clamped to the view), e.g. the rows on screen.
    public func rows(in range: Range<Int>) -> [AlignedRow] {
        let range = range.clamped(to: 0..<rowCount)
        guard !range.isEmpty else { return [] }
        var out: [AlignedRow] = []
        out.reserveCapacity(range.count)
        var s = segment(atRow: range.lowerBound)
        for row in range {
            while row >= rowStarts[s + 1] { s += 1 }
            out.append(aligned(s, row - rowStarts[s]))
        }
        return out
    }

    private func aligned(_ s: Int, _ offset: Int) -> AlignedRow {
        let seg = segments[s]
        return AlignedRow(
            segment: s, offset: offset,
            left: offset < seg.left.count ? seg.left.lowerBound + offset : nil,
            right: offset < seg.right.count ? seg.right.lowerBound + offset : nil)
    }

    /// The rows of a two-way diff: equal stretches and hunks in turn.
    public init(diff hunks: [DiffHunk], oldCount: Int, newCount: Int) {
        var segments: [Segment] = []
        var o = 0, n = 0
        for h in hunks {
            if h.oldStart > o { segments.append(Segment(left: o..<h.oldStart, right: n..<h.newStart, isChange: false)) }
            segments.append(Segment(left: h.old, right: h.new, isChange: true))
            o = h.oldStart + h.oldCount
            n = h.newStart + h.newCount
        }
        if o < oldCount { segments.append(Segment(left: o..<oldCount, right: n..<newCount, isChange: false)) }
        self.init(segments: segments)
    }
}

extension RecordMerge {
    /// Yours on the left, theirs on the right: one segment per hunk (same
    /// index), a row at least for every change.
    public func sideBySide() -> SideBySide {
        SideBySide(segments: hunks.map { h in
            SideBySide.Segment(left: h.yours, right: h.theirs, isChange: h.kind.isChange)
        })
    }
}
