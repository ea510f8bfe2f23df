import Foundation
import MidairCore
import NIOHTTP1

extension MidairClient {
    /// Every change after revision `since` (nil: from now on), in revision
    /// order, then new ones as they are committed.
    ///
    /// The stream finishes when the server ends it (it shut down) and
    /// throws when the connection fails; either way, follow again with
    /// `since:` the revision of the last event seen. Cancelling the task
    /// that iterates closes the connection.
    public func events(since: Int64? = nil) -> AsyncThrowingStream<ChangeEvent, any Error> {
        let transport = self.transport
        let target = Target.path("/v1/events", query: [("since", since.map(String.init))])
        return AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    let response = try await transport.open(.GET, target, headers: ["Accept": "text/event-stream"])
                    guard response.status == .ok else {
                        let body = try await response.body.collect(upTo: SocketTransport.maxResponseBytes)
                        throw MidairAPIError(status: Int(response.status.code), body: Data(body.readableBytesView))
                    }
                    var parser = EventStreamParser()
                    let decoder = JSONDecoder()
                    for try await buffer in response.body {
                        // Other kinds of event (presence, later) are for other readers.
                        for event in parser.feed(buffer.readableBytesView) where ChangeEvent.Kind(rawValue: event.type) != nil {
                            guard let change = try? decoder.decode(ChangeEvent.self, from: Data(event.data.utf8)) else {
                                throw MidairAPIError.unexpectedResponse(status: 200, body: event.data)
                            }
                            continuation.yield(change)
                        }
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: transport.translate(error))
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
