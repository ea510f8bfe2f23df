/// What a stretch of a merge is.
public enum HunkKind: Sendable, Hashable {
    /// All three agree.
    case unchanged
    /// Only yours changed it: taken from yours.
    case yoursOnly
    /// Only theirs changed it: taken from theirs.
    case theirsOnly
    /// Both made the same change.
    case bothSame
    /// Both changed it, differently: someone must pick.
    case conflict
    /// One side deleted it (the field or the whole record), the other edited it.
    case deletedVsEdited(deletedBy: MergeSide)

    /// Whether the hunk must be picked before the merge can be saved.
    public var isConflict: Bool {
        switch self {
        case .conflict, .deletedVsEdited: true
        default: false
        }
    }

    /// Whether anything differs from the base here.
    public var isChange: Bool { self != .unchanged }
}

public enum MergeSide: Sendable, Hashable {
    case yours, theirs
}

/// A stretch of a line-level merge, with the lines it covers in each text.
public struct MergeRegion: Sendable, Hashable {
    public var kind: HunkKind
    public var base: Range<Int>
    public var yours: Range<Int>
    public var theirs: Range<Int>

    public init(kind: HunkKind, base: Range<Int>, yours: Range<Int>, theirs: Range<Int>) {
        self.kind = kind
        self.base = base
        self.yours = yours
        self.theirs = theirs
    }
}

extension ThreeWayMerge {
    /// The merge cut into consecutive regions that together cover each text
    /// exactly once, for the merge view. Conflicts are those of `git
    /// merge-file --zdiff3`: overlapping different changes, less the lines
    /// both sides share at their start and end (shown as `bothSame`).
    public static func regions(base: TextLines, yours: TextLines, theirs: TextLines) -> [MergeRegion] {
        let input = MergeInput(base: base, ours: yours, theirs: theirs)
        var identical: [MergeChunk] = []
        let chunks = MergeChunks.chunks(
            input, ours: input.oursDiff, theirs: input.theirsDiff, level: .eager, identical: &identical)
        var out: [MergeRegion] = []
        out.reserveCapacity(2 * (chunks.count + identical.count) + 1)
        var p0 = 0, p1 = 0, p2 = 0
        func gapTo(_ i0: Int, _ i1: Int, _ i2: Int) -> Bool {
            let gap = i0 - p0
            guard gap >= 0, i1 - p1 == gap, i2 - p2 == gap else { return false }
            if gap > 0 { out.append(MergeRegion(kind: .unchanged, base: p0..<i0, yours: p1..<i1, theirs: p2..<i2)) }
            return true
        }
        // Identical changes are not chunks: walk both lists in base order;
        // one swallowed by a chunk no longer fits between the others.
        var c = 0, s = 0
        while c < chunks.count || s < identical.count {
            let takeChunk = s == identical.count || (c < chunks.count && chunks[c].i0 <= identical[s].i0)
            let m = takeChunk ? chunks[c] : identical[s]
            if takeChunk { c += 1 } else { s += 1 }
            guard gapTo(m.i0, m.i1, m.i2) else { continue }
            switch m.mode {
            case .ours: out.append(MergeRegion(kind: .yoursOnly, base: m.base, yours: m.ours, theirs: m.theirs))
            case .theirs: out.append(MergeRegion(kind: .theirsOnly, base: m.base, yours: m.ours, theirs: m.theirs))
            case .same: out.append(MergeRegion(kind: .bothSame, base: m.base, yours: m.ours, theirs: m.theirs))
            case .conflict: appendConflict(m, input, &out)
            }
            p0 = m.i0 + m.chg0
            p1 = m.i1 + m.chg1
            p2 = m.i2 + m.chg2
        }
        _ = gapTo(base.count, yours.count, theirs.count)
        return out
    }

    /// A conflict with the lines common to both sides at its ends split off.
    private static func appendConflict(_ m: MergeChunk, _ input: MergeInput, _ out: inout [MergeRegion]) {
        let core = trimCommonEnds(m, input)
        if core.chg1 == 0 && core.chg2 == 0 {
            out.append(MergeRegion(kind: .bothSame, base: m.base, yours: m.ours, theirs: m.theirs))
            return
        }
        let lead = core.i1 - m.i1
        if lead > 0 {
            out.append(MergeRegion(kind: .bothSame, base: m.i0..<m.i0, yours: m.i1..<core.i1, theirs: m.i2..<core.i2))
        }
        out.append(MergeRegion(kind: .conflict, base: m.base, yours: core.ours, theirs: core.theirs))
        let end0 = m.i0 + m.chg0
        if core.ours.upperBound < m.ours.upperBound {
            out.append(MergeRegion(
                kind: .bothSame, base: end0..<end0, yours: core.ours.upperBound..<m.ours.upperBound,
                theirs: core.theirs.upperBound..<m.theirs.upperBound))
        }
    }
}
