import Foundation

/// Times as people read them in a list: "just now", "5 min ago", "3 h ago",
/// then the date (UTC, as the server writes it).
enum RelativeTime {
    static func describe(_ rfc3339: String, now: Date) -> String {
        guard let date = parse(rfc3339) else { return rfc3339 }
        return describe(date, now: now)
    }

    static func describe(_ date: Date, now: Date) -> String {
        let seconds = now.timeIntervalSince(date)
        switch seconds {
        case ..<(-60): return absolute(date)
        case ..<60: return "just now"
        case ..<3600: return "\(Int(seconds / 60)) min ago"
        case ..<86400: return "\(Int(seconds / 3600)) h ago"
        default: return absolute(date)
        }
    }

    /// How long until `rfc3339`: "40 s", "4 min", "2 h"; nil once it passed.
    static func left(until rfc3339: String, now: Date) -> String? {
        guard let date = parse(rfc3339) else { return nil }
        let seconds = Int(date.timeIntervalSince(now).rounded(.up))
        switch seconds {
        case ...0: return nil
        case ..<60: return "\(seconds) s"
        case ..<3600: return "\(seconds / 60) min"
        default: return "\(seconds / 3600) h"
        }
    }

    /// `2025-03-01`, in UTC as the server writes times.
    static func absolute(_ date: Date) -> String {
        String(date.formatted(.iso8601).prefix(10))
    }

    static func parse(_ text: String) -> Date? {
        let withFraction = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
        return (try? withFraction.parse(text)) ?? (try? Date.ISO8601FormatStyle().parse(text))
    }
}
