/// A record's address: collection and id, as `midair edit C/ID` takes it.
public struct RecordKey: Sendable, Hashable, Codable, CustomStringConvertible {
    public var collection: String
    public var id: String

    public init(collection: String, id: String) {
        self.collection = collection
        self.id = id
    }

    /// Parses `C/ID`.
    public init?(_ path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
        self.init(collection: String(parts[0]), id: String(parts[1]))
    }

    public var description: String { "\(collection)/\(id)" }
}
