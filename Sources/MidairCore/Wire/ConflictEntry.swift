/// One 409 the server answered, as the conflict log keeps it.
public struct ConflictEntry: Sendable, Hashable, Codable {
    public var seq: Int64
    public var at: String
    public var user: String
    /// The problem name: edit-conflict, already-exists, has-dependents, idempotency-key-in-use.
    public var kind: String
    public var collection: String
    public var id: String
    /// The revision the client wrote against, when it sent one.
    public var yourRevision: Int64?
    public var currentRevision: Int64?
    public var currentVersion: Int?
    /// Fields involved: those changed meanwhile, or the unique field taken.
    public var fields: [String]

    public init(seq: Int64, at: String, conflict: NewConflict) {
        self.seq = seq
        self.at = at
        self.user = conflict.user
        self.kind = conflict.kind
        self.collection = conflict.collection
        self.id = conflict.id
        self.yourRevision = conflict.yourRevision
        self.currentRevision = conflict.currentRevision
        self.currentVersion = conflict.currentVersion
        self.fields = conflict.fields
    }

    enum CodingKeys: String, CodingKey {
        case seq, at, user, kind, collection, id, fields
        case yourRevision = "your_revision"
        case currentRevision = "current_revision"
        case currentVersion = "current_version"
    }
}

/// A conflict about to be logged; the store adds the sequence number and time.
public struct NewConflict: Sendable, Hashable {
    public var user: String
    public var kind: String
    public var collection: String
    public var id: String
    public var yourRevision: Int64?
    public var currentRevision: Int64?
    public var currentVersion: Int?
    public var fields: [String]

    public init(user: String, kind: String, collection: String, id: String, yourRevision: Int64? = nil, currentRevision: Int64? = nil, currentVersion: Int? = nil, fields: [String] = []) {
        self.user = user
        self.kind = kind
        self.collection = collection
        self.id = id
        self.yourRevision = yourRevision
        self.currentRevision = currentRevision
        self.currentVersion = currentVersion
        self.fields = fields
    }
}
