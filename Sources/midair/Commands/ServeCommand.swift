import ArgumentParser
import Foundation
import Logging
import MidairServer
import MidairStore

/// `midair serve`: the shared server on a unix socket, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the midair server on a unix socket (and optionally TCP).",
        discussion: """
            The socket is 0600 (only you can connect) unless --group makes it
            0660 for that group. Every version records the account of the user
            who connected, as the kernel reports it. With --listen the server
            also answers over TCP, where each request must carry a bearer token
            (`midair token add USER`). A new data directory is seeded with
            sample records. Stops cleanly on SIGINT or SIGTERM, or after
            --idle-exit seconds without a connection.
            """)

    /// The root command declares `--socket` too; sharing its option group is
    /// how ArgumentParser hands the value to this subcommand.
    @OptionGroup var connection: ConnectionOptions

    @Option(help: ArgumentHelp("The directory of the store (default: $XDG_DATA_HOME/midair).", valueName: "dir"))
    var data: String?

    @Option(help: "Let the members of this group connect too (the socket becomes 0660).")
    var group: String?

    @Option(help: ArgumentHelp(
        "Also listen on TCP, with bearer tokens (port 0: any free port). Loopback only unless --allow-remote.",
        valueName: "host:port"))
    var listen: String?

    @Flag(help: "Allow --listen on an address other hosts can reach (there is no TLS: prefer an ssh tunnel).")
    var allowRemote = false

    @Option(help: ArgumentHelp("Stop after this many seconds without a connection.", valueName: "seconds"))
    var idleExit: Int?

    @Option(help: "The largest request body accepted, in bytes.")
    var maxBodyBytes = ServerConfiguration.defaultMaxBodyBytes

    func validate() throws {
        guard maxBodyBytes > 0 else { throw ValidationError("--max-body-bytes must be positive") }
        if let idleExit, idleExit <= 0 { throw ValidationError("--idle-exit must be a positive number of seconds") }
        if connection.url != nil { throw ValidationError("--url names a server to talk to; a server listens with --socket and --listen") }
        if let listen {
            guard let address = ListenAddress(listen) else {
                throw ValidationError("--listen must be HOST:PORT, like 127.0.0.1:7070 or [::1]:7070; got \(listen)")
            }
            if !address.isLoopback && !allowRemote {
                throw ValidationError("""
                    --listen \(listen) lets other hosts connect, and midair serves no TLS: tokens and records would \
                    cross the network in plain text. Use a loopback address (reach it through an ssh tunnel), or \
                    add --allow-remote if the network is trusted.
                    """)
            }
        }
    }

    func run() async throws {
        let socketPath = connection.socket ?? ConnectionOptions.environment("MIDAIR_SOCKET") ?? Paths.defaultSocket
        let directory = data ?? Paths.dataDirectory
        var logger = Logger(label: "midair.server") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .info
        do {
            try MidairServer.checkSocketIsFree(socketPath)
            let store = try SQLiteRecordStore(
                directory: directory, schema: DefaultAssets.schema(), seed: DefaultAssets.seed())
            logger.info("store: \(directory)")
            let configuration = ServerConfiguration(
                socketPath: socketPath, group: group, listen: listen.flatMap(ListenAddress.init),
                idleExit: idleExit.map { .seconds($0) }, maxBodyBytes: maxBodyBytes, logger: logger)
            try await MidairServer(store: store, configuration: configuration).runUntilSignalled()
        } catch {
            FileHandle.standardError.write(Data("midair serve: \(error)\n".utf8))
            throw ExitCode(ExitStatus.failure)
        }
    }
}
