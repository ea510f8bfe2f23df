import Foundation
import MidairCore
import MidairStore
import MidairTestSupport
import Testing

@Suite("Idempotency-Key: replay, reuse, in flight")
struct IdempotencyTests {
    @Test func aRetryReplaysTheFirstAnswer() async throws {
        try await TestServer.with { server in
            let body = #"{"fields":{"title":"Once"}}"#
            let first = try await server.raw.send("POST", "/v1/records/articles", headers: ["Idempotency-Key": "k-1"], json: body)
            #expect(first.status == 201)
            #expect(first.header("Idempotent-Replayed") == nil)

            let retry = try await server.raw.send("POST", "/v1/records/articles", headers: ["Idempotency-Key": "k-1"], json: body)
            #expect(retry.status == 201)
            #expect(retry.body == first.body)
            #expect(retry.header("ETag") == first.header("ETag"))
            #expect(retry.header("Location") == first.header("Location"))
            #expect(retry.header("Idempotent-Replayed") == "true")

            let titles = try await server.client.list("articles").records.filter { $0.title == "Once" }
            #expect(titles.count == 1)
        }
    }

    @Test func aRejectedWriteReplaysItsProblem() async throws {
        try await TestServer.with { server in
            let body = #"{"id":"ada","fields":{"email":"x@example.org"}}"#
            let first = try await server.raw.send("POST", "/v1/records/users", headers: ["Idempotency-Key": "dup"], json: body)
            expectProblem(first, .alreadyExists)
            let retry = try await server.raw.send("POST", "/v1/records/users", headers: ["Idempotency-Key": "dup"], json: body)
            #expect(retry.status == 409)
            #expect(retry.body == first.body)
            #expect(retry.header("Idempotent-Replayed") == "true")
        }
    }

    @Test func aDeleteRetryReplays204() async throws {
        try await TestServer.with { server in
            let welcome = try await server.client.get("articles", "welcome")
            let headers = ["Idempotency-Key": "rm-1", "If-Match": welcome.etag]
            let first = try await server.raw.send("DELETE", "/v1/records/articles/welcome", headers: headers)
            let retry = try await server.raw.send("DELETE", "/v1/records/articles/welcome", headers: headers)
            #expect(first.status == 204)
            #expect(retry.status == 204)
            #expect(retry.header("ETag") == first.header("ETag"))
            #expect(retry.header("Idempotent-Replayed") == "true")
        }
    }

    @Test func theSameKeyWithADifferentBodyIs422() async throws {
        try await TestServer.with { server in
            let first = try await server.raw.send(
                "POST", "/v1/records/articles", headers: ["Idempotency-Key": "k-2"], json: #"{"fields":{"title":"A"}}"#)
            #expect(first.status == 201)
            let other = try await server.raw.send(
                "POST", "/v1/records/articles", headers: ["Idempotency-Key": "k-2"], json: #"{"fields":{"title":"B"}}"#)
            expectProblem(other, .idempotencyKeyReused)
        }
    }

    @Test func theSameKeyWhileTheFirstIsInFlightIs409AndLogged() async throws {
        try await TestServer.with { server in
            let body = #"{"fields":{"title":"Slow"}}"#
            // Claim the key as the first request would, and leave it unfinished.
            let request = WriteRequest(collection: "articles", operation: .create(id: nil, fields: ["title": "Slow"]), idempotencyKey: "k-3")
            #expect(try await server.store.claimIdempotencyKey(user: currentUser, key: "k-3", request: request) == .claimed)

            let second = try await server.raw.send("POST", "/v1/records/articles", headers: ["Idempotency-Key": "k-3"], json: body)
            expectProblem(second, .idempotencyKeyInUse)

            let log = try await server.client.conflicts().conflicts
            #expect(log.last?.kind == "idempotency-key-in-use")
            #expect(log.last?.user == currentUser)
            #expect(log.last?.collection == "articles")
        }
    }

    @Test func keysAreScopedToTheUser() async throws {
        try await TestServer.with { server in
            // Another user's unfinished request with the same key does not block ours.
            let request = WriteRequest(collection: "articles", operation: .create(id: nil, fields: ["title": "Theirs"]), idempotencyKey: "shared")
            _ = try await server.store.claimIdempotencyKey(user: "someone-else", key: "shared", request: request)
            let mine = try await server.raw.send(
                "POST", "/v1/records/articles", headers: ["Idempotency-Key": "shared"], json: #"{"fields":{"title":"Mine"}}"#)
            #expect(mine.status == 201)
        }
    }

    @Test(arguments: ["has space", String(repeating: "k", count: 256)])
    func aMalformedKeyIs400(key: String) async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "POST", "/v1/records/articles", headers: ["Idempotency-Key": key], json: #"{"fields":{"title":"x"}}"#)
            expectProblem(response, .badRequest)
        }
    }
}
