/// Splits a `text/event-stream` into events (WHATWG HTML, "Server-sent
/// events"): `field: value` lines, an empty line ends an event, lines that
/// start with `:` are comments. Fed bytes as they arrive, in any chunking.
struct EventStreamParser {
    struct Event: Equatable {
        var id: String?
        var type: String = "message"
        var data: String = ""
    }

    private var line: [UInt8] = []
    private var pending = Event()
    private var hasData = false
    private var afterCR = false

    /// Feeds bytes; returns the events they complete.
    mutating func feed(_ bytes: some Sequence<UInt8>) -> [Event] {
        var events: [Event] = []
        for byte in bytes {
            // A line ends with LF, CR or CRLF.
            if afterCR {
                afterCR = false
                if byte == UInt8(ascii: "\n") { continue }
            }
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                afterCR = byte == UInt8(ascii: "\r")
                if let event = endLine() { events.append(event) }
            default:
                line.append(byte)
            }
        }
        return events
    }

    private mutating func endLine() -> Event? {
        defer { line.removeAll(keepingCapacity: true) }
        guard !line.isEmpty else {
            defer { pending = Event(); hasData = false }
            return hasData ? pending : nil
        }
        guard line.first != UInt8(ascii: ":") else { return nil }
        let colon = line.firstIndex(of: UInt8(ascii: ":")) ?? line.endIndex
        let name = String(decoding: line[..<colon], as: UTF8.self)
        var value = line[colon...].dropFirst()
        if value.first == UInt8(ascii: " ") { value = value.dropFirst() }
        let text = String(decoding: value, as: UTF8.self)
        switch name {
        case "id": pending.id = text
        case "event": pending.type = text
        case "data":
            pending.data += hasData ? "\n" + text : text
            hasData = true
        default: break
        }
        return nil
    }
}
