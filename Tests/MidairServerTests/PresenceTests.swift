import Foundation
import MidairClient
import MidairCore
import MidairServer
import MidairStore
import MidairTestSupport
import Testing

@Suite("presence: PUT/GET/DELETE /v1/presence and presence events")
struct PresenceTests {
    @Test func heartbeatsAreListedAndAnnouncedBetweenRecordEvents() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.open("GET", "/v1/events")
            let start = try #require(response.headers.first(name: "Midair-Revision").flatMap { Int64($0) })
            let text = try await withTimeout {
                var text = ""
                var iterator = response.body.makeAsyncIterator()
                while !text.contains("changes after"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
                try await server.client.setPresence(record: "articles/welcome", state: .viewing)
                try await server.client.setPresence(record: "articles/welcome", state: .viewing)  // a heartbeat: no event
                let created = try await server.client.create("articles", id: "between", fields: ["title": "Between"])
                try await server.client.setPresence(record: "articles/welcome", state: .editing)
                try await server.client.setPresence(record: "articles/between", state: .viewing)
                try await server.client.leavePresence()
                let last = try await server.client.create("articles", id: "last", fields: ["title": "Last"])
                while !text.contains("id: \(last.revision)\n"), let chunk = try await iterator.next() { text += String(buffer: chunk) }
                #expect(created.revision == start + 1)
                return text
            }
            let frames = text.components(separatedBy: "\n\n").filter { !$0.hasPrefix(":") && !$0.isEmpty }
            let kinds = frames.map { frame in
                frame.split(separator: "\n").first { $0.hasPrefix("event: ") }.map { String($0.dropFirst(7)) } ?? "?"
            }
            #expect(kinds.filter { $0 == "presence" }.count == 5 && kinds.filter { $0 == "created" }.count == 2, "\(kinds)")
            var presence: [PresenceEvent] = []
            for frame in frames where frame.hasPrefix("event: presence\n") {
                #expect(!frame.contains("id:"))
                let data = try #require(frame.split(separator: "\n").last?.dropFirst("data: ".count))
                presence.append(try JSONDecoder().decode(PresenceEvent.self, from: Data(data.utf8)))
            }
            // Moving to another record first leaves the old one.
            #expect(presence.map(\.state) == [.viewing, .editing, .gone, .viewing, .gone])
            #expect(presence.map(\.record) == ["articles/welcome", "articles/welcome", "articles/welcome", "articles/between", "articles/between"])
            #expect(presence.allSatisfy { $0.user == currentUser && $0.session == server.client.session })
            // Record events keep their ids: no gaps, no duplicates.
            let ids = frames.compactMap { $0.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) } }
            #expect(ids == ["\(start + 1)", "\(start + 2)"])
        }
    }

    @Test func theListAndTheTypedStreamShowWhoIsWhere() async throws {
        try await TestServer.with { server in
            let other = MidairClient(socketPath: server.socketPath)
            try await server.client.setPresence(record: "articles/welcome", state: .editing)
            try await other.setPresence(record: nil, state: .idle)
            let listed = try await server.client.presence()
            #expect(Set(listed.map(\.session)) == [server.client.session, other.session])
            #expect(listed.first { $0.session == server.client.session }?.state == .editing)
            #expect(listed.first { $0.session == other.session }?.record == nil)

            // A new stream starts with everyone present now, then follows.
            let events = try await withTimeout {
                var seen: [ServerEvent] = []
                for try await event in other.serverEvents() {
                    seen.append(event)
                    if seen.count == 2 { try await other.leavePresence() }
                    if seen.count == 3 { break }
                }
                return seen
            }
            guard case .presence(let leaving) = events.last else { Issue.record("got \(events)"); return }
            #expect(leaving.session == other.session && leaving.state == .gone)
            #expect(try await server.client.presence().map(\.session) == [server.client.session])
        }
    }

    @Test func badHeartbeatsAre422() async throws {
        try await TestServer.with { server in
            for body in [#"{"state":"gone"}"#, #"{"state":"asleep"}"#, #"{"record":"nope/x","state":"viewing"}"#,
                         #"{"record":"articles","state":"viewing"}"#, #"{"state":"idle","session":"Not A Session"}"#] {
                expectProblem(try await server.raw.send("PUT", "/v1/presence", json: body), .invalid)
            }
            expectProblem(try await server.raw.send("PUT", "/v1/presence", json: "["), .badRequest)
            #expect(try await server.raw.send("PUT", "/v1/presence", json: #"{"state":"idle"}"#).status == 204)
            #expect(try await server.client.presence().map(\.session) == ["default"])
        }
    }

    @Test func presenceLapsesWithoutAHeartbeat() async throws {
        let clock = ManualClock()
        let events = Broadcast<ServerEvent>(buffering: .unbounded)
        let announced = events.subscribe()
        let board = PresenceBoard(ttl: .seconds(30), events: events, now: clock.now)
        board.update(user: "ada", session: "a", record: "articles/welcome", state: .editing)
        board.update(user: "bob", session: "b", record: "articles/welcome", state: .viewing)
        clock.advance(20)
        board.update(user: "ada", session: "a", record: "articles/welcome", state: .editing)
        clock.advance(15)
        board.expire()
        #expect(board.current().map(\.user) == ["ada"])
        #expect(board.current().first?.at == "2023-11-14T22:13:20Z")
        clock.advance(15)
        board.expire()
        #expect(board.current().isEmpty)
        events.finishAll()
        var seen: [String] = []
        for await case .presence(let p) in announced { seen.append("\(p.user) \(p.state.rawValue) \(p.at)") }
        #expect(seen == [
            "ada editing 2023-11-14T22:13:20Z", "bob viewing 2023-11-14T22:13:20Z",
            "bob gone 2023-11-14T22:13:55Z", "ada gone 2023-11-14T22:14:10Z",
        ])
    }
}
