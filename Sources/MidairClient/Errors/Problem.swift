import MidairCore

/// The standard members of an RFC 9457 problem, as the server sent them.
public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// The `lock` member of a 423 `locked`: who holds the record and until when.
    public var lock: LockInfo?

    public init(type: String, title: String, status: Int, detail: String, lock: LockInfo? = nil) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
        self.lock = lock
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "about:blank"
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        status = try c.decode(Int.self, forKey: .status)
        detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? title
        lock = try? c.decodeIfPresent(LockInfo.self, forKey: .lock)
    }

    /// The problem's name, when this version of midair knows it.
    public var name: ProblemName? { ProblemName(type: type) }

    public var description: String {
        "\(status) \(name?.rawValue ?? type): \(detail.isEmpty ? title : detail)"
    }
}
