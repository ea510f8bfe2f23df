import Logging

/// How a server listens and what it accepts.
public struct ServerConfiguration: Sendable {
    /// The unix socket the server listens on.
    public var socketPath: String
    /// When set, the socket is 0660 and owned by this group, so its members
    /// can connect too; otherwise it is 0600, for its owner only.
    public var group: String?
    /// A TCP address to listen on as well, where callers authenticate with
    /// bearer tokens instead of the kernel's word.
    public var listen: ListenAddress?
    /// When set, the server stops gracefully once it has had no connection
    /// for this long (a private server started on demand goes away again).
    public var idleExit: Duration?
    /// How long presence lasts without a heartbeat.
    public var presenceTTL: Duration
    /// The largest request body accepted; larger ones are answered 413.
    public var maxBodyBytes: Int
    /// How often an idle event stream gets a comment, so neither end takes
    /// the quiet for a dead connection.
    public var keepaliveInterval: Duration
    public var logger: Logger

    public static let defaultMaxBodyBytes = 1 << 20
    /// Three missed heartbeats of a client that sends one every 10 s.
    public static let defaultPresenceTTL = Duration.seconds(30)

    public init(
        socketPath: String,
        group: String? = nil,
        listen: ListenAddress? = nil,
        idleExit: Duration? = nil,
        presenceTTL: Duration = defaultPresenceTTL,
        maxBodyBytes: Int = defaultMaxBodyBytes,
        keepaliveInterval: Duration = .seconds(15),
        logger: Logger = Logger(label: "midair.server")
    ) {
        self.socketPath = socketPath
        self.group = group
        self.listen = listen
        self.idleExit = idleExit
        self.presenceTTL = presenceTTL
        self.maxBodyBytes = maxBodyBytes
        self.keepaliveInterval = keepaliveInterval
        self.logger = logger
    }
}
