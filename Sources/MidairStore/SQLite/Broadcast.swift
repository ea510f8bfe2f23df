import Synchronization

/// Hands each published value to every open `AsyncStream`, so followers
/// wake up at once instead of polling.
public final class Broadcast<Element: Sendable>: Sendable {
    private let subscribers = Mutex<[UInt64: AsyncStream<Element>.Continuation]>([:])
    private let nextID = Atomic<UInt64>(0)
    private let buffering: AsyncStream<Element>.Continuation.BufferingPolicy

    /// - Parameter buffering: what a subscriber that fell behind keeps.
    public init(buffering: AsyncStream<Element>.Continuation.BufferingPolicy) {
        self.buffering = buffering
    }

    public func subscribe() -> AsyncStream<Element> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(of: Element.self, bufferingPolicy: buffering)
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    public func publish(_ value: Element) {
        let all = subscribers.withLock { Array($0.values) }
        for c in all { c.yield(value) }
    }

    public func finishAll() {
        let all = subscribers.withLock { s in
            defer { s.removeAll() }
            return Array(s.values)
        }
        for c in all { c.finish() }
    }
}
