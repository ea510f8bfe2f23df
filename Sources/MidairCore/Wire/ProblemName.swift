/// The problems the v1 API answers with, named as DESIGN.md names them.
///
/// Server and client share these names so that the `type` of an RFC 9457
/// problem written by one is recognised by the other, whatever base URI it
/// carries.
public enum ProblemName: String, Sendable, Hashable, CaseIterable {
    case badRequest = "bad-request"
    case unauthenticated = "unauthenticated"
    case notFound = "not-found"
    case methodNotAllowed = "method-not-allowed"
    case editConflict = "edit-conflict"
    case alreadyExists = "already-exists"
    case hasDependents = "has-dependents"
    case idempotencyKeyInUse = "idempotency-key-in-use"
    case gone = "gone"
    case preconditionFailed = "precondition-failed"
    case payloadTooLarge = "payload-too-large"
    case invalid = "invalid"
    case idempotencyKeyReused = "idempotency-key-reused"
    case locked = "locked"
    case preconditionRequired = "precondition-required"
    case internalError = "internal-error"
    case unavailable = "unavailable"

    /// Where problem types live; a problem's `type` is this plus its name.
    public static let typeBase = "https://midair.dev/problems/"

    /// The `type` member of a problem of this name.
    public var type: String { Self.typeBase + rawValue }

    /// The name a `type` ends in, whatever its base, or nil for a type
    /// this version does not know.
    public init?(type: String) {
        let last = type.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? type
        self.init(rawValue: last)
    }

    /// The HTTP status this problem is answered with.
    public var status: Int {
        switch self {
        case .badRequest: 400
        case .unauthenticated: 401
        case .notFound: 404
        case .methodNotAllowed: 405
        case .editConflict, .alreadyExists, .hasDependents, .idempotencyKeyInUse: 409
        case .gone: 410
        case .preconditionFailed: 412
        case .payloadTooLarge: 413
        case .invalid, .idempotencyKeyReused: 422
        case .locked: 423
        case .preconditionRequired: 428
        case .internalError: 500
        case .unavailable: 503
        }
    }

    /// A short, fixed summary for the `title` member.
    public var title: String {
        switch self {
        case .badRequest: "The request is malformed"
        case .unauthenticated: "Who you are could not be established"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed here"
        case .editConflict: "The record changed since the version you edited"
        case .alreadyExists: "A record with this value already exists"
        case .hasDependents: "Other records refer to this record"
        case .idempotencyKeyInUse: "A request with this idempotency key is still in progress"
        case .gone: "These events are no longer kept"
        case .preconditionFailed: "The record already exists"
        case .payloadTooLarge: "The request or record is too large"
        case .invalid: "The record is not valid"
        case .idempotencyKeyReused: "The idempotency key was used for a different request"
        case .locked: "The record is locked by someone else"
        case .preconditionRequired: "This request needs a precondition"
        case .internalError: "The server failed to answer"
        case .unavailable: "The server cannot answer now"
        }
    }
}
