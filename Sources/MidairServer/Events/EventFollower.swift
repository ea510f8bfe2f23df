import Hummingbird
import MidairCore
import MidairStore
import ServiceLifecycle

/// Streams every change after a revision, then follows new ones live, until
/// the client goes away or the server shuts down; presence and lock events
/// are interleaved as they happen.
///
/// Order without gaps or duplicates comes from always reading the store
/// from the last revision sent; commit notifications only say when to read
/// again, so a missed or coalesced notification loses nothing. Presence and
/// lock events are not revisions: they are written as they come, without an
/// `id:`, and a stream starts with everyone present now.
struct EventFollower: Sendable {
    let store: any RecordStore
    let notices: Broadcast<ServerEvent>
    let presence: PresenceBoard
    let since: Int64
    let keepaliveInterval: Duration

    static let batchSize = 500

    private enum Wake: Sendable { case committed, keepalive, notice(ServerEvent) }

    func stream(to writer: inout any ResponseBodyWriter) async throws {
        // Subscribe before the first read, so nothing committed in between is missed.
        let commits = store.revisionUpdates()
        let announcements = notices.subscribe()
        // Deep enough that a burst of presence changes is not dropped; a
        // dropped commit wake only delays the read to the next wake.
        let (wakes, wake) = AsyncStream.makeStream(of: Wake.self, bufferingPolicy: .bufferingNewest(1024))
        let keepaliveInterval = self.keepaliveInterval
        try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in commits { wake.yield(.committed) }
                }
                group.addTask {
                    for await notice in announcements { wake.yield(.notice(notice)) }
                }
                group.addTask {
                    while true {
                        try await Task.sleep(for: keepaliveInterval)
                        wake.yield(.keepalive)
                    }
                }
                try await writer.write(ServerSentEvents.comment("changes after revision \(since)"))
                for present in presence.current() { try await writer.write(ServerSentEvents.frame(.presence(present))) }
                var cursor = try await send(after: since, to: &writer)
                for await reason in wakes {
                    switch reason {
                    case .notice(let notice):
                        try await writer.write(ServerSentEvents.frame(notice))
                    case .committed:
                        cursor = try await send(after: cursor, to: &writer)
                    case .keepalive:
                        cursor = try await send(after: cursor, to: &writer)
                        try await writer.write(ServerSentEvents.comment("keepalive"))
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            wake.finish()
        }
        try await writer.finish(nil)
    }

    /// Writes every event after `cursor`; returns the revision of the last one.
    private func send(after cursor: Int64, to writer: inout any ResponseBodyWriter) async throws -> Int64 {
        var cursor = cursor
        while true {
            let events = try await store.events(since: cursor, limit: Self.batchSize)
            guard let last = events.last else { return cursor }
            try await writer.write(ServerSentEvents.frames(events))
            cursor = last.revision
            if events.count < Self.batchSize { return cursor }
        }
    }
}
