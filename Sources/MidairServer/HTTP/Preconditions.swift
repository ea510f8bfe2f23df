import Hummingbird
import MidairCore

/// The conditional headers of a request, read strictly: a write must say
/// which version it is based on, in a form that cannot be misread.
enum Preconditions {
    /// What a PUT asks for: replace the version at a revision, or create
    /// only if absent.
    enum Replace {
        case ifMatch(Int64)
        case ifNoneMatchAny
    }

    /// The precondition of a PUT; throws 428 when it has none.
    static func replace(_ headers: HTTPFields) throws -> Replace {
        let ifMatch = headers[values: .ifMatch]
        let ifNoneMatch = headers[values: .ifNoneMatch]
        switch (ifMatch.isEmpty, ifNoneMatch.isEmpty) {
        case (false, false):
            throw Problem.badRequest("send either If-Match or If-None-Match: *, not both")
        case (false, true):
            return .ifMatch(try revision(ifMatch))
        case (true, false):
            guard ifNoneMatch.count == 1, ifNoneMatch[0].trimmingWhitespace() == "*" else {
                throw Problem.badRequest("a PUT takes If-None-Match: * (create only if absent), not \(ifNoneMatch.joined(separator: ", "))")
            }
            return .ifNoneMatchAny
        case (true, true):
            throw required("PUT", alternative: " or If-None-Match: * to create")
        }
    }

    /// The revision a DELETE is based on; throws 428 when it names none.
    static func delete(_ headers: HTTPFields) throws -> Int64 {
        let ifMatch = headers[values: .ifMatch]
        guard !ifMatch.isEmpty else { throw required("DELETE", alternative: "") }
        return try revision(ifMatch)
    }

    /// Whether a GET's `If-None-Match` matches `etag` (weak comparison, as
    /// RFC 9110 §13.1.2 asks), so the answer is 304.
    static func notModified(_ headers: HTTPFields, etag: String) -> Bool {
        let tags = headers[values: .ifNoneMatch].flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }
        return tags.contains { tag in
            tag == "*" || (tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag) == etag
        }
    }

    private static func revision(_ values: [String]) throws -> Int64 {
        let tags = values.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace() }
        guard tags.count == 1 else {
            throw Problem.badRequest("If-Match must name exactly one version, like If-Match: \"12\"")
        }
        guard let revision = ETag.revision(tags[0]), revision >= 0 else {
            throw Problem.badRequest("If-Match must be the strong ETag of a version, like \"12\"; got \(tags[0])")
        }
        return revision
    }

    private static func required(_ method: String, alternative: String) -> Problem {
        Problem(
            .preconditionRequired,
            "a \(method) must say which version it is based on: send If-Match with the ETag you read\(alternative)")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
