import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("GET /v1/conflicts")
struct ConflictLogTests {
    @Test func everyConflictIsLoggedWithWhoWhatAndWhen() async throws {
        try await TestServer.with { server in
            let base = try await server.client.get("articles", "welcome")
            var fields = base.fields
            fields["title"] = "Newer"
            let current = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: base.revision)
            _ = try await server.raw.send("PUT", "/v1/records/articles/welcome", headers: ["If-Match": base.etag], json: #"{"fields":{"title":"Mine"}}"#)
            _ = try await server.raw.send("POST", "/v1/records/users", json: #"{"fields":{"email":"ada@example.org"}}"#)

            let response = try await server.raw.send("GET", "/v1/conflicts")
            #expect(response.status == 200)
            let entries = try #require(response.json["conflicts"] as? [[String: Any]])
            #expect(entries.count == 2)
            #expect(entries[0]["kind"] as? String == "edit-conflict")
            #expect(entries[0]["user"] as? String == currentUser)
            #expect(entries[0]["your_revision"] as? Int == Int(base.revision))
            #expect(entries[0]["current_revision"] as? Int == Int(current.revision))
            #expect(entries[0]["current_version"] as? Int == 2)
            #expect(entries[0]["fields"] as? [String] == ["title"])
            #expect(!(entries[0]["at"] as? String ?? "").isEmpty)
            #expect(entries[1]["kind"] as? String == "already-exists")
            #expect(entries[1]["fields"] as? [String] == ["email"])
            #expect(response.json["next"] == nil)
        }
    }

    @Test func pagesWithSinceAndNext() async throws {
        try await TestServer.with { server in
            for _ in 0..<3 {
                _ = try await server.raw.send("POST", "/v1/records/users", json: #"{"id":"ada","fields":{"email":"a@example.org"}}"#)
            }
            let first = try await server.client.conflicts(limit: 2)
            #expect(first.conflicts.count == 2)
            let next = try #require(first.next)
            let rest = try await server.client.conflicts(since: next, limit: 2)
            #expect(rest.conflicts.count == 1)
            #expect(rest.conflicts[0].seq > first.conflicts[1].seq)
            expectProblem(try await server.raw.send("GET", "/v1/conflicts?since=x"), .badRequest)
        }
    }
}
