import Foundation
import MidairClient
import MidairCore
import MidairTestSupport
import Testing
@testable import MidairTUI

/// The app's runtime against a real server: presence travels from one
/// session to another through the server, and an editor outlives a
/// server restart with its edits, then saves.
@Suite(.serialized) @MainActor struct LiveServerTests {
    static let key = RecordKey(collection: "articles", id: "welcome")
    static let size = Size(width: 120, height: 30)

    @Test func presenceReachesOthersAndAnEditorOutlivesARestart() async throws {
        let server = try await TestServer.start()
        let drafts = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: drafts) }
        let editor = HeadlessProgram(
            client: MidairClient(socketPath: server.socketPath), journal: DraftJournal(directory: drafts), size: Self.size,
            observe: { _, _ in }) { AppState.editor(Self.key, size: $0) }
        let browser = HeadlessProgram(
            client: MidairClient(socketPath: server.socketPath), journal: DraftJournal(directory: drafts), size: Self.size,
            observe: { _, _ in }) { AppState.browser(size: $0) }
        editor.start()
        browser.start()

        // Same account, two sessions: the browser sees the editor's.
        try await Self.eventually("the browser shows the other session", browser) { $0.contains("Welcome to midair") && $0.contains("you (another session)") }
        for key in Key.typing("!") { editor.press(key) }
        try await Self.eventually("the browser marks it as being edited", browser) { $0.contains("✎ you (another session)") }
        try await Self.eventually("the editor saw the browser's session", editor) { !$0.contains("Loading") }

        try await server.pause()
        try await Self.eventually("the editor says the server is away", editor) { $0.contains("server away · reconnecting") }
        editor.press(.ctrl("s"))
        try await Self.eventually("a save while away keeps the edits", editor) { $0.contains("Your edits are kept") }

        try await server.resume()
        try await Self.eventually("the editor is back", editor, limit: .seconds(15)) { $0.contains("Reconnected to the server. Your edits are here") }
        editor.press(.ctrl("s"))
        try await Self.eventually("the save goes through", editor) { $0.contains("Saved articles/welcome as v2.") }
        let saved = try await server.client.get("articles", "welcome")
        #expect(saved.fields["title"] == "Welcome to midair!")
        try await Self.eventually("the browser follows again", browser) { $0.contains("v2") }

        await editor.stop()
        try await Self.eventually("the editor's session left at once", browser) { !$0.contains("another session") }
        await browser.stop()
        try await server.stop()
    }

    /// Polls `program`'s screen until `holds` or `limit` passes.
    static func eventually(
        _ what: String, _ program: HeadlessProgram, limit: Duration = .seconds(5), _ holds: (String) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while !holds(program.screen.text) {
            guard ContinuousClock.now < deadline else {
                Issue.record("not within \(limit): \(what)\n\(program.screen.text)")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
