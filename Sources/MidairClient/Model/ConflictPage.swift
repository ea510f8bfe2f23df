import MidairCore

/// One page of the conflict log.
public struct ConflictPage: Sendable, Hashable, Codable {
    public var conflicts: [ConflictEntry]
    /// The `since` of the next page, when there may be one.
    public var next: Int64?

    public init(conflicts: [ConflictEntry], next: Int64?) {
        self.conflicts = conflicts
        self.next = next
    }
}
