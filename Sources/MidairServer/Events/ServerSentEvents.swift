import Hummingbird
import MidairCore

/// The `text/event-stream` framing of change events (WHATWG HTML, "Server-sent
/// events"): the revision is the event id, so a client that reconnects with
/// `Last-Event-ID` resumes right after the last event it saw.
enum ServerSentEvents {
    static let contentType = "text/event-stream"

    /// Events as one buffer, so a batch is written in one go.
    static func frames(_ events: [ChangeEvent]) -> ByteBuffer {
        var buffer = ByteBuffer()
        for event in events {
            buffer.writeString("id: \(event.revision)\nevent: \(event.kind.rawValue)\ndata: ")
            var json = JSONBody.encode(event)
            buffer.writeBuffer(&json)
            buffer.writeString("\n\n")
        }
        return buffer
    }

    /// A comment line: ignored by clients, it keeps idle connections (and
    /// the proxies on the way) from timing out.
    static func comment(_ text: String) -> ByteBuffer {
        ByteBuffer(string: ": \(text)\n\n")
    }
}
