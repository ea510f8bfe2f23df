import MidairCore
import Testing

@Suite struct ConflictModelTests {
    let schema = CollectionSchema(
        name: "articles", title: "title",
        fields: [
            FieldSchema(name: "title", kind: .text), FieldSchema(name: "body", kind: .multiline),
            FieldSchema(name: "tags", kind: .text),
        ])

    @Test func fieldsTakeTheSideThatChangedThem() throws {
        let base: Fields = ["title": "T", "body": "a\nb\n", "tags": "x"]
        let yours: Fields = ["title": "T2", "body": "a\nb\n", "tags": "x"]
        let theirs: Fields = ["title": "T", "body": "a\nb\n", "tags": "y"]
        let m = RecordMerge(base: base, yours: yours, theirs: theirs, schema: schema)
        #expect(m.remainingConflicts == 0)
        #expect(try m.mergedFields() == ["title": "T2", "body": "a\nb\n", "tags": "y"])
    }

    @Test func multilineFieldsMergeByLine() throws {
        let base: Fields = ["title": "T", "body": "1\n2\n3\n4\n5\n"]
        let yours: Fields = ["title": "T", "body": "1 yours\n2\n3\n4\n5\n"]
        let theirs: Fields = ["title": "T", "body": "1\n2\n3\n4\n5 theirs\n"]
        let m = RecordMerge(base: base, yours: yours, theirs: theirs, schema: schema)
        #expect(m.remainingConflicts == 0)
        #expect(try m.mergedFields()?["body"] == "1 yours\n2\n3\n4\n5 theirs\n")
        let kinds = m.hunks.filter { $0.field == "body" }.map(\.kind)
        #expect(kinds == [.yoursOnly, .unchanged, .theirsOnly])
    }

    @Test func resolutionsGiveTheExpectedRecord() throws {
        let base: Fields = ["title": "T", "body": "a\nb\nc\n"]
        let yours: Fields = ["title": "Mine", "body": "a\nY\nc\n"]
        let theirs: Fields = ["title": "Theirs", "body": "a\nZ\nc\n"]
        var m = RecordMerge(base: base, yours: yours, theirs: theirs, schema: schema)
        #expect(m.remainingConflicts == 2)
        #expect(throws: UnresolvedConflicts.self) { try m.mergedFields() }
        let title = try #require(m.nextConflict(after: nil))
        #expect(m.hunks[title].field == "title")
        m.resolve(title, .theirs)
        let body = try #require(m.nextConflict(after: title))
        #expect(m.lines(of: body, .yours) == ["Y"])
        #expect(m.lines(of: body, .base) == ["b"])
        m.resolve(body, .yoursThenTheirs)
        #expect(try m.mergedFields() == ["title": "Theirs", "body": "a\nY\nZ\nc\n"])
        m.resolve(body, .theirsThenYours)
        #expect(try m.mergedFields()?["body"] == "a\nZ\nY\nc\n")
        m.resolve(body, .custom("hand made"))
        #expect(try m.mergedFields()?["body"] == "a\nhand made\nc\n")
        #expect(m.undo() == body)
        #expect(try m.mergedFields()?["body"] == "a\nZ\nY\nc\n")
        m.undo()
        m.undo()
        m.undo()
        #expect(m.remainingConflicts == 2)
        #expect(!m.canUndo)
    }

    @Test func navigationVisitsChanges() {
        let base: Fields = ["title": "T", "body": "1\n2\n3\n4\n5\n6\n7\n8\n"]
        let yours: Fields = ["title": "T", "body": "1\nY\n3\n4\n5\n6\n7\n8\n"]
        let theirs: Fields = ["title": "T", "body": "1\n2\n3\n4\n5\n6\nZ\n8\n"]
        let m = RecordMerge(base: base, yours: yours, theirs: theirs, schema: schema)
        let first = m.nextChange(after: nil)!
        let second = m.nextChange(after: first)!
        #expect(m.hunks[first].kind == .yoursOnly && m.hunks[second].kind == .theirsOnly)
        #expect(m.nextChange(after: second) == nil)
        #expect(m.previousChange(before: second) == first)
        #expect(m.previousChange(before: nil) == second)
    }

    @Test func deletedFieldAgainstEditIsItsOwnConflict() throws {
        let base: Fields = ["title": "T", "tags": "x"]
        let yours: Fields = ["title": "T"]
        let theirs: Fields = ["title": "T", "tags": "y"]
        var m = RecordMerge(base: base, yours: yours, theirs: theirs, schema: schema)
        let i = try #require(m.nextConflict(after: nil))
        #expect(m.hunks[i].kind == .deletedVsEdited(deletedBy: .yours))
        m.resolve(i, .yours)
        #expect(try m.mergedFields() == ["title": "T"])
        m.resolve(i, .theirs)
        #expect(try m.mergedFields() == ["title": "T", "tags": "y"])
    }

    @Test func deletedRecordAgainstEdit() throws {
        let base: Fields = ["title": "T", "body": "b\n"]
        let theirs: Fields = ["title": "T2", "body": "b\n"]
        var m = RecordMerge(base: base, yours: nil, theirs: theirs, schema: schema)
        #expect(m.recordDeletedBy == .yours)
        #expect(m.remainingConflicts == 1)
        #expect(m.hunks[0].field == nil)
        m.resolve(0, .yours)
        #expect(try m.mergedFields() == nil)
        m.resolve(0, .theirs)
        #expect(try m.mergedFields() == ["title": "T2", "body": "b\n"])
        // Deleted on one side, untouched on the other: the deletion wins.
        #expect(try RecordMerge(base: base, yours: base, theirs: nil, schema: schema).mergedFields() == nil)
    }

    @Test func largeFieldIsCheap() throws {
        let base = (0..<100_000).map { "line \($0)\n" }
        var yours = base, theirs = base
        for i in stride(from: 10, to: 100_000, by: 1000) { yours[i] = "yours \(i)\n" }
        for i in stride(from: 500, to: 100_000, by: 1000) { theirs[i] = "theirs \(i)\n" }
        theirs[10] = "theirs 10\n"
        var m = RecordMerge(
            base: ["body": base.joined()], yours: ["body": yours.joined()], theirs: ["body": theirs.joined()],
            schema: schema)
        #expect(m.remainingConflicts == 1)
        m.resolve(try #require(m.nextConflict(after: nil)), .theirs)
        var expected = base
        for i in stride(from: 10, to: 100_000, by: 1000) { expected[i] = "yours \(i)\n" }
        for i in stride(from: 500, to: 100_000, by: 1000) { expected[i] = "theirs \(i)\n" }
        expected[10] = "theirs 10\n"
        #expect(try m.mergedFields()?["body"] == expected.joined())
    }
}
