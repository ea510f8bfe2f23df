import Foundation
import GRDB
import MidairCore
import MidairStore
import Testing

@Suite struct StoreLifecycleTests {
    @Test func aNewStoreIsSeededOnceAndKeepsEverythingWhenReopened() async throws {
        let f = try StoreFixture(seed: true)
        for c in ["articles", "users", "products", "orders"] {
            #expect(try await f.store.list(c, limit: 50, after: nil, query: nil).records.count >= 3)
        }
        let welcome = try #require(try await f.store.current("articles", "welcome"))
        _ = try await f.replace("articles", "welcome", ["title": "Changed"], ifMatch: welcome.revision)
        let reopened = try f.reopened()
        #expect(try await reopened.current("articles", "welcome")?.fields["title"] == "Changed")
        #expect(try await reopened.latestRevision() == f.store.latestRevision())
        #expect(try await reopened.list("articles", limit: 50, after: nil, query: nil).records.count == 3)
    }

    @Test func theDatabaseIsInWALMode() throws {
        let f = try StoreFixture()
        let db = try DatabaseQueue(path: f.directory + "/" + SQLiteRecordStore.databaseFileName)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    @Test func listingPagesFiltersAndSummarizes() async throws {
        let f = try StoreFixture()
        for i in 0..<7 { try await f.create("articles", id: "a\(i)", ["title": "Title \(i)", "body": i == 3 ? "Needle here" : ""]) }
        let first = try await f.store.list("articles", limit: 3, after: nil, query: nil)
        #expect(first.records.map(\.id) == ["a0", "a1", "a2"])
        #expect(first.next == "a2")
        #expect(first.records[0].title == "Title 0" && first.records[0].version == 1 && first.records[0].updatedBy == "ada")
        let last = try await f.store.list("articles", limit: 3, after: "a5", query: nil)
        #expect(last.records.map(\.id) == ["a6"] && last.next == nil)
        #expect(try await f.store.list("articles", limit: 10, after: nil, query: "NEEDLE").records.map(\.id) == ["a3"])
    }

    @Test func eventsComeInRevisionOrderWithoutGaps() async throws {
        let f = try StoreFixture()
        let start = try await f.store.latestRevision()
        let a = try #require(try await f.create("articles", id: "e", ["title": "T"]).record)
        let b = try #require(try await f.replace("articles", "e", ["title": "U"], ifMatch: a.revision).record)
        _ = try await f.replace("articles", "e", ["title": "V"], ifMatch: a.revision) // a conflict writes no event
        let c = try #require(try await f.delete("articles", "e", ifMatch: b.revision).record)
        let events = try await f.store.events(since: start, limit: 100)
        #expect(events.map(\.revision) == [a.revision, b.revision, c.revision])
        #expect(events.map(\.kind) == [.created, .updated, .deleted])
        #expect(events[1].changedFields == ["title"])
        #expect(try await f.store.events(since: b.revision, limit: 100).map(\.revision) == [c.revision])
    }

    @Test func newRevisionsAreAnnounced() async throws {
        let f = try StoreFixture()
        let updates = f.store.revisionUpdates()
        let r = try #require(try await f.create("articles", id: "n", ["title": "T"]).record)
        var it = updates.makeAsyncIterator()
        #expect(await it.next() == r.revision)
    }

    @Test func sixteenConcurrentWritersLoseNoUpdate() async throws {
        let f = try StoreFixture(seed: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<16 {
                group.addTask {
                    for _ in 0..<5 {
                        while true {
                            let cur = try #require(try await f.store.current("products", "widget"))
                            var fields = cur.fields
                            fields["stock"] = String(Int(fields["stock"]!)! - 1)
                            let outcome = try await f.replace("products", "widget", fields, ifMatch: cur.revision, by: "w\(writer)")
                            if outcome.record != nil { break }
                            guard case .editConflict = outcome.rejection else { Issue.record("got \(outcome)"); return }
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await f.store.current("products", "widget")?.fields["stock"] == "20")
        #expect(try await f.store.history("products", "widget").count == 81)
    }
}
