import Hummingbird
import MidairCore

/// The `text/event-stream` framing of change events (WHATWG HTML, "Server-sent
/// events"): the revision is the event id, so a client that reconnects with
/// `Last-Event-ID` resumes right after the last event it saw. Presence and
/// lock events carry no id: they are not revisions, and an event without an
/// `id:` leaves the client's last event id as it was.
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

    /// A presence or lock event.
    static func frame(_ notice: ServerEvent) -> ByteBuffer {
        var buffer = ByteBuffer()
        var json: ByteBuffer
        switch notice {
        case .record(let change):
            return frames([change])
        case .presence(let presence):
            buffer.writeString("event: \(ServerEvent.presenceType)\ndata: ")
            json = JSONBody.encode(presence)
        case .lock(let lock):
            buffer.writeString("event: \(ServerEvent.lockType)\ndata: ")
            json = JSONBody.encode(lock)
        }
        buffer.writeBuffer(&json)
        buffer.writeString("\n\n")
        return buffer
    }

    /// A comment line: ignored by clients, it keeps idle connections (and
    /// the proxies on the way) from timing out.
    static func comment(_ text: String) -> ByteBuffer {
        ByteBuffer(string: ": \(text)\n\n")
    }
}
