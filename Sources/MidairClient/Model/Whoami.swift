/// Who the server takes you for, and how it knows.
public struct Whoami: Sendable, Hashable, Codable {
    public var user: String
    /// `unix-socket`: the kernel told the server your account.
    public var via: String

    public init(user: String, via: String) {
        self.user = user
        self.via = via
    }
}
