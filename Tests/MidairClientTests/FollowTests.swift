import Foundation
import MidairClient
import MidairCore
import MidairTestSupport
import Testing

@Suite("following events across a server restart")
struct FollowTests {
    @Test func followReconnectsWithBackoffAndResumesAfterTheLastChangeSeen() async throws {
        let server = try await TestServer.start()
        do {
            let client = server.client
            let updates = client.follow(backoff: Backoff(base: .milliseconds(50), cap: .milliseconds(200)))
            let seen = try await withTimeout(.seconds(60)) {
                var iterator = updates.makeAsyncIterator()
                var seen: [FollowUpdate] = []
                func next() async throws -> FollowUpdate {
                    let update = try #require(try await iterator.next())
                    seen.append(update)
                    return update
                }
                #expect(try await next() == .status(.connected))
                let first = try await client.create("articles", id: "before", fields: ["title": "Before"])
                #expect(try await next() == .event(.record(try #require(try await server.store.events(since: first.revision - 1, limit: 1).first))))

                try await server.restart()
                var reconnected = false
                while !reconnected {
                    if case .status(.connected) = try await next() { reconnected = true }
                }
                let second = try await client.create("articles", id: "after", fields: ["title": "After"])
                while true {
                    if case .event(.record(let change)) = try await next(), change.revision == second.revision { break }
                }
                return seen
            }
            let statuses = seen.compactMap { if case .status(let s) = $0 { s } else { nil } }
            #expect(statuses.first == .connected && statuses.last == .connected)
            let retries = statuses.compactMap { if case .reconnecting(let attempt, let after, _) = $0 { (attempt, after) } else { nil } }
            #expect(!retries.isEmpty)
            #expect(retries.map(\.0) == Array(1...retries.count))
            #expect(retries.allSatisfy { $0.1 <= .milliseconds(200) })
            // Each record change exactly once, in order.
            let revisions = seen.compactMap { if case .event(.record(let c)) = $0 { c.revision } else { nil } }
            #expect(revisions == revisions.sorted() && Set(revisions).count == revisions.count && revisions.count == 2)
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    @Test func serverEventsAreTypedRecordPresenceAndLockEvents() async throws {
        try await TestServer.with { server in
            let client = server.client
            try await client.setPresence(record: "articles/welcome", state: .editing)
            let events = try await withTimeout {
                var seen: [ServerEvent] = []
                for try await event in client.serverEvents() {
                    seen.append(event)
                    if seen.count == 1 { try await client.lock("articles", "welcome", ttl: 30) }
                    if seen.count == 2 { _ = try await client.create("articles", id: "typed", fields: ["title": "Typed"]) }
                    if seen.count == 3 { break }
                }
                return seen
            }
            guard events.count == 3, case .presence(let presence) = events[0], case .lock(let lock) = events[1],
                  case .record(let change) = events[2]
            else { Issue.record("got \(events)"); return }
            #expect(presence.record == "articles/welcome" && presence.state == .editing && presence.user == NSUserName())
            #expect(lock.kind == .acquired && lock.lock.holder == NSUserName() && lock.lock.id == "welcome")
            #expect(change.id == "typed" && change.kind == .created)
        }
    }
}
