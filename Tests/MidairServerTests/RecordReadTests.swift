import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("GET records: list, one, history, versions")
struct RecordReadTests {
    @Test func listIsSummariesInIDOrder() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("GET", "/v1/records/articles")
            #expect(response.status == 200)
            let page = try response.decode(RecordPage.self)
            #expect(page.records.map(\.id) == ["release-notes", "style-guide", "welcome"])
            #expect(page.records.last?.title == "Welcome to midair")
            #expect(page.records.allSatisfy { $0.version == 1 && $0.updatedBy == "midair" && $0.revision > 0 })
            #expect(page.next == nil)
            let summary = try #require((response.json["records"] as? [[String: Any]])?.first)
            #expect(Set(summary.keys) == ["id", "title", "version", "revision", "updated_by", "updated_at"])
        }
    }

    @Test func listPagesWithLimitAndAfter() async throws {
        try await TestServer.with { server in
            let first = try await server.raw.send("GET", "/v1/records/articles?limit=2").decode(RecordPage.self)
            #expect(first.records.map(\.id) == ["release-notes", "style-guide"])
            let next = try #require(first.next)
            let second = try await server.raw.send("GET", "/v1/records/articles?limit=2&after=\(next)").decode(RecordPage.self)
            #expect(second.records.map(\.id) == ["welcome"])
            #expect(second.next == nil)
        }
    }

    @Test func listFiltersWithQ() async throws {
        try await TestServer.with { server in
            let page = try await server.raw.send("GET", "/v1/records/users?q=hopper").decode(RecordPage.self)
            #expect(page.records.map(\.id) == ["grace"])
        }
    }

    @Test(arguments: ["limit=0", "limit=-1", "limit=ten", "limit="])
    func malformedLimitIs400(query: String) async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/records/articles?\(query)"), .badRequest)
        }
    }

    @Test func unknownCollectionIs404() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/records/nope"), .notFound)
            expectProblem(try await server.raw.send("GET", "/v1/records/nope/x"), .notFound)
            expectProblem(try await server.raw.send("POST", "/v1/records/nope", json: #"{"fields":{}}"#), .notFound)
        }
    }

    @Test func getAnswersTheRecordWithItsETag() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("GET", "/v1/records/users/ada")
            #expect(response.status == 200)
            let record = try response.decode(Record.self)
            #expect(response.header("ETag") == "\"\(record.revision)\"")
            #expect(record.fields.unordered == ["email": "ada@example.org", "name": "Ada Lovelace", "bio": "Wrote the first program.\n"])
        }
    }

    @Test func matchingIfNoneMatchIs304() async throws {
        try await TestServer.with { server in
            let etag = try #require(try await server.raw.send("GET", "/v1/records/users/ada").header("ETag"))
            let same = try await server.raw.send("GET", "/v1/records/users/ada", headers: ["If-None-Match": etag])
            #expect(same.status == 304)
            #expect(same.header("ETag") == etag)
            #expect(same.body.isEmpty)
            let weak = try await server.raw.send("GET", "/v1/records/users/ada", headers: ["If-None-Match": "\"1\", W/\(etag)"])
            #expect(weak.status == 304)
            let other = try await server.raw.send("GET", "/v1/records/users/ada", headers: ["If-None-Match": "\"999999\""])
            #expect(other.status == 200)
        }
    }

    @Test func missingRecordIs404AndBadIDIs400() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/records/users/nobody"), .notFound)
            expectProblem(try await server.raw.send("GET", "/v1/records/users/Ada"), .badRequest)
            expectProblem(try await server.raw.send("GET", "/v1/records/users/-ada"), .badRequest)
            expectProblem(try await server.raw.send("GET", "/v1/records/users/\(String(repeating: "a", count: 65))"), .badRequest)
            expectProblem(try await server.raw.send("GET", "/v1/records/users/a%20b"), .badRequest)
        }
    }

    @Test func deletedRecordIs404() async throws {
        try await TestServer.with { server in
            let record = try await server.client.get("articles", "welcome")
            try await server.client.delete("articles", "welcome", ifMatch: record.revision)
            let response = try await server.raw.send("GET", "/v1/records/articles/welcome")
            expectProblem(response, .notFound)
            #expect((response.json["detail"] as? String)?.contains("deleted") == true)
        }
    }

    @Test func historyListsEveryVersion() async throws {
        try await TestServer.with { server in
            let v1 = try await server.client.get("articles", "welcome")
            var fields = v1.fields
            fields["title"] = "Welcome!"
            let v2 = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: v1.revision)
            try await server.client.delete("articles", "welcome", ifMatch: v2.revision)

            let response = try await server.raw.send("GET", "/v1/records/articles/welcome/history")
            #expect(response.status == 200)
            let history = try response.decode([HistoryEntry].self)
            #expect(history.map(\.version) == [1, 2, 3])
            #expect(history.map(\.deleted) == [false, false, true])
            #expect(history[1].changedFields == ["title"])
            #expect(history[1].updatedBy == currentUser)
            #expect(history.map(\.revision) == history.map(\.revision).sorted())
            expectProblem(try await server.raw.send("GET", "/v1/records/articles/never/history"), .notFound)
        }
    }

    @Test func versionAnswersThatSnapshot() async throws {
        try await TestServer.with { server in
            let v1 = try await server.client.get("articles", "welcome")
            var fields = v1.fields
            fields["title"] = "Welcome!"
            _ = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: v1.revision)

            let response = try await server.raw.send("GET", "/v1/records/articles/welcome/versions/1")
            #expect(response.status == 200)
            #expect(try response.decode(Record.self) == v1)
            expectProblem(try await server.raw.send("GET", "/v1/records/articles/welcome/versions/3"), .notFound)
            expectProblem(try await server.raw.send("GET", "/v1/records/articles/welcome/versions/0"), .badRequest)
            expectProblem(try await server.raw.send("GET", "/v1/records/articles/welcome/versions/one"), .badRequest)
        }
    }
}
