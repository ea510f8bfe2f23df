import Foundation
import MidairClient
import MidairCore
import MidairStore
import MidairTestSupport
import Testing

@Suite("POST/DELETE /v1/records/{c}/{id}/lock")
struct LockTests {
    private let edit = #"{"fields":{"title":"Mine","body":"","tags":""}}"#

    @Test func anothersLeaseAnswersWrites423NamingHolderAndExpiryUntilItLapses() async throws {
        let clock = ManualClock()
        try await TestServer.with(.init(storeOptions: .init(now: clock.now))) { server in
            let welcome = try await server.client.get("articles", "welcome")
            let bobs = try await server.store.lock("articles", "welcome", by: "bob", seconds: 60)
            #expect(bobs == .acquired(LockInfo(
                collection: "articles", id: "welcome", holder: "bob",
                acquiredAt: "2023-11-14T22:13:20Z", expiresAt: "2023-11-14T22:14:20Z")))

            let put = try await server.raw.send("PUT", "/v1/records/articles/welcome", headers: ["If-Match": welcome.etag], json: edit)
            expectProblem(put, .locked)
            #expect(put.json["locked_by"] as? String == "bob")
            #expect(put.json["expires_at"] as? String == "2023-11-14T22:14:20Z")
            #expect(put.header("Midair-Locked-By") == "bob")
            #expect((put.json["detail"] as? String)?.contains("locked by bob until 2023-11-14T22:14:20Z") == true)
            // The lock comes first: even a stale write waits for it.
            expectProblem(try await server.raw.send("PUT", "/v1/records/articles/welcome", headers: ["If-Match": "\"1\""], json: edit), .locked)
            expectProblem(try await server.raw.send("DELETE", "/v1/records/articles/welcome", headers: ["If-Match": welcome.etag]), .locked)
            // Nor can we take or release bob's lock.
            expectProblem(try await server.raw.send("POST", "/v1/records/articles/welcome/lock"), .locked)
            expectProblem(try await server.raw.send("DELETE", "/v1/records/articles/welcome/lock"), .locked)

            let error = await #expect(throws: MidairAPIError.self) {
                try await server.client.replace("articles", "welcome", fields: ["title": "Mine"], ifMatch: welcome.revision)
            }
            guard case .locked(let problem) = error else { Issue.record("got \(String(describing: error))"); return }
            #expect(problem.lock?.holder == "bob")
            #expect(error?.description == "articles/welcome is locked by bob until 2023-11-14T22:14:20Z")

            // A read says who holds the record, also when it did not change.
            let read = try await server.raw.send("GET", "/v1/records/articles/welcome")
            #expect(read.header("Midair-Locked-By") == "bob")
            #expect(read.header("Midair-Lock-Expires") == "2023-11-14T22:14:20Z")
            let cached = try await server.raw.send("GET", "/v1/records/articles/welcome", headers: ["If-None-Match": welcome.etag])
            #expect(cached.status == 304 && cached.header("Midair-Locked-By") == "bob")
            #expect(try await server.client.lockStatus("articles", "welcome")?.holder == "bob")

            // The lease lapses: the record is free again.
            clock.advance(60)
            #expect(try await server.client.lockStatus("articles", "welcome") == nil)
            #expect(try await server.raw.send("GET", "/v1/records/articles/welcome").header("Midair-Locked-By") == nil)
            let saved = try await server.client.replace("articles", "welcome", fields: ["title": "Mine"], ifMatch: welcome.revision)
            #expect(saved.version == welcome.version + 1)
            // 423s are not conflicts: the log keeps 409s only.
            #expect(try await server.client.conflicts().conflicts.isEmpty)
        }
    }

    @Test func theHolderWritesRenewsAndReleases() async throws {
        let clock = ManualClock()
        try await TestServer.with(.init(storeOptions: .init(now: clock.now))) { server in
            let welcome = try await server.client.get("articles", "welcome")
            let lock = try await server.client.lock("articles", "welcome")
            #expect(lock == LockInfo(
                collection: "articles", id: "welcome", holder: currentUser,
                acquiredAt: "2023-11-14T22:13:20Z", expiresAt: "2023-11-14T22:14:20Z"))
            clock.advance(30)
            let renewed = try await server.client.lock("articles", "welcome", ttl: 120)
            #expect(renewed.acquiredAt == lock.acquiredAt)
            #expect(renewed.expiresAt == "2023-11-14T22:15:50Z")

            let saved = try await server.client.replace("articles", "welcome", fields: ["title": "Mine"], ifMatch: welcome.revision)
            let bobsWrite = WriteRequest(collection: "articles", operation: .replace(id: "welcome", fields: ["title": "Bob's"], ifMatch: saved.revision))
            #expect(try await server.store.write(bobsWrite, by: "bob").outcome == .rejected(.locked(renewed)))
            #expect(try await server.store.unlock("articles", "welcome", by: "bob") == .heldByOther(renewed))

            try await server.client.unlock("articles", "welcome")
            #expect(try await server.client.lockStatus("articles", "welcome") == nil)
            let again = await #expect(throws: MidairAPIError.self) { try await server.client.unlock("articles", "welcome") }
            #expect(again?.problemName == .notFound)
            guard case .updated(let bobs) = try await server.store.write(bobsWrite, by: "bob").outcome else {
                Issue.record("bob could not write after the release")
                return
            }
            #expect(bobs.updatedBy == "bob")
        }
    }

    @Test func badLockRequests() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("POST", "/v1/records/articles/nope/lock"), .notFound)
            expectProblem(try await server.raw.send("POST", "/v1/records/nope/welcome/lock"), .notFound)
            expectProblem(try await server.raw.send("POST", "/v1/records/articles/welcome/lock", json: #"{"ttl_seconds":0}"#), .invalid)
            expectProblem(try await server.raw.send("POST", "/v1/records/articles/welcome/lock", json: #"{"ttl_seconds":601}"#), .invalid)
            expectProblem(try await server.raw.send("POST", "/v1/records/articles/welcome/lock", json: "{"), .badRequest)
            expectProblem(try await server.raw.send("DELETE", "/v1/records/articles/welcome/lock"), .notFound)
            expectProblem(try await server.raw.send("GET", "/v1/records/articles/welcome/lock"), .notFound)
            expectProblem(try await server.raw.send("PUT", "/v1/records/articles/welcome/lock"), .methodNotAllowed)
            let ok = try await server.raw.send("POST", "/v1/records/articles/welcome/lock", json: #"{"ttl_seconds":5}"#)
            #expect(ok.status == 200)
            #expect(ok.json["holder"] as? String == currentUser)
        }
    }

    @Test func aRetryWithTheSameKeyIsNotAnsweredTheOld423() async throws {
        try await TestServer.with { server in
            let welcome = try await server.client.get("articles", "welcome")
            _ = try await server.store.lock("articles", "welcome", by: "bob", seconds: 60)
            let headers = ["If-Match": welcome.etag, "Idempotency-Key": "wait-for-bob"]
            expectProblem(try await server.raw.send("PUT", "/v1/records/articles/welcome", headers: headers, json: edit), .locked)
            _ = try await server.store.unlock("articles", "welcome", by: "bob")
            let retry = try await server.raw.send("PUT", "/v1/records/articles/welcome", headers: headers, json: edit)
            #expect(retry.status == 200, "\(retry.text)")
            #expect(retry.header("Idempotent-Replayed") == nil)
        }
    }

    @Test func lockChangesAreEventsWithoutRevisions() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.open("GET", "/v1/events")
            let text = try await withTimeout {
                var text = ""
                var iterator = response.body.makeAsyncIterator()
                // The stream is open once its first comment arrived.
                while !text.contains("changes after"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
                _ = try await server.client.lock("articles", "welcome")
                try await server.client.unlock("articles", "welcome")
                let created = try await server.client.create("articles", id: "after", fields: ["title": "After"])
                while !text.contains("id: \(created.revision)\n"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
                return text
            }
            let frames = text.components(separatedBy: "\n\n").filter { $0.contains("event: lock") }
            #expect(frames.count == 2)
            #expect(frames.allSatisfy { !$0.contains("id:") })
            #expect(frames.first?.contains(#""kind":"acquired""#) == true)
            #expect(frames.last?.contains(#""kind":"released""#) == true)
            #expect(frames.first?.contains(#""holder":"\#(currentUser)""#) == true)
        }
    }
}
