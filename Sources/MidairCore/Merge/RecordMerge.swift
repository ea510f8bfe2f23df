extension RecordMerge {
    /// Field-level three-way merge of a record.
    ///
    /// Each field takes the side that changed it; both sides changing it the
    /// same way is fine. Both changing it differently is a line-level merge
    /// for multiline fields (only overlapping lines conflict) and a conflict
    /// for other kinds. A field, or the record (a nil side), deleted on one
    /// side and edited on the other is a `deletedVsEdited` conflict. Hunks
    /// with one side changed start settled to that side.
    ///
    /// Fields come in schema order, then any the schema does not name.
    public init(base: Fields?, yours: Fields?, theirs: Fields?, schema: CollectionSchema) {
        var names = schema.fields.map(\.name)
        var known = Set(names)
        for record in [yours, theirs, base] {
            for name in record?.keys ?? [] where known.insert(name).inserted { names.append(name) }
        }
        var hunks: [MergeHunk] = []
        var deletedBy: MergeSide?
        var y = yours, t = theirs
        if let base, (yours == nil) != (theirs == nil) {
            // The deleting side leaves each field as it was, so the editing
            // side's changes show (and merge) field by field.
            deletedBy = yours == nil ? .yours : .theirs
            let edited = (yours ?? theirs) != base
            let kind: HunkKind =
                edited ? .deletedVsEdited(deletedBy: deletedBy!) : deletedBy == .yours ? .yoursOnly : .theirsOnly
            hunks.append(Self.hunk(nil, nil, kind, 0..<0, 0..<0, 0..<0))
            if deletedBy == .yours { y = base } else { t = base }
        } else if yours == nil && theirs == nil {
            hunks.append(Self.hunk(nil, nil, .bothSame, 0..<0, 0..<0, 0..<0))
        }
        var fields: [FieldVersions] = []
        for name in names {
            let versions = FieldVersions(
                name: name, kind: schema.field(name)?.kind ?? .text, base: base?[name].map(TextLines.init),
                yours: y?[name].map(TextLines.init), theirs: t?[name].map(TextLines.init))
            hunks += Self.hunks(of: versions, index: fields.count)
            fields.append(versions)
        }
        self.init(fields: fields, hunks: hunks, recordDeletedBy: deletedBy)
    }

    private static func hunk(
        _ name: String?, _ index: Int?, _ kind: HunkKind, _ base: Range<Int>, _ yours: Range<Int>, _ theirs: Range<Int>
    ) -> MergeHunk {
        let settled: Resolution? =
            switch kind {
            case .unchanged, .yoursOnly, .bothSame: .yours
            case .theirsOnly: .theirs
            case .conflict, .deletedVsEdited: nil
            }
        return MergeHunk(
            field: name, fieldIndex: index, kind: kind, base: base, yours: yours, theirs: theirs, resolution: settled)
    }

    private static func hunks(of v: FieldVersions, index: Int) -> [MergeHunk] {
        let b = v.base?.bytes, y = v.yours?.bytes, t = v.theirs?.bytes
        let all = { (text: TextLines?) in 0..<(text?.count ?? 0) }
        func whole(_ kind: HunkKind) -> [MergeHunk] {
            [hunk(v.name, index, kind, all(v.base), all(v.yours), all(v.theirs))]
        }
        if y == t { return whole(y == b ? .unchanged : .bothSame) }
        if v.kind.isMultiline, let yours = v.yours, let theirs = v.theirs {
            return ThreeWayMerge.regions(base: v.base ?? TextLines(bytes: []), yours: yours, theirs: theirs).map {
                hunk(v.name, index, $0.kind, $0.base, $0.yours, $0.theirs)
            }
        }
        if y == b { return whole(.theirsOnly) }
        if t == b { return whole(.yoursOnly) }
        if y == nil { return whole(.deletedVsEdited(deletedBy: .yours)) }
        if t == nil { return whole(.deletedVsEdited(deletedBy: .theirs)) }
        return whole(.conflict)
    }
}
