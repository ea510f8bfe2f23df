/// The three versions of one field (nil: the field, or the record, is absent).
public struct FieldVersions: Sendable, Hashable {
    public let name: String
    public let kind: FieldKind
    public let base: TextLines?
    public let yours: TextLines?
    public let theirs: TextLines?

    public init(name: String, kind: FieldKind, base: TextLines?, yours: TextLines?, theirs: TextLines?) {
        self.name = name
        self.kind = kind
        self.base = base
        self.yours = yours
        self.theirs = theirs
    }

    public subscript(version: MergeVersion) -> TextLines? {
        switch version {
        case .base: base
        case .yours: yours
        case .theirs: theirs
        }
    }
}

public enum MergeVersion: Sendable, Hashable {
    case base, yours, theirs
}

/// How a hunk was settled.
public enum Resolution: Sendable, Hashable {
    case yours
    case theirs
    case yoursThenTheirs
    case theirsThenYours
    /// Text typed by hand, used as is for the hunk.
    case custom(String)
}

/// One stretch of a record merge: a whole field, part of a multiline field,
/// or (with `field` nil) the record itself when one side deleted it.
public struct MergeHunk: Sendable, Hashable {
    /// The field's name; nil for the record as a whole.
    public let field: String?
    /// Index into `RecordMerge.fields`; nil for the record as a whole.
    public let fieldIndex: Int?
    public let kind: HunkKind
    /// Lines of the field's base, yours and theirs texts this hunk covers.
    public let base: Range<Int>
    public let yours: Range<Int>
    public let theirs: Range<Int>
    /// nil while an unsettled conflict.
    public internal(set) var resolution: Resolution?
}

public struct UnresolvedConflicts: Error, Sendable, Hashable {
    public let count: Int
}

/// The conflict model behind the merge view: the hunks of a record merge in
/// display order, each settled or not, with an undo history.
///
/// A value: copies are cheap (texts are shared byte arrays and hunks are
/// line ranges, whatever the size of a field) and every edit is a mutating
/// method, so the app state can hold it and undo by value as well.
public struct RecordMerge: Sendable {
    public let fields: [FieldVersions]
    public private(set) var hunks: [MergeHunk]
    /// Which side deleted the record, if one did.
    public let recordDeletedBy: MergeSide?
    private var history: [(hunk: Int, previous: Resolution?)] = []

    init(fields: [FieldVersions], hunks: [MergeHunk], recordDeletedBy: MergeSide?) {
        self.fields = fields
        self.hunks = hunks
        self.recordDeletedBy = recordDeletedBy
    }

    /// Conflicts not settled yet; saving needs zero.
    public var remainingConflicts: Int { hunks.count { $0.resolution == nil } }

    /// The first hunk after `index` (from the top when nil) that changes
    /// something, for `n` / `]c`.
    public func nextChange(after index: Int?) -> Int? {
        hunks.indices.first { $0 > (index ?? -1) && hunks[$0].kind.isChange }
    }

    /// The last hunk before `index` (from the bottom when nil) that changes
    /// something, for `p` / `[c`.
    public func previousChange(before index: Int?) -> Int? {
        hunks.indices.last { $0 < (index ?? hunks.count) && hunks[$0].kind.isChange }
    }

    /// The next unsettled conflict after `index`, wrapping around.
    public func nextConflict(after index: Int?) -> Int? {
        let start = min((index ?? -1) + 1, hunks.count)
        let open = { (i: Int) in hunks[i].resolution == nil }
        return (start..<hunks.count).first(where: open) ?? (0..<start).first(where: open)
    }

    /// Settles hunk `index`. Unchanged hunks have nothing to settle.
    public mutating func resolve(_ index: Int, _ resolution: Resolution) {
        guard hunks[index].kind.isChange, hunks[index].resolution != resolution else { return }
        history.append((index, hunks[index].resolution))
        hunks[index].resolution = resolution
    }

    public var canUndo: Bool { !history.isEmpty }

    /// Takes back the last `resolve`; returns the hunk it touched.
    @discardableResult
    public mutating func undo() -> Int? {
        guard let last = history.popLast() else { return nil }
        hunks[last.hunk].resolution = last.previous
        return last.hunk
    }

    /// The lines of hunk `index` in one version, without terminators.
    public func lines(of index: Int, _ version: MergeVersion) -> [String] {
        let h = hunks[index]
        guard let f = h.fieldIndex, let text = fields[f][version] else { return [] }
        let range = version == .base ? h.base : version == .yours ? h.yours : h.theirs
        return range.map { text.line($0) }
    }

    /// What hunk `index` contributes to its field as settled; nil while
    /// unsettled, or when the settled side has no such field.
    public func resolvedText(of index: Int) -> String? {
        guard let r = hunks[index].resolution, let f = hunks[index].fieldIndex else { return nil }
        return piece(hunks[index], r, fields[f]).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The merged fields; nil when the merge deletes the record. Throws
    /// while conflicts remain.
    public func mergedFields() throws(UnresolvedConflicts) -> Fields? {
        let open = remainingConflicts
        if open > 0 { throw UnresolvedConflicts(count: open) }
        var byField = [[MergeHunk]](repeating: [], count: fields.count)
        for h in hunks {
            guard let f = h.fieldIndex else {
                if h.kind == .bothSame || h.resolution.map({ keepsDeletion($0) }) == true { return nil }
                continue
            }
            byField[f].append(h)
        }
        var out = Fields()
        for (f, versions) in fields.enumerated() {
            if let value = merged(byField[f], versions) { out[versions.name] = value }
        }
        return out
    }

    /// Whether settling the record hunk with `r` takes the deleting side.
    private func keepsDeletion(_ r: Resolution) -> Bool {
        (r == .yours && recordDeletedBy == .yours) || (r == .theirs && recordDeletedBy == .theirs)
    }

    private func merged(_ hunks: [MergeHunk], _ versions: FieldVersions) -> String? {
        var bytes: [UInt8] = []
        var present = false
        for h in hunks {
            guard let part = piece(h, h.resolution ?? .yours, versions) else { continue }
            present = true
            append(part, to: &bytes, versions.kind)
        }
        return present ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// The bytes a settled hunk contributes; nil when that side lacks the field.
    private func piece(_ h: MergeHunk, _ r: Resolution, _ versions: FieldVersions) -> [UInt8]? {
        func side(_ v: MergeVersion) -> [UInt8]? {
            guard let text = versions[v] else { return nil }
            return Array(text.bytes[text.byteRange(lines: v == .yours ? h.yours : h.theirs)])
        }
        switch r {
        case .yours: return side(.yours)
        case .theirs: return side(.theirs)
        case .custom(let text): return Array(text.utf8)
        case .yoursThenTheirs, .theirsThenYours:
            let (first, second) = r == .yoursThenTheirs ? (side(.yours), side(.theirs)) : (side(.theirs), side(.yours))
            guard first != nil || second != nil else { return nil }
            var out = first ?? []
            append(second ?? [], to: &out, versions.kind)
            return out
        }
    }

    /// Joins two parts of a field: multiline text keeps whole lines; single
    /// values are put side by side with a space.
    private func append(_ part: [UInt8], to out: inout [UInt8], _ kind: FieldKind) {
        if !out.isEmpty && !part.isEmpty && out.last != 0x0A {
            out.append(kind.isMultiline ? 0x0A : 0x20)
        }
        out += part
    }
}
