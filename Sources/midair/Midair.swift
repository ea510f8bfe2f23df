import ArgumentParser
import Foundation
import MidairTUI

/// The `midair` command: the editor, the server and the scriptable commands.
struct Midair: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "midair",
        abstract: "A terminal editor for shared records that merges instead of losing work on 409 Conflict.",
        discussion: """
            Exit status: 0 ok, 1 error, 2 usage, 3 unresolved conflict, 4 not found.
            The server socket is --socket, else $MIDAIR_SOCKET, else a private server
            under $XDG_RUNTIME_DIR (or ~/.local/state/midair), started when none answers.
            """,
        subcommands: [
            EditCommand.self, ServeCommand.self, TokenCommand.self,
            GetCommand.self, NewCommand.self, PutCommand.self, SetCommand.self, RmCommand.self,
            HistoryCommand.self, LogCommand.self,
            MergeFileCommand.self, DiffCommand.self,
            DemoCommand.self,
        ]
    )

    @OptionGroup var connection: ConnectionOptions

    /// `midair` alone opens the browser.
    func run() async throws {
        do {
            try await TerminalApp.runBrowser(client: connection.client())
        } catch {
            throw Report.failure(error, json: false)
        }
    }
}

/// Runs `Midair` with the exit statuses scripts rely on: argument mistakes
/// exit 2 (as most Unix tools do) rather than ArgumentParser's 64.
@main
enum Main {
    static func main() async {
        do {
            var command = try Midair.parseAsRoot()
            if var async = command as? any AsyncParsableCommand {
                try await async.run()
            } else {
                try command.run()
            }
        } catch {
            let code = Midair.exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((Midair.fullMessage(for: error) + "\n").utf8))
                exit(ExitStatus.usage)
            }
            Midair.exit(withError: error)
        }
    }
}

/// In this module a `ValidationError` is a usage mistake (exit 2), not a
/// record's invalid field.
typealias ValidationError = ArgumentParser.ValidationError

/// The exit statuses of the scriptable commands.
enum ExitStatus {
    static let ok: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
    static let conflict: Int32 = 3
    static let notFound: Int32 = 4
}
