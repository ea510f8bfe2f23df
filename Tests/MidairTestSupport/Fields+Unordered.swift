import Collections
import MidairCore

extension OrderedDictionary<String, String> {
    /// The fields without their order, to compare contents: JSON objects
    /// do not carry the order of their members.
    public var unordered: [String: String] {
        Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) })
    }
}
