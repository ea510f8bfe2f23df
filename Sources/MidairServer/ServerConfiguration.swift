import Logging

/// How a server listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The unix socket the server listens on.
    public var socketPath: String
    /// When set, the socket is 0660 and owned by this group, so its members
    /// can connect too; otherwise it is 0600, for its owner only.
    public var group: String?
    /// The largest request body accepted; larger ones are answered 413.
    public var maxBodyBytes: Int
    /// How often an idle event stream gets a comment, so neither end takes
    /// the quiet for a dead connection.
    public var keepaliveInterval: Duration
    public var logger: Logger

    public static let defaultMaxBodyBytes = 1 << 20

    public init(
        socketPath: String,
        group: String? = nil,
        maxBodyBytes: Int = defaultMaxBodyBytes,
        keepaliveInterval: Duration = .seconds(15),
        logger: Logger = Logger(label: "midair.server")
    ) {
        self.socketPath = socketPath
        self.group = group
        self.maxBodyBytes = maxBodyBytes
        self.keepaliveInterval = keepaliveInterval
        self.logger = logger
    }
}
