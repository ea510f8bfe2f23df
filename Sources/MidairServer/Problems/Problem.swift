import Hummingbird
import MidairCore

/// An RFC 9457 problem: what every failure of the API is answered with.
///
/// Handlers throw it; `ProblemMiddleware` turns anything else into one too,
/// so no route can answer an error that is not `application/problem+json`.
struct Problem: Error, Sendable {
    var name: ProblemName
    var detail: String
    /// Extension members, encoded next to `type`, `title`, `status` and
    /// `detail` (for an edit conflict: `current`, `your_revision`, ...).
    var members: (any Encodable & Sendable)?
    /// Headers the answer carries besides its content type (`ETag`, `Allow`).
    var headers: HTTPFields

    init(_ name: ProblemName, _ detail: String, members: (any Encodable & Sendable)? = nil, headers: HTTPFields = [:]) {
        self.name = name
        self.detail = detail
        self.members = members
        self.headers = headers
    }

    var status: HTTPResponse.Status { .init(code: name.status) }

    func response() -> Response {
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        return JSONBody.response(status, ProblemDocument(problem: self), headers: headers)
    }
}

/// The JSON shape of a problem: the standard members, then the extension
/// members in the same object.
private struct ProblemDocument: Encodable {
    let problem: Problem

    enum Key: String, CodingKey { case type, title, status, detail }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(problem.name.type, forKey: .type)
        try c.encode(problem.name.title, forKey: .title)
        try c.encode(problem.name.status, forKey: .status)
        try c.encode(problem.detail, forKey: .detail)
        try problem.members?.encode(to: encoder)
    }
}

extension Problem {
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, detail) }

    static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail) }

    static func unknownCollection(_ name: String) -> Problem {
        Problem(.notFound, "there is no collection '\(name)'")
    }
}
