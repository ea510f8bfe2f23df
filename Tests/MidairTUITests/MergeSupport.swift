import Foundation
import MidairClient
import MidairCore
@testable import MidairTUI

/// A three-way merge of `articles/welcome` for the merge-view tests: the
/// title and the line "echo" conflict; "bravo" (yours) and "hotel"
/// (theirs) are changed on one side only and merge by themselves.
enum MergeFixture {
    static let key = RecordKey(collection: "articles", id: "welcome")

    static let base: Fields = [
        "title": "Welcome to midair", "body": "alpha\nbravo\ncharlie\ndelta\necho\nfoxtrot\ngolf\n", "tags": "intro",
    ]
    static let yours: Fields = [
        "title": "Welcome to midair!", "body": "alpha\nbravo mine\ncharlie\ndelta\necho from alice\nfoxtrot\ngolf\n",
        "tags": "intro",
    ]
    static let theirs: Fields = [
        "title": "Welcome to Midair", "body": "alpha\nbravo\ncharlie\ndelta\necho from bob\nfoxtrot\ngolf\nhotel\n",
        "tags": "intro",
    ]

    static let baseRecord = Fixtures.record(base, version: 3, revision: 17)
    static let theirsRecord = Record(
        collection: "articles", id: "welcome", fields: theirs, version: 5, revision: 30, updatedBy: "bob",
        updatedAt: Fixtures.at(120))

    static let changes = [
        HistoryEntry(version: 4, revision: 25, updatedBy: "carol", updatedAt: Fixtures.at(600), changedFields: ["tags"], deleted: false),
        HistoryEntry(version: 5, revision: 30, updatedBy: "bob", updatedAt: Fixtures.at(120), changedFields: ["title", "body"], deleted: false),
    ]

    static func conflict(current: Record = theirsRecord, baseVersion: Int? = 3) -> EditConflict {
        EditConflict(current: current, yourRevision: 17, baseVersion: baseVersion, changedFields: ["title", "body"], changes: changes)
    }

    static let draft = Draft(key: key, baseRevision: 17, baseVersion: 3, fields: yours, savedAt: Fixtures.now)

    /// The editor on the base version, with the merge view opened over it
    /// by a stale save; the base version answered unless `answerBase` is false.
    static func harness(conflict: EditConflict = conflict(), answerBase: Bool = true, size: Size = .minimum) -> Harness {
        var h = Harness.editor(baseRecord, size: size)
        h.send(.saveConflicted(conflict, draft: draft))
        if answerBase, let version = conflict.baseVersion {
            h.send(.answered(.merge(.base(version: version)), .success(.record(Fixtures.record(base, version: version, revision: 17)))))
        }
        _ = h.take()
        return h
    }
}

extension Harness {
    var merge: MergeState? {
        if case .merge(let m) = state.top { m } else { nil }
    }

    /// The fields a Ctrl-S of the merge view asked to save, and the If-Match.
    var savedMerge: (fields: Fields, ifMatch: Int64)? {
        for case .call(.replace(_, let fields, let ifMatch), .merge(.saved)) in effects { return (fields, ifMatch) }
        return nil
    }
}
