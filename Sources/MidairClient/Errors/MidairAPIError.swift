import Foundation
import MidairCore

/// A request the server answered with a problem, decoded into what a
/// caller acts on: the current record to merge with, the record that holds
/// the value, the records that depend on this one, the invalid fields.
public enum MidairAPIError: Error, Sendable, Hashable {
    /// Your `If-Match` was stale: merge with `current` and save against it.
    case editConflict(EditConflict)
    case alreadyExists(AlreadyExists)
    case hasDependents(HasDependents)
    case notFound(String)
    case preconditionRequired(String)
    /// `If-None-Match: *` and the record exists (here when the server sent it).
    case preconditionFailed(Record?)
    case invalid([ValidationError])
    case idempotencyKeyInUse(String)
    case idempotencyKeyReused(String)
    case payloadTooLarge(String)
    case badRequest(String)
    /// The events asked for are no longer kept: reload, then follow again.
    case gone(String)
    /// Someone else holds a lock on the record: `problem.lock` says who and
    /// until when; wait for then (or for a `lock` event saying it was
    /// released), and retry.
    case locked(Problem)
    /// Any other problem, as sent.
    case other(Problem)
    /// An answer that is not the API's (a non-JSON body, an unknown shape).
    case unexpectedResponse(status: Int, body: String)

    /// Decodes the problem in `body`, answered with `status`.
    init(status: Int, body: Data) {
        let decoder = JSONDecoder()
        guard let problem = try? decoder.decode(Problem.self, from: body) else {
            self = .unexpectedResponse(status: status, body: String(decoding: body.prefix(512), as: UTF8.self))
            return
        }
        func members<T: Decodable>(_ type: T.Type) -> T? { try? decoder.decode(type, from: body) }
        let decoded: MidairAPIError? = switch problem.name {
        case .editConflict: members(EditConflict.self).map(MidairAPIError.editConflict)
        case .alreadyExists: members(AlreadyExists.self).map(MidairAPIError.alreadyExists)
        case .hasDependents: members(HasDependents.self).map(MidairAPIError.hasDependents)
        case .notFound: .notFound(problem.detail)
        case .preconditionRequired: .preconditionRequired(problem.detail)
        case .preconditionFailed: .preconditionFailed(members(CurrentRecord.self)?.current)
        case .invalid: members(ValidationErrors.self).map { .invalid($0.errors) }
        case .idempotencyKeyInUse: .idempotencyKeyInUse(problem.detail)
        case .idempotencyKeyReused: .idempotencyKeyReused(problem.detail)
        case .payloadTooLarge: .payloadTooLarge(problem.detail)
        case .badRequest: .badRequest(problem.detail)
        case .gone: .gone(problem.detail)
        case .locked: .locked(problem)
        default: nil
        }
        self = decoded ?? .other(problem)
    }

    /// The problem name, for callers that only branch on the kind.
    public var problemName: ProblemName? {
        switch self {
        case .editConflict: .editConflict
        case .alreadyExists: .alreadyExists
        case .hasDependents: .hasDependents
        case .notFound: .notFound
        case .preconditionRequired: .preconditionRequired
        case .preconditionFailed: .preconditionFailed
        case .invalid: .invalid
        case .idempotencyKeyInUse: .idempotencyKeyInUse
        case .idempotencyKeyReused: .idempotencyKeyReused
        case .payloadTooLarge: .payloadTooLarge
        case .badRequest: .badRequest
        case .gone: .gone
        case .locked: .locked
        case .other(let problem): problem.name
        case .unexpectedResponse: nil
        }
    }
}

extension MidairAPIError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .editConflict(let c):
            let who = c.current.deleted
                ? "deleted by \(c.current.updatedBy) at \(c.current.updatedAt)"
                : "saved as version \(c.current.version) by \(c.current.updatedBy) at \(c.current.updatedAt)"
            let fields = c.changedFields.isEmpty ? "" : " (changed: \(c.changedFields.joined(separator: ", ")))"
            return "\(c.current.collection)/\(c.current.id) changed since you read it: \(who)\(fields)"
        case .alreadyExists(let e):
            return e.field == "id"
                ? "\(e.existing.collection)/\(e.existing.id) already exists"
                : "\(e.existing.collection)/\(e.existing.id) already has \(e.field) '\(e.value)'"
        case .hasDependents(let d):
            let shown = d.dependents.map { "\($0.collection)/\($0.id)" }.joined(separator: ", ")
            let more = d.total > d.dependents.count ? " and \(d.total - d.dependents.count) more" : ""
            return "\(d.total) record(s) refer to it: \(shown)\(more)"
        case .notFound(let detail), .preconditionRequired(let detail), .idempotencyKeyInUse(let detail),
             .idempotencyKeyReused(let detail), .payloadTooLarge(let detail), .badRequest(let detail), .gone(let detail):
            return detail
        case .preconditionFailed(let current):
            return current.map { "\($0.collection)/\($0.id) already exists" } ?? "the record already exists"
        case .invalid(let errors):
            return "invalid: " + errors.map(\.description).joined(separator: "; ")
        case .locked(let problem):
            guard let lock = problem.lock else { return problem.description }
            return "\(lock.collection)/\(lock.id) is locked by \(lock.holder) until \(lock.expiresAt)"
        case .other(let problem):
            return problem.description
        case .unexpectedResponse(let status, let body):
            return "unexpected answer \(status) from the server: \(body)"
        }
    }
}

/// The extension member of a 412.
struct CurrentRecord: Decodable {
    var current: Record
}
