/// One difference between two texts: lines `old` of the first replaced by
/// lines `new` of the second (either may be empty).
public struct DiffHunk: Sendable, Hashable {
    public var oldStart: Int
    public var oldCount: Int
    public var newStart: Int
    public var newCount: Int

    public init(oldStart: Int, oldCount: Int, newStart: Int, newCount: Int) {
        self.oldStart = oldStart
        self.oldCount = oldCount
        self.newStart = newStart
        self.newCount = newCount
    }

    public var old: Range<Int> { oldStart..<(oldStart + oldCount) }
    public var new: Range<Int> { newStart..<(newStart + newCount) }
}

/// Where an ambiguous change goes. Inserting `b` into `a b a` can be shown
/// in two places; like git, slide every group of changed lines as far down as
/// it goes, merging groups that meet, then back up to line up with a change
/// on the other side if it can. Merges depend on these positions, so they
/// must be git's to give git's results.
enum ChangeCompaction {
    /// A run of changed lines `start..<end` (empty between unchanged lines).
    private struct Group {
        var start = 0
        var end = 0
    }

    private struct Side {
        let ids: UnsafeBufferPointer<Int32>
        /// Indexable from -1 to `ids.count`; the guards are never set.
        let changed: UnsafeMutablePointer<Bool>
        var count: Int { ids.count }

        func first() -> Group {
            var g = Group()
            while changed[g.end] { g.end += 1 }
            return g
        }

        func next(_ g: inout Group) -> Bool {
            if g.end == count { return false }
            g.start = g.end + 1
            g.end = g.start
            while changed[g.end] { g.end += 1 }
            return true
        }

        func previous(_ g: inout Group) -> Bool {
            if g.start == 0 { return false }
            g.end = g.start - 1
            g.start = g.end
            while changed[g.start - 1] { g.start -= 1 }
            return true
        }

        func slideDown(_ g: inout Group) -> Bool {
            guard g.end < count && ids[g.start] == ids[g.end] else { return false }
            changed[g.start] = false
            changed[g.end] = true
            g.start += 1
            g.end += 1
            while changed[g.end] { g.end += 1 }
            return true
        }

        func slideUp(_ g: inout Group) -> Bool {
            guard g.start > 0 && ids[g.start - 1] == ids[g.end - 1] else { return false }
            g.start -= 1
            g.end -= 1
            changed[g.start] = true
            changed[g.end] = false
            while changed[g.start - 1] { g.start -= 1 }
            return true
        }
    }

    /// Slides the groups of `ids` (marked in `changed`), keeping the groups
    /// of the other side in step.
    static func compact(
        _ ids: UnsafeBufferPointer<Int32>, _ changed: UnsafeMutablePointer<Bool>,
        _ otherIDs: UnsafeBufferPointer<Int32>, _ otherChanged: UnsafeMutablePointer<Bool>
    ) {
        let side = Side(ids: ids, changed: changed)
        let other = Side(ids: otherIDs, changed: otherChanged)
        var g = side.first(), go = other.first()
        while true {
            if g.end != g.start {
                var earliestEnd = 0
                var endMatchingOther = -1
                var size = 0
                repeat {
                    size = g.end - g.start
                    endMatchingOther = -1
                    while side.slideUp(&g) { _ = other.previous(&go) }
                    earliestEnd = g.end
                    if go.end > go.start { endMatchingOther = g.end }
                    while side.slideDown(&g) {
                        _ = other.next(&go)
                        if go.end > go.start { endMatchingOther = g.end }
                    }
                } while size != g.end - g.start
                if g.end != earliestEnd && endMatchingOther != -1 {
                    while go.end == go.start {
                        _ = side.slideUp(&g)
                        _ = other.previous(&go)
                    }
                }
            }
            if !side.next(&g) { break }
            _ = other.next(&go)
        }
    }

    /// The hunks described by the change marks of both sides.
    static func script(_ n1: Int, _ changed1: UnsafeMutablePointer<Bool>, _ n2: Int, _ changed2: UnsafeMutablePointer<Bool>) -> [DiffHunk] {
        var out: [DiffHunk] = []
        var i1 = 0, i2 = 0
        while i1 < n1 || i2 < n2 {
            if changed1[i1] || changed2[i2] {
                let s1 = i1, s2 = i2
                while changed1[i1] { i1 += 1 }
                while changed2[i2] { i2 += 1 }
                out.append(DiffHunk(oldStart: s1, oldCount: i1 - s1, newStart: s2, newCount: i2 - s2))
            } else {
                i1 += 1
                i2 += 1
            }
        }
        return out
    }
}
