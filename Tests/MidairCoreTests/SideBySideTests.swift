import MidairCore
import Testing

@Suite struct SideBySideTests {
    @Test func diffRowsPairLinesWithFillers() {
        let old = TextLines("a\nb\nc\n"), new = TextLines("a\nB1\nB2\nc\n")
        let layout = SideBySide(diff: LineDiff.hunks(old, new), oldCount: old.count, newCount: new.count)
        let rows = layout.rows(in: 0..<layout.rowCount)
        #expect(rows.map(\.left) == [0, 1, nil, 2])
        #expect(rows.map(\.right) == [0, 1, 2, 3])
        #expect(layout.row(2) == rows[2])
    }

    @Test func mergeRowsFollowHunks() {
        let schema = CollectionSchema(name: "c", title: "t", fields: [FieldSchema(name: "t", kind: .text), FieldSchema(name: "m", kind: .multiline)])
        let m = RecordMerge(
            base: ["t": "x", "m": "1\n2\n3\n"], yours: ["t": "y", "m": "1\n3\n"], theirs: ["t": "x", "m": "1\n2\n3\n4\n"],
            schema: schema)
        let layout = m.sideBySide()
        #expect(layout.segments.count == m.hunks.count)
        for row in layout.rows(in: 0..<layout.rowCount) {
            #expect(layout.rows(ofSegment: row.segment).contains(layout.rows(ofSegment: row.segment).lowerBound + row.offset))
        }
        // The deletion of "2" in yours still gets a row.
        let deletion = m.hunks.firstIndex { $0.field == "m" && $0.kind == .yoursOnly }!
        #expect(layout.rows(ofSegment: deletion).count == 1)
        #expect(layout.rows(in: layout.rows(ofSegment: deletion)).first?.left == nil)
    }

    @Test func scrollingAHugeFieldIsLazy() {
        let n = 100_000
        let segments = (0..<n).map { i in
            SideBySide.Segment(left: (2 * i)..<(2 * i + 2), right: i..<(i + 1), isChange: i % 2 == 0)
        }
        let layout = SideBySide(segments: segments)
        #expect(layout.rowCount == 2 * n)
        let rows = layout.rows(in: 150_000..<150_040)
        #expect(rows.count == 40)
        #expect(rows[0].segment == 75_000 && rows[0].left == 150_000 && rows[0].right == 75_000)
        #expect(rows[1].right == nil)
        #expect(layout.rows(in: (2 * n - 5)..<(2 * n + 5)).count == 5)
    }
}
