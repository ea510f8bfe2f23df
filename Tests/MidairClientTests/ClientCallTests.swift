import Foundation
import MidairClient
import MidairCore
import MidairStore
import MidairTestSupport
import Testing

@Suite("typed calls against a real server")
struct ClientCallTests {
    @Test func whoamiAndCollections() async throws {
        try await TestServer.with { server in
            let me = try await server.client.whoami()
            #expect(me == Whoami(user: NSUserName(), via: "unix-socket"))
            let schema = try await server.client.collections()
            #expect(schema == (try DefaultAssets.schema()))
            #expect(await server.client.isServerAnswering())
        }
    }

    @Test func aRecordsLifeThroughTheClient() async throws {
        try await TestServer.with { server in
            let client = server.client
            let created = try await client.create("articles", id: "life", fields: ["title": "Life", "body": "one"], idempotencyKey: "life-1")
            #expect(created.version == 1)
            #expect(try await client.get("articles", "life") == created)
            #expect(try await client.get("articles", "life", ifNoneMatch: created.revision) == nil)

            var fields = created.fields
            fields["body"] = "two"
            let updated = try await client.replace("articles", "life", fields: fields, ifMatch: created.revision)
            #expect(updated.version == 2)
            #expect(try await client.get("articles", "life", ifNoneMatch: created.revision) == updated)

            let tombstone = try await client.delete("articles", "life", ifMatch: updated.revision)
            #expect(tombstone > updated.revision)
            let history = try await client.history("articles", "life")
            #expect(history.map(\.version) == [1, 2, 3])
            #expect(try await client.version("articles", "life", 2) == updated)

            let again = try await client.createExclusive("articles", "life", fields: ["title": "Again"])
            #expect(again.version == 4)
        }
    }

    @Test func listPagesAndSearches() async throws {
        try await TestServer.with { server in
            let first = try await server.client.list("users", limit: 2)
            #expect(first.records.map(\.id) == ["ada", "grace"])
            let rest = try await server.client.list("users", limit: 2, after: first.next)
            #expect(rest.records.map(\.id) == ["linus"])
            #expect(try await server.client.list("users", query: "Torvalds").records.map(\.id) == ["linus"])
            // Whatever a caller passes stays one query value.
            #expect(try await server.client.list("users", query: "a&limit=1").records.isEmpty)
        }
    }

    @Test func eventsFollowChanges() async throws {
        try await TestServer.with { server in
            let events = try await withTimeout {
                var seen: [ChangeEvent] = []
                for try await event in server.client.events(since: 10) {
                    seen.append(event)
                    if seen.count == 2 { break }
                }
                return seen
            }
            #expect(events.map(\.revision) == [11, 12])
            #expect(events.map(\.id) == ["o-1002", "o-1003"])
        }
    }
}
