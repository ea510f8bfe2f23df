import Foundation

/// Request targets (path and query), with each part percent-encoded so
/// that whatever a caller passes stays one path segment or one value.
enum Target {
    static func records(_ collection: String, _ id: String? = nil) -> String {
        "/v1/records/" + escape(collection) + (id.map { "/" + escape($0) } ?? "")
    }

    /// `path` with the query parameters that have a value.
    static func path(_ path: String, query: [(String, String?)]) -> String {
        let pairs = query.compactMap { name, value in value.map { "\(name)=\(escape($0))" } }
        return pairs.isEmpty ? path : path + "?" + pairs.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
