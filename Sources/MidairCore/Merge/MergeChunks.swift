/// The changed stretches of a three-way merge, as git's xdiff finds them.
///
/// Positions follow xdiff: `i0/chg0` in the base, `i1/chg1` in ours and
/// `i2/chg2` in theirs. Between two chunks (and around them) all three
/// texts agree, and the stretch has the same length in each.
struct MergeChunk: Sendable, Hashable {
    enum Mode: UInt8, Sendable {
        case conflict = 0
        case ours = 1
        case theirs = 2
        /// Both sides (after refinement) made the same change: nothing to do.
        case same = 4
    }

    var mode: Mode
    var i0: Int, chg0: Int
    var i1: Int, chg1: Int
    var i2: Int, chg2: Int

    var base: Range<Int> { i0..<(i0 + chg0) }
    var ours: Range<Int> { i1..<(i1 + chg1) }
    var theirs: Range<Int> { i2..<(i2 + chg2) }
}

/// How hard to look for agreement inside overlapping changes (xdiff's levels).
enum MergeLevel: Sendable {
    /// Overlapping changes conflict unless identical.
    case eager
    /// Also shrink conflicts to the lines that differ between the sides, and
    /// fold conflicts separated by three lines or less, or by lines without
    /// letters or digits, into one (git merge-file's default).
    case zealousAlnum
}

/// Texts of a three-way merge with their line ids in one id space.
struct MergeInput: Sendable {
    let base: TextLines, ours: TextLines, theirs: TextLines
    let baseIDs: [Int32], ourIDs: [Int32], theirIDs: [Int32]
    let classCount: Int

    init(base: TextLines, ours: TextLines, theirs: TextLines) {
        self.base = base
        self.ours = ours
        self.theirs = theirs
        let interned = LineInterner.intern([base, ours, theirs])
        baseIDs = interned.ids[0]
        ourIDs = interned.ids[1]
        theirIDs = interned.ids[2]
        classCount = interned.classCount
    }

    var oursDiff: [DiffHunk] { LineDiff.hunks(baseIDs, ourIDs, classCount: classCount) }
    var theirsDiff: [DiffHunk] { LineDiff.hunks(baseIDs, theirIDs, classCount: classCount) }
}

enum MergeChunks {
    /// The chunks of the merge of two diffs against the same base.
    /// `identical` collects the changes both sides made alike, which the
    /// chunks leave out (they read as agreed text).
    static func chunks(
        _ input: MergeInput, ours d1: [DiffHunk], theirs d2: [DiffHunk], level: MergeLevel,
        identical: inout [MergeChunk]
    ) -> [MergeChunk] {
        var out: [MergeChunk] = []
        out.reserveCapacity(d1.count + d2.count)
        var x1 = 0, x2 = 0
        while x1 < d1.count && x2 < d2.count {
            let h1 = d1[x1], h2 = d2[x2]
            if h1.oldStart + h1.oldCount < h2.oldStart {
                append(&out, .ours, h1.oldStart, h1.oldCount, h1.newStart, h1.newCount,
                       h2.newStart - h2.oldStart + h1.oldStart, h1.oldCount)
                x1 += 1
                continue
            }
            if h2.oldStart + h2.oldCount < h1.oldStart {
                append(&out, .theirs, h2.oldStart, h2.oldCount, h1.newStart - h1.oldStart + h2.oldStart, h2.oldCount,
                       h2.newStart, h2.newCount)
                x2 += 1
                continue
            }
            if h1.oldStart == h2.oldStart && h1.oldCount == h2.oldCount && h1.newCount == h2.newCount
                && input.ourIDs[h1.new] == input.theirIDs[h2.new]
            {
                identical.append(MergeChunk(mode: .same, i0: h1.oldStart, chg0: h1.oldCount, i1: h1.newStart,
                                            chg1: h1.newCount, i2: h2.newStart, chg2: h2.newCount))
            } else {
                let off = h1.oldStart - h2.oldStart
                let ffo = off + h1.oldCount - h2.oldCount
                var i0 = h1.oldStart, i1 = h1.newStart, i2 = h2.newStart
                if off > 0 {
                    i0 -= off
                    i1 -= off
                } else {
                    i2 += off
                }
                var chg0 = h1.oldStart + h1.oldCount - i0
                var chg1 = h1.newStart + h1.newCount - i1
                var chg2 = h2.newStart + h2.newCount - i2
                if ffo < 0 {
                    chg0 -= ffo
                    chg1 -= ffo
                } else {
                    chg2 += ffo
                }
                append(&out, .conflict, i0, chg0, i1, chg1, i2, chg2)
            }
            let end1 = h1.oldStart + h1.oldCount, end2 = h2.oldStart + h2.oldCount
            if end1 >= end2 { x2 += 1 }
            if end2 >= end1 { x1 += 1 }
        }
        let n0 = input.baseIDs.count
        while x1 < d1.count {
            let h = d1[x1]
            append(&out, .ours, h.oldStart, h.oldCount, h.newStart, h.newCount,
                   h.oldStart + input.theirIDs.count - n0, h.oldCount)
            x1 += 1
        }
        while x2 < d2.count {
            let h = d2[x2]
            append(&out, .theirs, h.oldStart, h.oldCount, h.oldStart + input.ourIDs.count - n0, h.oldCount,
                   h.newStart, h.newCount)
            x2 += 1
        }
        if level == .zealousAlnum {
            out = refine(out, input)
            simplify(&out, input)
        }
        return out
    }

    /// Adds a chunk, folding it into the previous one when they overlap or
    /// touch on either side (a conflict if their modes differ).
    private static func append(
        _ out: inout [MergeChunk], _ mode: MergeChunk.Mode, _ i0: Int, _ chg0: Int, _ i1: Int, _ chg1: Int,
        _ i2: Int, _ chg2: Int
    ) {
        if let m = out.last, i1 <= m.i1 + m.chg1 || i2 <= m.i2 + m.chg2 {
            let last = out.count - 1
            if mode != m.mode { out[last].mode = .conflict }
            out[last].chg0 = i0 + chg0 - m.i0
            out[last].chg1 = i1 + chg1 - m.i1
            out[last].chg2 = i2 + chg2 - m.i2
        } else {
            out.append(MergeChunk(mode: mode, i0: i0, chg0: chg0, i1: i1, chg1: chg1, i2: i2, chg2: chg2))
        }
    }

    /// Shrinks each conflict to the hunks of a diff between its two sides.
    /// Like xdiff, the pieces keep the whole conflict's base range.
    private static func refine(_ chunks: [MergeChunk], _ input: MergeInput) -> [MergeChunk] {
        var out: [MergeChunk] = []
        out.reserveCapacity(chunks.count)
        for m in chunks {
            guard m.mode == .conflict, m.chg1 > 0, m.chg2 > 0 else {
                out.append(m)
                continue
            }
            let pieces = MyersDiff.hunks(input.ourIDs[m.ours], input.theirIDs[m.theirs])
            if pieces.isEmpty {
                var same = m
                same.mode = .same
                out.append(same)
                continue
            }
            for p in pieces {
                out.append(MergeChunk(mode: .conflict, i0: m.i0, chg0: m.chg0, i1: m.i1 + p.oldStart, chg1: p.oldCount,
                                      i2: m.i2 + p.newStart, chg2: p.newCount))
            }
        }
        return out
    }

    /// Folds neighbouring conflicts together when what separates them is
    /// short (three lines or less) or holds no letter or digit: one conflict
    /// reads better than two around a lone brace.
    private static func simplify(_ chunks: inout [MergeChunk], _ input: MergeInput) {
        guard !chunks.isEmpty else { return }
        var out: [MergeChunk] = [chunks[0]]
        out.reserveCapacity(chunks.count)
        for next in chunks.dropFirst() {
            let m = out[out.count - 1]
            let begin = m.i1 + m.chg1, end = next.i1
            if m.mode == .conflict && next.mode == .conflict
                && (end - begin <= 3 || !containsAlphanumeric(input.ours, begin..<end))
            {
                out[out.count - 1].chg1 = next.i1 + next.chg1 - m.i1
                out[out.count - 1].chg2 = next.i2 + next.chg2 - m.i2
            } else {
                out.append(next)
            }
        }
        chunks = out
    }

    /// Whether any of `lines` holds an ASCII letter or digit.
    private static func containsAlphanumeric(_ text: TextLines, _ lines: Range<Int>) -> Bool {
        text.bytes[text.byteRange(lines: lines)].contains { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        }
    }
}
