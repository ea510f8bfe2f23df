import Foundation
import MidairCore
import Testing

@Suite struct MergeTests {
    private func merge(_ base: String, _ ours: String, _ theirs: String, _ options: ThreeWayMerge.Options = .init(
        oursLabel: "ours", baseLabel: "base", theirsLabel: "theirs")) -> (String, Int)
    {
        let r = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs, options: options)
        return (String(decoding: r.bytes, as: UTF8.self), r.conflicts)
    }

    @Test func lawsHoldOnRandomInputs() {
        var rng = MergeTestRandom(seed: 42)
        for _ in 0..<400 {
            let baseLines = RandomText.lines(&rng, count: Int.random(in: 0...12, using: &rng))
            let base = RandomText.join(baseLines, &rng)
            let x = RandomText.join(RandomText.mutate(baseLines, &rng), &rng)
            #expect(merge(base, x, base) == (x, 0))
            #expect(merge(base, base, x) == (x, 0))
            #expect(merge(base, x, x) == (x, 0))
        }
    }

    @Test(.enabled(if: Git.available)) func matchesGitMergeFile() async throws {
        var rng = MergeTestRandom(seed: 7)
        var clean = 0, conflicted = 0, conflictCountsDiffer = 0
        for i in 0..<250 {
            let baseLines = RandomText.lines(&rng, count: Int.random(in: 0...14, using: &rng))
            let base = RandomText.join(baseLines, &rng)
            let ours = RandomText.join(RandomText.mutate(baseLines, &rng), &rng)
            let theirs = RandomText.join(RandomText.mutate(baseLines, &rng), &rng)
            let diff3 = i % 5 == 4
            let git = try await Git.mergeFile(ours: ours, base: base, theirs: theirs, extra: diff3 ? ["--diff3"] : [])
            let mine = ThreeWayMerge.merge(
                base: base, ours: ours, theirs: theirs,
                options: .init(style: diff3 ? .diff3 : .merge, oursLabel: "ours", baseLabel: "base", theirsLabel: "theirs"))
            if git.status == 0 {
                clean += 1
                #expect(mine.conflicts == 0)
                #expect(mine.bytes == git.output, "clean merge differs: \(base.debugDescription) \(ours.debugDescription) \(theirs.debugDescription)")
            } else {
                conflicted += 1
                if Int32(mine.conflicts) != git.status { conflictCountsDiffer += 1 }
                #expect(abs(mine.conflicts - Int(git.status)) <= 1)
            }
        }
        #expect(clean > 50 && conflicted > 50)
        #expect(conflictCountsDiffer <= 5)
    }

    @Test func conflictMarkersAsGitWritesThem() {
        let (out, n) = merge("a\nb\nc\n", "a\nB\nc\n", "a\nX\nc\n")
        #expect(n == 1)
        #expect(out == "a\n<<<<<<< ours\nB\n=======\nX\n>>>>>>> theirs\nc\n")
    }

    @Test func missingFinalNewlineInsideConflictGetsOne() {
        let (out, n) = merge("a\nb", "a\nB", "a\nX")
        #expect(n == 1)
        #expect(out == "a\n<<<<<<< ours\nB\n=======\nX\n>>>>>>> theirs\n")
    }

    @Test func crlfFilesGetCrlfMarkers() {
        let (out, _) = merge("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", "a\r\nX\r\nc\r\n")
        #expect(out == "a\r\n<<<<<<< ours\r\nB\r\n=======\r\nX\r\n>>>>>>> theirs\r\nc\r\n")
    }

    @Test func identicalChangesAreNotConflicts() {
        #expect(merge("a\nb\nc\n", "a\nB\nc\n", "a\nB\nc\n") == ("a\nB\nc\n", 0))
    }

    @Test func conflictsShrinkToDifferingLines() {
        // Both replace b..d; they agree on the first and last new line.
        let (out, n) = merge("a\nb\nc\nd\ne\n", "a\nS\n1\nE\ne\n", "a\nS\n2\nE\ne\n")
        #expect(n == 1)
        #expect(out == "a\nS\n<<<<<<< ours\n1\n=======\n2\n>>>>>>> theirs\nE\ne\n")
    }

    @Test func diff3ShowsBase() {
        let (out, _) = merge("a\nb\nc\n", "a\nB\nc\n", "a\nX\nc\n", .init(style: .diff3, oursLabel: "o", baseLabel: "b", theirsLabel: "t"))
        #expect(out == "a\n<<<<<<< o\nB\n||||||| b\nb\n=======\nX\n>>>>>>> t\nc\n")
    }

    @Test func favourSettlesConflicts() {
        let union = ThreeWayMerge.merge(base: "a\nb\nc\n", ours: "a\nB\nc\n", theirs: "a\nX\nc\n", options: .init(favor: .union))
        #expect(union.conflicts == 0)
        #expect(String(decoding: union.bytes, as: UTF8.self) == "a\nB\nX\nc\n")
    }

    @Test func regionsCoverAllTexts() {
        var rng = MergeTestRandom(seed: 3)
        for _ in 0..<200 {
            let baseLines = RandomText.lines(&rng, count: Int.random(in: 0...12, using: &rng))
            let base = TextLines(RandomText.join(baseLines, &rng))
            let yours = TextLines(RandomText.join(RandomText.mutate(baseLines, &rng), &rng))
            let theirs = TextLines(RandomText.join(RandomText.mutate(baseLines, &rng), &rng))
            let regions = ThreeWayMerge.regions(base: base, yours: yours, theirs: theirs)
            var b = 0, y = 0, t = 0
            for r in regions {
                #expect(r.base.lowerBound == b && r.yours.lowerBound == y && r.theirs.lowerBound == t)
                b = r.base.upperBound
                y = r.yours.upperBound
                t = r.theirs.upperBound
                if r.kind == .unchanged || r.kind == .bothSame {
                    #expect(yours.text(lines: r.yours) == theirs.text(lines: r.theirs))
                }
            }
            #expect(b == base.count && y == yours.count && t == theirs.count)
        }
    }
}
