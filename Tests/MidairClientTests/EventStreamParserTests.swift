@testable import MidairClient
import Testing

@Suite("text/event-stream parsing")
struct EventStreamParserTests {
    @Test func eventsSplitAcrossChunksAndLineEndings() {
        let stream = ": hello\n\nid: 1\nevent: created\ndata: {\"a\":1}\n\nid: 2\r\nevent: updated\r\ndata: x\r\ndata: y\r\n\r\n:keepalive\n\ndata:z\n\n"
        let bytes = Array(stream.utf8)
        for size in [1, 2, 3, 7, bytes.count] {
            var parser = EventStreamParser()
            var events: [EventStreamParser.Event] = []
            var index = 0
            while index < bytes.count {
                events += parser.feed(bytes[index..<min(index + size, bytes.count)])
                index += size
            }
            #expect(events == [
                .init(id: "1", type: "created", data: "{\"a\":1}"),
                .init(id: "2", type: "updated", data: "x\ny"),
                .init(id: nil, type: "message", data: "z"),
            ], "chunks of \(size)")
        }
    }

    @Test func anUnfinishedEventIsNotDelivered() {
        var parser = EventStreamParser()
        #expect(parser.feed(Array("id: 1\ndata: partial\n".utf8)).isEmpty)
    }
}
