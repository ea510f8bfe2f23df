import ArgumentParser
import Foundation
import MidairClient

/// `--socket` and `--url`, shared by every command that talks to a server.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The server's unix socket. Default: $MIDAIR_SOCKET, else your private server, started if none answers.",
        valueName: "path"))
    var socket: String?

    @Option(help: ArgumentHelp(
        "A server over TCP, as http://HOST:PORT, instead of a socket. Default: $MIDAIR_URL. The bearer token comes from $MIDAIR_TOKEN.",
        valueName: "url"))
    var url: String?

    func validate() throws {
        if let url = serverURL, !url.hasPrefix("http://") {
            throw ValidationError("the server URL must be http://HOST:PORT (midair serves no TLS: reach a remote one through an ssh tunnel); got \(url)")
        }
    }

    /// The TCP server to use: `--url`, else `$MIDAIR_URL` unless `--socket` names a socket.
    private var serverURL: String? {
        url ?? (socket == nil ? Self.environment("MIDAIR_URL") : nil)
    }

    /// A client for the named server, or for the private one, which is
    /// started first when it does not answer. A named server is never
    /// started: it belongs to whoever runs it.
    func client() async throws -> MidairClient {
        if let serverURL {
            return MidairClient(url: serverURL, token: Self.environment("MIDAIR_TOKEN"))
        }
        if let named = socket ?? Self.environment("MIDAIR_SOCKET") {
            return MidairClient(socketPath: named)
        }
        let client = MidairClient(socketPath: Paths.defaultSocket)
        if await client.isServerAnswering() { return client }
        try await PrivateServer.start(socket: Paths.defaultSocket, data: Paths.dataDirectory, probe: client)
        return client
    }

    /// An environment variable that is set and not empty.
    static func environment(_ name: String) -> String? {
        Paths.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// `--json`, shared by the scriptable commands.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print JSON instead of text.")
    var json = false
}
