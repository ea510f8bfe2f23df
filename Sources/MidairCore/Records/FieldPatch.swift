/// Changes to some fields of a record, to be put onto whatever version is
/// current: the "set these fields" of a script, as opposed to a full edit.
public struct FieldPatch: Sendable, Hashable {
    public var changes: Fields

    public init(_ changes: Fields) { self.changes = changes }

    /// The fields this patch sets that `conflict` says were changed meanwhile
    /// to something other than what the patch sets. When there are none, the
    /// patch can go onto `conflict.current` without losing anyone's change.
    public func clashes(with conflict: EditConflict) -> [String] {
        conflict.changedFields.filter { name in
            guard let mine = changes[name] else { return false }
            return conflict.current.fields[name] != mine
        }
    }

    /// `record`'s fields with this patch applied.
    public func applied(to record: Record) -> Fields {
        record.fields.merging(changes) { $1 }
    }
}
