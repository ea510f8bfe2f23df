import MidairCore

/// The browser: the collections on the left, the records of the chosen
/// one on the right, kept current by the event stream.
public struct BrowserState: Sendable {
    public var collections: [String] = []
    public var collection = 0
    public var records: [RecordSummary] = []
    public var loading = true
    /// The selected row among the records the filter lets through.
    public var selected = 0
    public var filter = ""
    /// Typing goes to the filter.
    public var filtering = false
    /// The keys move in the collections rather than the records.
    public var inCollections = false

    public init() {}

    public var currentCollection: String? { collections[safe: collection] }

    /// The records the filter lets through: those whose id or title holds it.
    public var visible: [RecordSummary] {
        guard !filter.isEmpty else { return records }
        return records.filter { $0.id.localizedCaseInsensitiveContains(filter) || $0.title.localizedCaseInsensitiveContains(filter) }
    }

    public var selectedRecord: RecordSummary? { visible[safe: selected] }

    var takesText: Bool { filtering }

    func key(of summary: RecordSummary) -> RecordKey? {
        currentCollection.map { RecordKey(collection: $0, id: summary.id) }
    }
}

public enum BrowserAction: Sendable {
    case delete(RecordKey, ifMatch: Int64)
}

public enum BrowserReply: Sendable, Hashable {
    case listed(collection: String)
    case deleted(RecordKey)
}
