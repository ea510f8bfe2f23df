/// A bearer token as the store lists it: never the token itself.
public struct TokenEntry: Sendable, Hashable, Codable {
    /// A short public name for revoking this token alone.
    public var id: String
    public var user: String
    public var createdAt: String
    /// The last request it authenticated, to the minute; nil when never used.
    public var lastUsedAt: String?

    public init(id: String, user: String, createdAt: String, lastUsedAt: String?) {
        self.id = id
        self.user = user
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, user
        case createdAt = "created_at"
        case lastUsedAt = "last_used_at"
    }
}

/// A token just made: the only time its secret is known outside its holder.
public struct IssuedToken: Sendable, Hashable {
    public var entry: TokenEntry
    public var secret: String
}
