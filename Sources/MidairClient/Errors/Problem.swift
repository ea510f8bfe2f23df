import MidairCore

/// The standard members of an RFC 9457 problem, as the server sent them.
public struct Problem: Sendable, Hashable, Codable, CustomStringConvertible {
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String

    public init(type: String, title: String, status: Int, detail: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decodeIfPresent(String.self, forKey: .type) ?? "about:blank"
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? ""
        status = try c.decode(Int.self, forKey: .status)
        detail = try c.decodeIfPresent(String.self, forKey: .detail) ?? title
    }

    /// The problem's name, when this version of midair knows it.
    public var name: ProblemName? { ProblemName(type: type) }

    public var description: String {
        "\(status) \(name?.rawValue ?? type): \(detail.isEmpty ? title : detail)"
    }
}
