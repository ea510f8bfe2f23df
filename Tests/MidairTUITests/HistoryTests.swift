import Foundation
import MidairCore
import Testing
@testable import MidairTUI

@Suite struct HistoryTests {
    static let key = RecordKey(collection: "articles", id: "welcome")

    static func entry(_ v: Int, _ rev: Int64, _ who: String, _ fields: [String]) -> HistoryEntry {
        HistoryEntry(version: v, revision: rev, updatedBy: who, updatedAt: Fixtures.at(600), changedFields: fields, deleted: false)
    }

    @Test func comparesVersionsSideBySideAndRestoresWithIfMatch() {
        var h = BrowserTests.listed()
        h.press(.char("j"), .char("j"), .char("h"))
        #expect(h.take() == [.call(.history(Self.key), reply: .history(.entries))])
        h.send(.answered(.history(.entries), .success(.history([Self.entry(1, 3, "carol", []), Self.entry(2, 9, "bob", ["body"])]))))
        #expect(h.take() == [.call(.version(Self.key, 1), reply: .history(.version(1))), .call(.version(Self.key, 2), reply: .history(.version(2)))])
        h.send(.answered(.history(.version(1)), .success(.record(Fixtures.record(["title": "Hi", "body": "one\ntwo"], version: 1, revision: 3)))))
        h.send(.answered(.history(.version(2)), .success(.record(Fixtures.record(["title": "Hi", "body": "one\n2"], version: 2, revision: 9)))))
        #expect(h.text.contains(" v2    bob       10 min ago body"))
        #expect(h.text.contains("── body (changed)"))
        #expect(h.text.contains("- two"))
        #expect(h.text.contains("+ 2"))
        h.press(.down, .char("R"))
        #expect(h.text.contains("Restore articles/welcome to v1?"))
        _ = h.take()
        h.press(.char("y"))
        #expect(h.take() == [.call(.replace(Self.key, fields: ["title": "Hi", "body": "one\ntwo"], ifMatch: 9), reply: .history(.restored(version: 1)))])
    }
}

@Suite struct DraftJournalTests {
    @Test func writesReadsAndRemovesDraftsAtomically() throws {
        let dir = NSTemporaryDirectory() + "midair-drafts-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let journal = DraftJournal(directory: dir)
        let key = RecordKey(collection: "articles", id: "welcome")
        let draft = Draft(key: key, baseRevision: 17, baseVersion: 3, fields: ["title": "T", "body": "a\nb"], savedAt: Date(timeIntervalSince1970: 1_760_000_000))
        #expect(journal.read(key) == nil)
        try journal.write(draft)
        try journal.write(draft)
        #expect(journal.read(key).map { Dictionary(uniqueKeysWithValues: $0.fields.map { $0 }) } == ["title": "T", "body": "a\nb"])
        #expect(journal.read(key)?.baseRevision == 17)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/articles") == ["welcome.json"])
        journal.remove(key)
        #expect(journal.read(key) == nil)
    }

    @Test func followsXDGStateHome() {
        #expect(DraftJournal.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).directory == "/s/midair/drafts")
        #expect(DraftJournal.standard(environment: ["HOME": "/h"]).directory == "/h/.local/state/midair/drafts")
    }
}

extension HistoryTests {
    /// Three versions of the body, "one", "two", "three", each in full.
    static func threeVersions() -> Harness {
        var h = BrowserTests.listed()
        h.press(.char("j"), .char("j"), .char("h"))
        h.send(.answered(.history(.entries), .success(.history([
            entry(1, 3, "carol", []), entry(2, 9, "bob", ["body"]), entry(3, 12, "ann", ["body"]),
        ]))))
        for (version, word) in [(1, "one"), (2, "two"), (3, "three")] {
            h.send(.answered(.history(.version(version)), .success(.record(Fixtures.record(
                ["title": "Hi", "body": word], version: version, revision: Int64(version * 4))))))
        }
        return h
    }

    @Test func theChosenVersionIsComparedWithTheOneJustBefore() {
        var h = Self.threeVersions()
        #expect(h.text.contains("- two") && h.text.contains("+ three"), "v3 against v2, not v1")
        #expect(!h.text.contains("one"))
        // Space marks v3 as the left side; choosing v1 compares v1 with it.
        h.press(.char(" "), .down, .down)
        #expect(h.text.contains("- one") && h.text.contains("+ three"))
        h.press(.char(" "))
        #expect(h.text.contains("(nothing before)") && h.text.contains("+ one"))
    }

    @Test func comparisonRowsAreMadeOnDemandAcrossFields() {
        let rows = SideBySideRows(left: ["title": "Old", "body": "x\ny\n"], right: ["title": "New", "body": "x\ny\nz\n"],
                                  order: ["title", "body"])
        let all = (0..<rows.count).map(rows.row)
        #expect(all == [
            .field("title", changed: true),
            .line(left: "Old", right: "New", changed: true),
            .field("body", changed: true),
            .line(left: "x", right: "x", changed: false),
            .line(left: "y", right: "y", changed: false),
            .line(left: nil, right: "z", changed: true),
        ])
    }
}
