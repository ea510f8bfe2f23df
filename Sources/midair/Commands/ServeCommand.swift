import ArgumentParser
import Foundation
import Logging
import MidairServer
import MidairStore

/// `midair serve`: the shared server on a unix socket, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the midair server on a unix socket.",
        discussion: """
            The socket is 0600 (only you can connect) unless --group makes it
            0660 for that group. Every version records the account of the user
            who connected, as the kernel reports it. A new data directory is
            seeded with sample records. Stops cleanly on SIGINT or SIGTERM.
            """)

    /// The root command declares `--socket` too; sharing its option group is
    /// how ArgumentParser hands the value to this subcommand.
    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The directory of the store (default: $XDG_DATA_HOME/midair).", valueName: "dir"))
    var data: String?

    @Option(help: "Let the members of this group connect too (the socket becomes 0660).")
    var group: String?

    @Option(help: "The largest request body accepted, in bytes.")
    var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes

    func validate() throws {
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
    }

    func run() async throws {
        let socketPath = connection.socket
            ?? Paths.environment["MIDAIR_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? Paths.defaultSocket
        let directory = data ?? Paths.dataDirectory
        var logger = Logger(label: "midair.server") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        do {
            try MidairServer.checkSocketIsFree(socketPath)
            let store = try SQLiteRecordStore(
                directory: directory, schema: DefaultAssets.schema(), seed: DefaultAssets.seed())
            logger.info("store: \(directory)")
            let configuration = ServerConfiguration(
                socketPath: socketPath, group: group, maxBodyBytes: maxBodyBytes, logger: logger)
            try await MidairServer(store: store, configuration: configuration).runUntilSignalled()
        } catch {
            FileHandle.standardError.write(Data("midair serve: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failure)
        }
    }
}
