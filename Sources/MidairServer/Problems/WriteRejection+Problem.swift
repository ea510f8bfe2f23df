import Hummingbird
import MidairCore
import MidairStore

extension Problem {
    /// The answer to a write the store refused. The extension members are
    /// the Core wire types themselves, so the client decodes them as they are.
    init(_ rejection: WriteRejection) {
        switch rejection {
        case .editConflict(let conflict):
            let current = conflict.current
            let what = current.deleted
                ? "was deleted at version \(current.version) by \(current.updatedBy) at \(current.updatedAt)"
                : "is at version \(current.version) by \(current.updatedBy) at \(current.updatedAt)"
            let fields = conflict.changedFields.isEmpty ? "" : "; changed: \(conflict.changedFields.joined(separator: ", "))"
            self.init(
                .editConflict,
                "\(current.collection)/\(current.id) changed since revision \(conflict.yourRevision): it \(what)\(fields)",
                members: conflict, headers: [.eTag: current.etag])
        case .alreadyExists(let exists):
            let existing = exists.existing
            let detail = exists.field == "id"
                ? "\(existing.collection)/\(existing.id) already exists"
                : "\(existing.collection)/\(existing.id) already has \(exists.field) '\(exists.value)'"
            self.init(.alreadyExists, detail, members: exists)
        case .hasDependents(let dependents):
            let shown = dependents.dependents.prefix(3).map { "\($0.collection)/\($0.id)" }.joined(separator: ", ")
            let more = dependents.total > 3 ? " and \(dependents.total - 3) more" : ""
            self.init(.hasDependents, "\(dependents.total) record(s) refer to it: \(shown)\(more)", members: dependents)
        case .preconditionFailed(let current):
            self.init(
                .preconditionFailed, "\(current.collection)/\(current.id) already exists (If-None-Match: *)",
                members: CurrentRecord(current: current), headers: [.eTag: current.etag])
        case .notFound(let collection, let id):
            self = .notFound("there is no record \(collection)/\(id)")
        case .invalid(let errors):
            self.init(.invalid, errors.errors.map(\.description).joined(separator: "; "), members: errors)
        case .locked(let lock):
            self.init(
                .locked, "\(lock.collection)/\(lock.id) is locked by \(lock.holder) until \(lock.expiresAt); retry after that, or ask them to release it",
                members: LockedRejection(lock), headers: LockHeaders.fields(lock))
        }
    }
}

/// The extension member of a 412: the record that made the precondition fail.
struct CurrentRecord: Encodable, Sendable {
    var current: Record
}
