import Hummingbird
import HummingbirdCore

/// Reading query parameters strictly: a malformed number is a 400 that says
/// what was expected, never a silent default.
enum Query {
    /// The whole number `name`, or nil when the query does not have it.
    static func integer<T: FixedWidthInteger>(
        _ query: FlatDictionary<Substring, Substring>, _ name: Substring, in range: ClosedRange<T>
    ) throws -> T? {
        guard let text = query[name] else { return nil }
        guard let number = T(text), range.contains(number) else {
            let bound = range.upperBound == T.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            throw Problem.badRequest("\(name) must be a whole number \(bound); got '\(text)'")
        }
        return number
    }
}
