import Foundation
import MidairCore
import NIOHTTP1

extension MidairClient {
    /// Every change after revision `since` (nil: from now on), in revision
    /// order, then new ones as they are committed.
    ///
    /// The stream finishes when the server ends it (it shut down) and
    /// throws when the connection fails; either way, follow again with
    /// `since:` the revision of the last event seen (or use `follow`, which
    /// does). Cancelling the task that iterates closes the connection.
    public func events(since: Int64? = nil) -> AsyncThrowingStream<ChangeEvent, any Error> {
        stream { yield in
            try await readEvents(since: since, opened: { _ in }) { event in
                if case .record(let change) = event { yield(change) }
            }
        }
    }

    /// Like `events(since:)`, with presence and lock events interleaved
    /// as they happen (a stream starts with everyone present now).
    public func serverEvents(since: Int64? = nil) -> AsyncThrowingStream<ServerEvent, any Error> {
        stream { yield in
            try await readEvents(since: since, opened: { _ in }, yield)
        }
    }

    /// Opens `/v1/events` and hands over each event until the server ends
    /// the stream. `opened` gets the revision the stream starts after.
    func readEvents(
        since: Int64?, opened: (Int64?) -> Void, _ yield: (ServerEvent) -> Void
    ) async throws {
        do {
            let target = Target.path("/v1/events", query: [("since", since.map(String.init))])
            let response = try await transport.open(.GET, target, headers: ["Accept": "text/event-stream"])
            guard response.status == .ok else {
                let body = try await response.body.collect(upTo: Transport.maxResponseBytes)
                throw MidairAPIError(status: Int(response.status.code), body: Data(body.readableBytesView))
            }
            opened(response.headers.first(name: ServerEvent.startRevisionHeader).flatMap { Int64($0) })
            var parser = EventStreamParser()
            for try await buffer in response.body {
                for frame in parser.feed(buffer.readableBytesView) {
                    if let event = try ServerEvent(frame) { yield(event) }
                }
            }
        } catch {
            throw transport.translate(error)
        }
    }

    /// An `AsyncThrowingStream` fed by `body` in a task of its own, which
    /// ends (closing the connection) when the consumer stops iterating.
    private func stream<T: Sendable>(
        _ body: @escaping @Sendable (_ yield: (T) -> Void) async throws -> Void
    ) -> AsyncThrowingStream<T, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    try await body { continuation.yield($0) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

extension ServerEvent {
    /// The event an SSE frame carries; nil for a type this version does
    /// not know (a newer server's), which a reader skips.
    init?(_ frame: EventStreamParser.Event) throws {
        let decoder = JSONDecoder()
        let data = Data(frame.data.utf8)
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try decoder.decode(type, from: data)
            } catch {
                throw MidairAPIError.unexpectedResponse(status: 200, body: frame.data)
            }
        }
        switch frame.type {
        case ServerEvent.presenceType: self = .presence(try decode(PresenceEvent.self))
        case ServerEvent.lockType: self = .lock(try decode(LockEvent.self))
        case let type where ChangeEvent.Kind(rawValue: type) != nil: self = .record(try decode(ChangeEvent.self))
        default: return nil
        }
    }
}
