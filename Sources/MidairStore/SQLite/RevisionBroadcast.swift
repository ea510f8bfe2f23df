import Synchronization

/// Hands each newly committed revision to every open `AsyncStream`, so event
/// streams wake up at once instead of polling the database.
final class RevisionBroadcast: Sendable {
    private let subscribers = Mutex<[UInt64: AsyncStream<Int64>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)

    func subscribe() -> AsyncStream<Int64> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        // Only the newest revision matters to a subscriber that fell behind.
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ revision: Int64) {
        let all = subscribers.withLock { Array($0.values) }
        for c in all { c.yield(revision) }
    }

    func finishAll() {
        let all = subscribers.withLock { s in
            defer { s.removeAll() }
            return Array(s.values)
        }
        for c in all { c.finish() }
    }
}
