import Foundation
import MidairCore

/// The versions of a record, newest first, and any two of them side by
/// side: the chosen one against the marked one (or the one before it).
public struct HistoryState: Sendable {
    public var key: RecordKey
    /// Newest first.
    public var entries: [HistoryEntry] = []
    public var selected = 0
    /// The version on the left of the comparison, when one is marked.
    public var marked: Int?
    /// Snapshots fetched so far, by version.
    public var snapshots: [Int: Record] = [:]
    public var loading = true
    /// The comparison has the keys (it scrolls) rather than the list.
    public var inComparison = false
    public var scroll = 0
    /// The rows of the comparison, once both snapshots are in; built when
    /// what is compared changes, not on every key or frame.
    public private(set) var comparison: SideBySideRows?
    private var compared: Compared?

    /// What `comparison` shows: the versions, and the field order.
    private struct Compared: Hashable {
        var left: Int?
        var right: Int
        var order: [String]
    }

    static func open(_ key: RecordKey) -> (HistoryState, [Command]) {
        (HistoryState(key: key), [.run(.call(.history(key), reply: .history(.entries)))])
    }

    public var chosen: HistoryEntry? { entries[safe: selected] }

    /// The versions compared: (left, right).
    public var pair: (left: Int, right: Int)? {
        guard let chosen else { return nil }
        if let marked, marked != chosen.version { return (min(marked, chosen.version), max(marked, chosen.version)) }
        // Newest first: the first older entry is the version just before.
        guard let previous = entries.first(where: { $0.version < chosen.version }) else {
            return nil
        }
        return (previous.version, chosen.version)
    }

    /// Builds the comparison again when the versions compared (or the
    /// schema's order) changed: the chosen one against the marked one or
    /// the one before it, or against nothing when it is the first.
    mutating func refreshComparison(_ env: Env) {
        guard let chosen else {
            (comparison, compared) = (nil, nil)
            return
        }
        let wanted = Compared(left: pair?.left, right: pair?.right ?? chosen.version,
                              order: env.schema?.collection(key.collection)?.fields.map(\.name) ?? [])
        guard wanted != compared else { return }
        let right = snapshots[wanted.right]
        // The first version is compared with nothing; else both must be in.
        let left: Fields? = if let version = wanted.left { snapshots[version]?.fields } else { [:] }
        guard let right, let left else {
            (comparison, compared) = (nil, nil)
            return
        }
        comparison = SideBySideRows(left: left, right: right.fields, order: wanted.order)
        compared = wanted
    }
}

public enum HistoryAction: Sendable {
    case restore(version: Int)
}

public enum HistoryReply: Sendable, Hashable {
    case entries
    case version(Int)
    case restored(version: Int)
}
