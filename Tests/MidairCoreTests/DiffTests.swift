import MidairCore
import Testing

@Suite struct DiffTests {
    /// Applies hunks to `old`, which must give `new`.
    private func apply(_ hunks: [DiffHunk], _ old: TextLines, _ new: TextLines) -> String {
        var out = ""
        var o = 0
        for h in hunks {
            out += old.text(lines: o..<h.oldStart) + new.text(lines: h.new)
            o = h.old.upperBound
        }
        return out + old.text(lines: o..<old.count)
    }

    @Test func hunksRebuildTheNewText() {
        var rng = MergeTestRandom(seed: 11)
        for _ in 0..<300 {
            let a = RandomText.lines(&rng, count: Int.random(in: 0...20, using: &rng))
            let old = TextLines(RandomText.join(a, &rng))
            let new = TextLines(RandomText.join(RandomText.mutate(a, &rng), &rng))
            let hunks = LineDiff.hunks(old, new)
            #expect(apply(hunks, old, new) == new.string)
        }
    }

    @Test func linesKeepTerminators() {
        let t = TextLines("a\r\nb\nc")
        #expect(t.count == 3)
        #expect(t.rawLine(0) == "a\r\n")
        #expect(t.line(0) == "a")
        #expect(t.line(2) == "c")
        #expect(t.missingFinalNewline)
        #expect(TextLines("").count == 0)
        #expect(TextLines("x\n").count == 1)
    }

    @Test func crlfAndFinalNewlineAreDifferences() {
        #expect(LineDiff.hunks("a\nb\n", "a\r\nb\n") == [DiffHunk(oldStart: 0, oldCount: 1, newStart: 0, newCount: 1)])
        #expect(LineDiff.hunks("a\nb\n", "a\nb") == [DiffHunk(oldStart: 1, oldCount: 1, newStart: 1, newCount: 1)])
        #expect(LineDiff.hunks("é\n👩‍👩‍👧\n", "é\n👩‍👩‍👧\n").isEmpty)
    }

    @Test func unicodeLinesCompareByBytes() {
        // "é" precomposed and decomposed look alike but are different bytes.
        let hunks = LineDiff.hunks("caf\u{E9}\nx\n", "cafe\u{301}\nx\n")
        #expect(hunks == [DiffHunk(oldStart: 0, oldCount: 1, newStart: 0, newCount: 1)])
    }

    @Test func groupsSlideLikeGit() {
        // Inserting "a" into a run of "a"s is shown at the end of the run.
        #expect(LineDiff.hunks("a\na\nb\n", "a\na\na\nb\n") == [DiffHunk(oldStart: 2, oldCount: 0, newStart: 2, newCount: 1)])
    }

    @Test func wordDiffKeepsGraphemesWhole() {
        let (old, new) = WordDiff.spans("say 👩‍👩‍👧 hi", "say 👩‍👩‍👦 hi")
        let oldText = "say 👩‍👩‍👧 hi", newText = "say 👩‍👩‍👦 hi"
        #expect(old.map { String(oldText[$0.range]) } == ["say ", "👩‍👩‍👧", " hi"])
        #expect(old.map(\.changed) == [false, true, false])
        #expect(new.map { String(newText[$0.range]) } == ["say ", "👩‍👩‍👦", " hi"])
    }

    @Test func wordDiffMarksChangedWords() {
        let a = "the quick brown fox", b = "the slow brown fox!"
        let (old, new) = WordDiff.spans(a, b)
        #expect(old.filter(\.changed).map { String(a[$0.range]) } == ["quick"])
        #expect(new.filter(\.changed).map { String(b[$0.range]) } == ["slow", "!"])
    }

    @Test func unifiedDiffLikeDiffU() {
        let old = TextLines("a\nb\nc\n"), new = TextLines("a\nB\nc\nd")
        let text = UnifiedDiff.format(old: old, new: new, hunks: LineDiff.hunks(old, new), oldHeader: "A", newHeader: "B")
        #expect(String(decoding: text, as: UTF8.self) == """
            --- A
            +++ B
            @@ -1,3 +1,4 @@
             a
            -b
            +B
             c
            +d
            \\ No newline at end of file

            """)
    }

    @Test func largeInputIsFast() {
        var rng = MergeTestRandom(seed: 5)
        let base = (0..<100_000).map { "line \($0) \(UInt32.random(in: 0...9, using: &rng))\n" }
        var other = base
        for _ in 0..<1000 { other[Int.random(in: 0..<other.count, using: &rng)] = "changed\n" }
        let hunks = LineDiff.hunks(TextLines(base.joined()), TextLines(other.joined()))
        #expect(!hunks.isEmpty && hunks.count <= 1000)
    }
}
