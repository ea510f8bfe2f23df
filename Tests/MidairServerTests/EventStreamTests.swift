import AsyncHTTPClient
import Foundation
import MidairClient
import MidairCore
import MidairTestSupport
import Testing

@Suite("GET /v1/events")
struct EventStreamTests {
    @Test func eventsSinceARevisionComeInOrderWithoutGapsThenLive() async throws {
        try await TestServer.with { server in
            let welcome = try await server.client.get("articles", "welcome")
            var fields = welcome.fields
            fields["tags"] = "edited"
            let edited = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: welcome.revision)
            try await server.client.delete("articles", "welcome", ifMatch: edited.revision)
            let latest = try await server.store.latestRevision()
            let expected = try await server.store.events(since: 0, limit: 1000)
            #expect(expected.map(\.revision) == Array(1...latest))

            let stream = server.client.events(since: 0)
            let (received, live) = try await withTimeout {
                var iterator = stream.makeAsyncIterator()
                var received: [ChangeEvent] = []
                while received.last?.revision != latest, let event = try await iterator.next() { received.append(event) }
                // Now a new write arrives while we follow.
                let created = try await server.client.create("articles", id: "live", fields: ["title": "Live"])
                let live = try await iterator.next()
                #expect(live?.revision == created.revision)
                return (received, live)
            }
            #expect(received == expected)
            #expect(received.suffix(2).map(\.kind) == [.updated, .deleted])
            #expect(received.suffix(2).last?.updatedBy == currentUser)
            #expect(live?.kind == .created)
            #expect(live?.id == "live")
        }
    }

    @Test func theWireFormatIsServerSentEvents() async throws {
        try await TestServer.with(.init(keepaliveInterval: .milliseconds(100))) { server in
            let response = try await server.raw.open("GET", "/v1/events?since=11")
            #expect(response.status == .ok)
            #expect(response.headers.first(name: "Content-Type") == "text/event-stream")
            let text = try await withTimeout {
                var text = ""
                for try await chunk in response.body {
                    text += String(buffer: chunk)
                    if text.contains(": keepalive") { break }
                }
                return text
            }
            #expect(text.contains(#"id: 12\#nevent: created\#ndata: {"changed_fields":["order_no","product","quantity","status"],"collection":"orders","id":"o-1003","kind":"created","revision":12,"#))
            #expect(!text.contains("id: 11\n"))
            #expect(text.contains("\n\n: keepalive\n\n"))
        }
    }

    @Test func lastEventIDResumesAfterIt() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.open("GET", "/v1/events?since=0", headers: ["Last-Event-ID": "10"])
            let text = try await withTimeout {
                var text = ""
                for try await chunk in response.body {
                    text += String(buffer: chunk)
                    if text.contains("id: 12\n") { break }
                }
                return text
            }
            #expect(!text.contains("id: 10\n"))
            #expect(text.contains("id: 11\n"))
        }
    }

    @Test func withoutSinceItFollowsFromNow() async throws {
        try await TestServer.with { server in
            // The head arrives once the server has fixed where the stream starts.
            let response = try await server.raw.open("GET", "/v1/events")
            let created = try await server.client.create("articles", id: "now", fields: ["title": "Now"])
            let text = try await withTimeout {
                var text = ""
                for try await chunk in response.body {
                    text += String(buffer: chunk)
                    if text.contains("data: ") { break }
                }
                return text
            }
            #expect(text.hasPrefix(": changes after revision 12\n\nid: \(created.revision)\nevent: created\n"))
        }
    }

    @Test(arguments: ["since=x", "since=-1", "since=1.5"])
    func aMalformedSinceIs400(query: String) async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/events?\(query)"), .badRequest)
        }
    }

    @Test func aMalformedLastEventIDIs400() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/events", headers: ["Last-Event-ID": "abc"]), .badRequest)
        }
    }

    @Test func aRevisionBeyondTheNewestIs410() async throws {
        try await TestServer.with { server in
            expectProblem(try await server.raw.send("GET", "/v1/events?since=999999"), .gone)
            await #expect(throws: MidairAPIError.self) {
                for try await _ in server.client.events(since: 999_999) {}
            }
        }
    }

    @Test func stoppingTheServerEndsOpenStreams() async throws {
        let server = try await TestServer.start()
        let stream = server.client.events(since: 0)
        let consumer = Task {
            var count = 0
            for try await _ in stream { count += 1 }
            return count
        }
        try await Task.sleep(for: .milliseconds(200))
        try await withTimeout { try await server.stop() }
        let count = try await withTimeout { try await consumer.value }
        #expect(count == 12)
    }
}
