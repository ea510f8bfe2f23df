import Foundation
import MidairClient
import MidairStore
import MidairTestSupport
import Testing

/// `midair edit` as far as it goes without a terminal: `--lock` takes the
/// record's lock before the terminal is needed, and gives it back when the
/// editor cannot start. (The editor itself is driven in tmux by the
/// end-to-end tests.)
@Suite("midair edit --lock, without a terminal")
struct EditCommandTests {
    @Test func aLockHeldBySomeoneElseIsRefusedPlainly() async throws {
        try await TestServer.with { server in
            _ = try await server.store.lock("articles", "welcome", by: "carol", seconds: 60)
            let run = try await midair(["edit", "--lock", "articles/welcome"], socket: server.socketPath)
            #expect(run.status == 3)
            #expect(run.stderr.contains("articles/welcome is locked by carol until"))
        }
    }

    @Test func withoutATerminalTheLockIsTakenThenGivenBack() async throws {
        try await TestServer.with { server in
            // The lock events, as anyone following the server sees them.
            let seen = Seen()
            let follower = Task {
                for try await event in server.client.serverEvents() {
                    switch event {
                    case .presence: await seen.add("presence")
                    case .lock(let change): await seen.add("\(change.kind) \(change.lock.collection)/\(change.lock.id)")
                    case .record: break
                    }
                }
            }
            defer { follower.cancel() }
            try await server.client.setPresence(record: nil, state: .viewing)
            try await seen.wait { $0.contains("presence") }

            let run = try await midair(["edit", "--lock", "articles/welcome"], socket: server.socketPath)
            #expect(run.status == 1 && run.stderr.contains("needs a terminal"))
            try await seen.wait { $0.contains("released articles/welcome") }
            #expect(await seen.events.filter { $0 != "presence" } == ["acquired articles/welcome", "released articles/welcome"])
            #expect(try await server.client.lockStatus("articles", "welcome") == nil)
        }
    }
}

/// What a follower of the event stream has seen so far.
private actor Seen {
    private(set) var events: [String] = []

    func add(_ event: String) {
        events.append(event)
    }

    /// Polls until `holds`, for 10 s at most.
    func wait(_ holds: ([String]) -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !holds(events) {
            guard ContinuousClock.now < deadline else { throw SeenTimeout(events: events) }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}

private struct SeenTimeout: Error {
    var events: [String]
}
