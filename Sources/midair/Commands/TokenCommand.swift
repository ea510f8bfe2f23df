import ArgumentParser
import Foundation
import MidairStore

/// `midair token`: bearer tokens for clients over TCP (`serve --listen`).
/// Works on the data directory directly, so also while the server runs;
/// run it as the account that owns the data.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Manage the bearer tokens of clients over TCP.",
        discussion: """
            Only a token's SHA-256 is stored: a token is shown once, when it is
            made. Clients send it from $MIDAIR_TOKEN, with $MIDAIR_URL naming the
            server. Run as the account that owns the data directory (for the
            example systemd unit: sudo -u midair midair token ...).
            """,
        subcommands: [TokenAddCommand.self, TokenListCommand.self, TokenRevokeCommand.self])
}

/// `--data`, for the token commands.
struct TokenStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The directory of the server's store (default: $XDG_DATA_HOME/midair).", valueName: "dir"))
    var data: String?

    /// The store of an existing data directory; a typo must not make a new one.
    func open() throws -> SQLiteRecordStore {
        let directory = data ?? Paths.dataDirectory
        let file = (directory as NSString).appendingPathComponent(SQLiteRecordStore.databaseFileName)
        guard FileManager.default.fileExists(atPath: file) else {
            throw ValidationError("there is no midair store in \(directory): start `midair serve --data \(directory)` once, or name it with --data")
        }
        return try SQLiteRecordStore(directory: directory, schema: DefaultAssets.schema())
    }
}

struct TokenAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Make a token for USER and print it, alone on the last line, this once.")

    @Argument(help: "The user the token speaks for (versions record this name).") var user: String
    @OptionGroup var store: TokenStoreOptions

    func validate() throws {
        guard !user.isEmpty, user.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }) else {
            throw ValidationError("a user name is letters, digits, '.', '_' and '-'; got '\(user)'")
        }
    }

    func run() async throws {
        try await reporting(json: false) {
            let issued = try await store.open().addToken(for: user)
            Report.line("token \(issued.entry.id) for \(user); it is shown only now (set MIDAIR_TOKEN to it):")
            print(issued.secret)
        }
    }
}

struct TokenListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the tokens: id, user, when made, when last used. Never the tokens.")

    @OptionGroup var store: TokenStoreOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reporting(json: output.json) {
            let tokens = try await store.open().tokens()
            if output.json { return Report.json(tokens) }
            if tokens.isEmpty { return Report.line("no tokens") }
            let rows = [["ID", "USER", "CREATED", "LAST USED"]]
                + tokens.map { [$0.id, $0.user, $0.createdAt, $0.lastUsedAt ?? "never"] }
            Report.line(Table.render(rows))
        }
    }
}

struct TokenRevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke", abstract: "Revoke one token by its id, or every token of a user. Takes effect at once.")

    @Argument(help: ArgumentHelp("A token id (from `midair token list`) or a user name.", valueName: "user-or-id"))
    var target: String
    @OptionGroup var store: TokenStoreOptions

    func run() async throws {
        try await reporting(json: false) {
            let revoked = try await store.open().revokeTokens(target)
            guard !revoked.isEmpty else {
                Report.error("no token has the id or user '\(target)'")
                throw ExitCode(ExitStatus.notFound)
            }
            Report.line(revoked.map { "revoked \($0.id) (\($0.user))" }.joined(separator: "\n"))
        }
    }
}
