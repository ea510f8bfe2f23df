import ArgumentParser
import Foundation
import MidairClient

/// `--socket`, shared by every command that talks to a server.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The server's unix socket. Default: $MIDAIR_SOCKET, else your private server, started if none answers.",
        valueName: "path"))
    var socket: String?

    /// A client for the named server, or for the private one, which is
    /// started first when it does not answer. A named server is never
    /// started: it belongs to whoever runs it.
    func client() async throws -> MidairClient {
        if let named = socket ?? Paths.environment["MIDAIR_SOCKET"].flatMap({ $0.isEmpty ? nil : $0 }) {
            return MidairClient(socketPath: named)
        }
        let client = MidairClient(socketPath: Paths.defaultSocket)
        if await client.isServerAnswering() { return client }
        try await PrivateServer.start(socket: Paths.defaultSocket, data: Paths.dataDirectory, probe: client)
        return client
    }
}

/// `--json`, shared by the scriptable commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}
