import Foundation
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

    @Test func withoutATerminalTheLockIsGivenBack() async throws {
        try await TestServer.with { server in
            let run = try await midair(["edit", "--lock", "articles/welcome"], socket: server.socketPath)
            #expect(run.status == 1 && run.stderr.contains("needs a terminal"))
            #expect(try await server.client.lockStatus("articles", "welcome") == nil)
        }
    }
}
