import Foundation

/// Times the server stamps itself (presence and lock events), in the RFC
/// 3339 UTC form the store gives versions.
enum Timestamp {
    static func string(_ date: Date = Date()) -> String {
        date.formatted(.iso8601)
    }
}
