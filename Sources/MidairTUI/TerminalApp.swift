import Foundation
import MidairClient

/// The terminal app, as the `midair` executable starts it.
public enum TerminalApp {
    /// `midair`: the browser.
    public static func runBrowser(client: MidairClient, drafts: DraftJournal = .standard()) async throws {
        try await run(client: client, drafts: drafts) { AppState.browser(size: $0) }
    }

    /// `midair edit C/ID`: the editor on one record; leaving it quits.
    /// `holding`: the caller took the record's lease (`--lock`); the app
    /// renews it while open and releases it on the way out.
    public static func runEditor(
        client: MidairClient, record: RecordKey, holding: Bool = false, drafts: DraftJournal = .standard()
    ) async throws {
        try await run(client: client, drafts: drafts) { AppState.editor(record, holding: holding, size: $0) }
    }

    /// Checks what can be checked before the terminal is taken over (a
    /// terminal, a server that answers), so failures print plainly.
    private static func run(
        client: MidairClient, drafts: DraftJournal, start: @escaping @Sendable (Size) -> (AppState, [Effect])
    ) async throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw TerminalAppError.notATerminal }
        _ = try await client.whoami()
        let program = await Program(client: client, journal: drafts, start: start)
        await program.run()
    }
}

public enum TerminalAppError: Error, CustomStringConvertible {
    case notATerminal

    public var description: String {
        switch self {
        case .notATerminal: "midair's editor needs a terminal; for scripts use midair get, put and set"
        }
    }
}
