/// The line diff behind every comparison in midair: Myers' O(ND) algorithm
/// with the heuristics of git's xdiff, so results (and merges built on them)
/// match git's, and pathological inputs stay fast.
///
/// Steps, as in xdiff: trim the common prefix and suffix; set aside lines that
/// cannot match (no equal line on the other side) and runs of very frequent
/// lines among them; run the divide-and-conquer Myers search with its cost
/// cut-offs on what is left; then slide each group of changes to a canonical
/// place (`ChangeCompaction`).
enum MyersDiff {
    /// The lines of each side not in the common subsequence found, as
    /// hunks in order. `a` and `b` hold line ids in `0..<classCount`.
    static func hunks(_ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, classCount: Int) -> [DiffHunk] {
        let n1 = a.count, n2 = b.count
        // One guard slot on each side, so sliding never checks bounds.
        let changed1 = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n1 + 2)
        let changed2 = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n2 + 2)
        changed1.initialize(repeating: false)
        changed2.initialize(repeating: false)
        defer {
            changed1.deallocate()
            changed2.deallocate()
        }
        let c1 = changed1.baseAddress! + 1, c2 = changed2.baseAddress! + 1
        markChanges(a, b, classCount: classCount, c1, c2)
        ChangeCompaction.compact(a, c1, b, c2)
        ChangeCompaction.compact(b, c2, a, c1)
        return ChangeCompaction.script(n1, c1, n2, c2)
    }

    /// Ids may be sparse in a large space: renumbers them densely first.
    static func hunks(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> [DiffHunk] {
        var map: [Int32: Int32] = [:]
        map.reserveCapacity(a.count + b.count)
        func dense(_ s: ArraySlice<Int32>) -> [Int32] {
            s.map { id in
                if let d = map[id] { return d }
                let d = Int32(map.count)
                map[id] = d
                return d
            }
        }
        let da = dense(a), db = dense(b)
        return da.withUnsafeBufferPointer { pa in
            db.withUnsafeBufferPointer { pb in hunks(pa, pb, classCount: map.count) }
        }
    }

    /// xdiff's approximate square root: a power of two near `sqrt(n)`.
    static func bogoSqrt(_ n: Int) -> Int {
        var n = n, i = 1
        while n > 0 {
            i <<= 1
            n >>= 2
        }
        return i
    }

    private static func markChanges(
        _ a: UnsafeBufferPointer<Int32>, _ b: UnsafeBufferPointer<Int32>, classCount: Int,
        _ changed1: UnsafeMutablePointer<Bool>, _ changed2: UnsafeMutablePointer<Bool>
    ) {
        let n1 = a.count, n2 = b.count
        let limit = min(n1, n2)
        var start = 0
        while start < limit && a[start] == b[start] { start += 1 }
        var suffix = 0
        while suffix < limit - start && a[n1 - 1 - suffix] == b[n2 - 1 - suffix] { suffix += 1 }
        let end1 = n1 - suffix, end2 = n2 - suffix
        if start == end1 && start == end2 { return }

        // How often each line occurs on the other side, whole files counted.
        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: 2 * classCount)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let inA = counts.baseAddress!, inB = inA + classCount
        for i in 0..<n1 { inA[Int(a[i])] += 1 }
        for i in 0..<n2 { inB[Int(b[i])] += 1 }

        let kept1 = Reduced(a, start, end1, otherCounts: inB, changed: changed1)
        let kept2 = Reduced(b, start, end2, otherCounts: inA, changed: changed2)
        defer {
            kept1.deallocate()
            kept2.deallocate()
        }
        let ndiags = kept1.count + kept2.count + 3
        let kv = UnsafeMutablePointer<Int>.allocate(capacity: 2 * ndiags + 2)
        defer { kv.deallocate() }
        var search = Search(
            ha1: kept1.ids, index1: kept1.index, changed1: changed1,
            ha2: kept2.ids, index2: kept2.index, changed2: changed2,
            kvdf: kv + kept2.count + 1, kvdb: kv + ndiags + kept2.count + 1,
            maxCost: max(bogoSqrt(ndiags), 256))
        search.compare(0, kept1.count, 0, kept2.count, needMin: false)
    }

    /// The lines of one side that take part in the search, and where they
    /// came from; the others are marked changed at once.
    private struct Reduced {
        let ids: UnsafeMutablePointer<Int32>
        let index: UnsafeMutablePointer<Int32>
        var count = 0

        init(
            _ lines: UnsafeBufferPointer<Int32>, _ start: Int, _ end: Int, otherCounts: UnsafeMutablePointer<Int32>,
            changed: UnsafeMutablePointer<Bool>
        ) {
            let n = end - start
            ids = .allocate(capacity: max(n, 1))
            index = .allocate(capacity: max(n, 1))
            guard n > 0 else { return }
            let limit = Int32(min(bogoSqrt(lines.count), 1024))
            // 0: no match on the other side, 1: some, 2: very many.
            let kind = UnsafeMutablePointer<UInt8>.allocate(capacity: n)
            defer { kind.deallocate() }
            for i in 0..<n {
                let m = otherCounts[Int(lines[start + i])]
                kind[i] = m == 0 ? 0 : (m >= limit ? 2 : 1)
            }
            for i in 0..<n {
                let k = kind[i]
                if k == 1 || (k == 2 && !Self.discardFrequent(kind, i, n)) {
                    ids[count] = lines[start + i]
                    index[count] = Int32(start + i)
                    count += 1
                } else {
                    changed[start + i] = true
                }
            }
        }

        func deallocate() {
            ids.deallocate()
            index.deallocate()
        }

        /// A very frequent line is set aside only inside a run of lines
        /// without match, where it would only feed spurious matches.
        private static func discardFrequent(_ kind: UnsafeMutablePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
            let window = 100
            let lo = max(0, i - window), hi = min(n - 1, i + window)
            var none = 0, many = 1, r = 1
            while i - r >= lo {
                let k = kind[i - r]
                if k == 0 { none += 1 } else if k == 2 { many += 1 } else { break }
                r += 1
            }
            if none == 0 { return false }
            var noneAfter = 0, manyAfter = 1
            r = 1
            while i + r <= hi {
                let k = kind[i + r]
                if k == 0 { noneAfter += 1 } else if k == 2 { manyAfter += 1 } else { break }
                r += 1
            }
            if noneAfter == 0 { return false }
            let totalMany = many + manyAfter, totalNone = none + noneAfter
            return totalMany * 4 < totalMany + totalNone
        }
    }

    /// The divide-and-conquer search over the reduced sequences.
    private struct Search {
        let ha1: UnsafeMutablePointer<Int32>, index1: UnsafeMutablePointer<Int32>, changed1: UnsafeMutablePointer<Bool>
        let ha2: UnsafeMutablePointer<Int32>, index2: UnsafeMutablePointer<Int32>, changed2: UnsafeMutablePointer<Bool>
        /// Furthest reaching paths per diagonal, forward and backward;
        /// indexed by diagonal `i1 - i2`, which may be negative.
        let kvdf: UnsafeMutablePointer<Int>, kvdb: UnsafeMutablePointer<Int>
        let maxCost: Int
        let snakeCount = 20
        let heuristicMinCost = 256

        mutating func compare(_ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int, needMin: Bool) {
            var off1 = off1, lim1 = lim1, off2 = off2, lim2 = lim2
            while off1 < lim1 && off2 < lim2 && ha1[off1] == ha2[off2] {
                off1 += 1
                off2 += 1
            }
            while off1 < lim1 && off2 < lim2 && ha1[lim1 - 1] == ha2[lim2 - 1] {
                lim1 -= 1
                lim2 -= 1
            }
            if off1 == lim1 {
                for i in off2..<lim2 { changed2[Int(index2[i])] = true }
            } else if off2 == lim2 {
                for i in off1..<lim1 { changed1[Int(index1[i])] = true }
            } else {
                let s = split(off1, lim1, off2, lim2, needMin: needMin)
                compare(off1, s.i1, off2, s.i2, needMin: s.minLow)
                compare(s.i1, lim1, s.i2, lim2, needMin: s.minHigh)
            }
        }

        struct Split {
            var i1 = 0, i2 = 0
            var minLow = false, minHigh = false
        }

        /// Finds where to cut the box: the middle snake, or when that costs
        /// too much, a good-enough point (a long snake far along, or simply
        /// the furthest point reached).
        func split(_ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int, needMin: Bool) -> Split {
            let dmin = off1 - lim2, dmax = lim1 - off2
            let fmid = off1 - off2, bmid = lim1 - lim2
            let odd = (fmid - bmid) & 1 != 0
            var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
            kvdf[fmid] = off1
            kvdb[bmid] = lim1
            var ec = 1
            while true {
                var gotSnake = false
                if fmin > dmin {
                    fmin -= 1
                    kvdf[fmin - 1] = -1
                } else {
                    fmin += 1
                }
                if fmax < dmax {
                    fmax += 1
                    kvdf[fmax + 1] = -1
                } else {
                    fmax -= 1
                }
                var d = fmax
                while d >= fmin {
                    var i1 = kvdf[d - 1] >= kvdf[d + 1] ? kvdf[d - 1] + 1 : kvdf[d + 1]
                    let prev1 = i1
                    var i2 = i1 - d
                    while i1 < lim1 && i2 < lim2 && ha1[i1] == ha2[i2] {
                        i1 += 1
                        i2 += 1
                    }
                    if i1 - prev1 > snakeCount { gotSnake = true }
                    kvdf[d] = i1
                    if odd && bmin <= d && d <= bmax && kvdb[d] <= i1 {
                        return Split(i1: i1, i2: i2, minLow: true, minHigh: true)
                    }
                    d -= 2
                }

                if bmin > dmin {
                    bmin -= 1
                    kvdb[bmin - 1] = Int.max
                } else {
                    bmin += 1
                }
                if bmax < dmax {
                    bmax += 1
                    kvdb[bmax + 1] = Int.max
                } else {
                    bmax -= 1
                }
                d = bmax
                while d >= bmin {
                    var i1 = kvdb[d - 1] < kvdb[d + 1] ? kvdb[d - 1] : kvdb[d + 1] - 1
                    let prev1 = i1
                    var i2 = i1 - d
                    while i1 > off1 && i2 > off2 && ha1[i1 - 1] == ha2[i2 - 1] {
                        i1 -= 1
                        i2 -= 1
                    }
                    if prev1 - i1 > snakeCount { gotSnake = true }
                    kvdb[d] = i1
                    if !odd && fmin <= d && d <= fmax && i1 <= kvdf[d] {
                        return Split(i1: i1, i2: i2, minLow: true, minHigh: true)
                    }
                    d -= 2
                }

                if !needMin {
                    if gotSnake && ec > heuristicMinCost {
                        if let s = snakeForward(off1, lim1, off2, lim2, fmin, fmax, fmid, ec) { return s }
                        if let s = snakeBackward(off1, lim1, off2, lim2, bmin, bmax, bmid, ec) { return s }
                    }
                    if ec >= maxCost {
                        return furthest(off1, lim1, off2, lim2, fmin, fmax, bmin, bmax)
                    }
                }
                ec += 1
            }
        }

        /// A forward path that went far, off the middle, ending in a long snake.
        private func snakeForward(
            _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int, _ fmin: Int, _ fmax: Int, _ fmid: Int, _ ec: Int
        ) -> Split? {
            var best = 0
            var out: Split?
            var d = fmax
            while d >= fmin {
                let dd = d > fmid ? d - fmid : fmid - d
                let i1 = kvdf[d], i2 = i1 - d
                let v = (i1 - off1) + (i2 - off2) - dd
                if v > 4 * ec && v > best && off1 + snakeCount <= i1 && i1 < lim1 && off2 + snakeCount <= i2 && i2 < lim2 {
                    var k = 1
                    while ha1[i1 - k] == ha2[i2 - k] {
                        if k == snakeCount {
                            best = v
                            out = Split(i1: i1, i2: i2, minLow: true, minHigh: false)
                            break
                        }
                        k += 1
                    }
                }
                d -= 2
            }
            return out
        }

        /// The backward counterpart of `snakeForward`.
        private func snakeBackward(
            _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int, _ bmin: Int, _ bmax: Int, _ bmid: Int, _ ec: Int
        ) -> Split? {
            var best = 0
            var out: Split?
            var d = bmax
            while d >= bmin {
                let dd = d > bmid ? d - bmid : bmid - d
                let i1 = kvdb[d], i2 = i1 - d
                let v = (lim1 - i1) + (lim2 - i2) - dd
                if v > 4 * ec && v > best && off1 < i1 && i1 <= lim1 - snakeCount && off2 < i2 && i2 <= lim2 - snakeCount {
                    var k = 0
                    while ha1[i1 + k] == ha2[i2 + k] {
                        if k == snakeCount - 1 {
                            best = v
                            out = Split(i1: i1, i2: i2, minLow: false, minHigh: true)
                            break
                        }
                        k += 1
                    }
                }
                d -= 2
            }
            return out
        }

        /// Too expensive: cut at the furthest point either search reached.
        private func furthest(
            _ off1: Int, _ lim1: Int, _ off2: Int, _ lim2: Int, _ fmin: Int, _ fmax: Int, _ bmin: Int, _ bmax: Int
        ) -> Split {
            var fbest = -1, fbest1 = -1
            var d = fmax
            while d >= fmin {
                var i1 = min(kvdf[d], lim1)
                var i2 = i1 - d
                if lim2 < i2 {
                    i1 = lim2 + d
                    i2 = lim2
                }
                if fbest < i1 + i2 {
                    fbest = i1 + i2
                    fbest1 = i1
                }
                d -= 2
            }
            var bbest = Int.max, bbest1 = Int.max
            d = bmax
            while d >= bmin {
                var i1 = max(off1, kvdb[d])
                var i2 = i1 - d
                if i2 < off2 {
                    i1 = off2 + d
                    i2 = off2
                }
                if i1 + i2 < bbest {
                    bbest = i1 + i2
                    bbest1 = i1
                }
                d -= 2
            }
            if (lim1 + lim2) - bbest < fbest - (off1 + off2) {
                return Split(i1: fbest1, i2: fbest - fbest1, minLow: true, minHigh: false)
            }
            return Split(i1: bbest1, i2: bbest - bbest1, minLow: false, minHigh: true)
        }
    }
}
