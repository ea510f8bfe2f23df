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

    static func open(_ key: RecordKey) -> (HistoryState, [Command]) {
        (HistoryState(key: key), [.run(.call(.history(key), reply: .history(.entries)))])
    }

    public var chosen: HistoryEntry? { entries[safe: selected] }

    /// The versions compared: (left, right).
    public var pair: (left: Int, right: Int)? {
        guard let chosen else { return nil }
        if let marked, marked != chosen.version { return (min(marked, chosen.version), max(marked, chosen.version)) }
        guard let previous = entries.last(where: { $0.version < chosen.version }) ?? entries.first(where: { $0.version < chosen.version }) else {
            return nil
        }
        return (previous.version, chosen.version)
    }

    /// The rows of the comparison, once both snapshots are in.
    func comparison(_ env: Env) -> SideBySideRows? {
        guard let chosen else { return nil }
        let order = env.schema?.collection(key.collection)?.fields.map(\.name) ?? []
        guard let pair else {
            return snapshots[chosen.version].map { SideBySideRows(left: [:], right: $0.fields, order: order) }
        }
        guard let left = snapshots[pair.left], let right = snapshots[pair.right] else { return nil }
        return SideBySideRows(left: left.fields, right: right.fields, order: order)
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
