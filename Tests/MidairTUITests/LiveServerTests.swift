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
        let editor = Self.program(server, drafts) { AppState.editor(Self.key, size: $0) }
        let browser = Self.program(server, drafts) { AppState.browser(size: $0) }
        do {
            editor.start()
            browser.start()
            try await Self.playOut(server, editor, browser)
        } catch {
            // Whatever failed, nothing keeps running (reconnecting) in the test process.
            await editor.stop()
            await browser.stop()
            try? await server.stop()
            try? FileManager.default.removeItem(atPath: drafts)
            throw error
        }
        try? FileManager.default.removeItem(atPath: drafts)
    }

    private static func playOut(_ server: TestServer, _ editor: HeadlessProgram, _ browser: HeadlessProgram) async throws {
        // Same account, two sessions: the browser sees the editor's.
        try await eventually("the browser marks the record the other session has open", browser) {
            $0.contains("• welcome") && $0.contains("you (another session)")
        }
        for key in Key.typing("!") { editor.press(key) }
        try await eventually("the browser marks it as being edited", browser) { $0.contains("✎ welcome") }

        try await server.pause()
        try await eventually("the editor says the server is away", editor) { $0.contains("server away · reconnecting") }
        editor.press(.ctrl("s"))
        try await eventually("a save while away keeps the edits", editor) { $0.contains("Your edits are kept") }

        try await server.resume()
        try await eventually("the editor is back", editor, limit: .seconds(15)) { $0.contains("Reconnected to the server. Your edits are here") }
        editor.press(.ctrl("s"))
        try await eventually("the save goes through", editor) { $0.contains("Saved articles/welcome as v2.") }
        let saved = try await server.client.get("articles", "welcome")
        #expect(saved.fields["title"] == "Welcome to midair!")
        try await eventually("the browser follows again", browser) { $0.contains("v2") }

        await editor.stop()
        try await eventually("the editor's session left at once", browser) { !$0.contains("another session") && !$0.contains("✎") }
        await browser.stop()
        try await server.stop()
    }

    private static func program(_ server: TestServer, _ drafts: String, _ start: (Size) -> (AppState, [Effect])) -> HeadlessProgram {
        HeadlessProgram(client: MidairClient(socketPath: server.socketPath), journal: DraftJournal(directory: drafts), size: size,
                        observe: { _, _ in }, start: start)
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
