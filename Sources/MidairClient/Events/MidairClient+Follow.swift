import MidairCore

/// What `follow` reports: the events, and the state of the connection, so
/// an app can say "reconnecting in 2 s" in its status line.
public enum FollowUpdate: Sendable, Hashable {
    case event(ServerEvent)
    case status(ConnectionStatus)
}

public enum ConnectionStatus: Sendable, Hashable {
    /// The stream is open; events after the last one seen follow.
    case connected
    /// The connection failed (or the server stopped): the `attempt`th
    /// retry comes `after` this long.
    case reconnecting(attempt: Int, after: Duration, reason: MidairConnectionError)
}

extension Backoff {
    /// Waits between reconnections: soon at first (a restart takes a
    /// moment), then at most every few seconds.
    public static let reconnect = Backoff(base: .milliseconds(200), cap: .seconds(5))
}

extension MidairClient {
    /// Follows `/v1/events` for as long as the consumer iterates, outliving
    /// server restarts: when the connection fails it reports
    /// `.reconnecting`, waits with `backoff`, and resumes right after the
    /// last record change seen, so none is missed or repeated.
    ///
    /// Finishes throwing only for what retrying cannot fix: the events are
    /// no longer kept (`.gone`: reload, then follow again), or the server
    /// refuses us (a revoked token).
    public func follow(since: Int64? = nil, backoff: Backoff = .reconnect) -> AsyncThrowingStream<FollowUpdate, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                var cursor = since
                var attempt = 0
                do {
                    while !Task.isCancelled {
                        let reason: MidairConnectionError
                        do {
                            try await readEvents(since: cursor, opened: { start in
                                cursor = cursor ?? start
                                attempt = 0
                                continuation.yield(.status(.connected))
                            }) { event in
                                if case .record(let change) = event { cursor = change.revision }
                                continuation.yield(.event(event))
                            }
                            reason = .closed(path: "\(address)")
                        } catch let error as MidairConnectionError {
                            reason = error
                        }
                        attempt += 1
                        let delay = backoff.delay(attempt: attempt - 1)
                        continuation.yield(.status(.reconnecting(attempt: attempt, after: delay, reason: reason)))
                        try await Task.sleep(for: delay)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
