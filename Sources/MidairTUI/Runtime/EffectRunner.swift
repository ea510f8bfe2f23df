import Foundation
import MidairClient
import MidairCore

/// Runs effects: server calls and the event stream as tasks, timers as
/// sleeping tasks, draft files at once (in order, so a removal never
/// overtakes the write before it). What comes of them is sent back as
/// actions through `send`.
@MainActor
final class EffectRunner {
    let client: MidairClient
    let journal: DraftJournal
    let send: @Sendable (Action) -> Void
    /// Sees every call with its result just before the answer is sent (the
    /// demo's transcript of HTTP statuses); nothing else needs it.
    let observe: @Sendable (APICall, Result<APIReply, AppError>) -> Void
    private var timers: [TimerID: Task<Void, Never>] = [:]
    private var events: Task<Void, Never>?
    /// Presence calls go one after another, so an older state never lands
    /// after a newer one, and the farewell waits for the last.
    private var presence: Task<Void, Never>?

    /// The most records one listing fetches, page by page.
    static let listingCap = 10_000

    init(
        client: MidairClient, journal: DraftJournal,
        observe: @escaping @Sendable (APICall, Result<APIReply, AppError>) -> Void = { _, _ in },
        send: @escaping @Sendable (Action) -> Void
    ) {
        self.client = client
        self.journal = journal
        self.observe = observe
        self.send = send
    }

    func run(_ effect: Effect) {
        let send = self.send
        switch effect {
        case .call(let call, let reply):
            let client = self.client
            let observe = self.observe
            let previous = call.isPresence ? presence : nil
            let task = Task {
                await previous?.value
                let result = await Self.perform(call, client)
                observe(call, result)
                send(.answered(reply, result))
            }
            if call.isPresence { presence = task }
        case .startTimer(let id, let delay):
            startTimer(id, after: delay)
        case .startBackoffTimer(let id, let backoff, let attempt):
            startTimer(id, after: backoff.delay(attempt: attempt))
        case .cancelTimer(let id):
            timers.removeValue(forKey: id)?.cancel()
        case .writeDraft(let draft):
            do {
                try journal.write(draft)
            } catch {
                send(.flash("Could not journal the draft of \(draft.key): \(error.localizedDescription)"))
            }
        case .removeDraft(let key):
            journal.remove(key)
        case .readDraft(let key):
            let draft = journal.read(key)
            Task { send(.draftRead(key, draft)) }
        case .followEvents(let since):
            events?.cancel()
            let stream = client.follow(since: since)
            events = Task {
                do {
                    for try await update in stream { send(Action(update)) }
                } catch {
                    if !Task.isCancelled { send(.eventsStopped(AppError(error))) }
                }
            }
        case .repaint, .quit:
            // The program's, not the runner's.
            break
        }
    }

    private func startTimer(_ id: TimerID, after delay: Duration) {
        let send = self.send
        timers[id]?.cancel()
        timers[id] = Task {
            try? await Task.sleep(for: delay)
            if !Task.isCancelled { send(.timerFired(id)) }
        }
    }

    func stop() {
        events?.cancel()
        for timer in timers.values { timer.cancel() }
        timers.removeAll()
    }

    /// Makes the app's last calls (`AppState.farewell`) side by side,
    /// within a moment at most: a server that is gone must not hold up
    /// quitting. Leaving waits for a presence call still in flight, which
    /// would otherwise bring the session back after it.
    func farewell(_ calls: [APICall]) async {
        let client = self.client
        let inFlight = presence
        await withTaskGroup(of: Bool.self) { group in
            for call in calls {
                group.addTask {
                    if call.isPresence { await inFlight?.value }
                    _ = await Self.perform(call, client)
                    return true
                }
            }
            group.addTask {
                try? await Task.sleep(for: Self.farewellLimit)
                return false
            }
            var left = calls.count
            while left > 0, let answered = await group.next(), answered { left -= 1 }
            group.cancelAll()
        }
    }

    static let farewellLimit = Duration.seconds(2)

    static func perform(_ call: APICall, _ client: MidairClient) async -> Result<APIReply, AppError> {
        do {
            switch call {
            case .whoami:
                return .success(.whoami(try await client.whoami()))
            case .collections:
                return .success(.schema(try await client.collections()))
            case .list(let collection):
                var records: [RecordSummary] = []
                var after: String?
                repeat {
                    let page = try await client.list(collection, limit: 500, after: after)
                    records += page.records
                    after = page.next
                } while after != nil && records.count < listingCap
                return .success(.page(RecordPage(records: records, next: after)))
            case .get(let key):
                return .success(.record(try await client.get(key.collection, key.id)))
            case .history(let key):
                return .success(.history(try await client.history(key.collection, key.id)))
            case .version(let key, let version):
                return .success(.record(try await client.version(key.collection, key.id, version)))
            case .create(let collection, let fields):
                return .success(.record(try await client.create(collection, fields: fields, idempotencyKey: UUID().uuidString)))
            case .replace(let key, let fields, let revision):
                return .success(.record(try await client.replace(
                    key.collection, key.id, fields: fields, ifMatch: revision, idempotencyKey: UUID().uuidString)))
            case .createExclusive(let key, let fields):
                return .success(.record(try await client.createExclusive(
                    key.collection, key.id, fields: fields, idempotencyKey: UUID().uuidString)))
            case .delete(let key, let revision):
                return .success(.deleted(try await client.delete(key.collection, key.id, ifMatch: revision)))
            case .conflicts:
                return .success(.conflicts(try await client.conflicts(since: 0)))
            case .setPresence(let presence):
                try await client.setPresence(record: presence.record?.description, state: presence.state)
                return .success(.done)
            case .leavePresence:
                try await client.leavePresence()
                return .success(.done)
            case .lock(let key):
                return .success(.lock(try await client.lock(key.collection, key.id)))
            case .unlock(let key):
                try await client.unlock(key.collection, key.id)
                return .success(.done)
            case .lockStatus(let key):
                return .success(.lock(try await client.lockStatus(key.collection, key.id)))
            }
        } catch {
            return .failure(AppError(error))
        }
    }
}

extension Action {
    /// What the event stream's update means to the app.
    init(_ update: FollowUpdate) {
        switch update {
        case .event(.record(let change)): self = .changed(change)
        case .event(.presence(let presence)): self = .presence(presence)
        case .event(.lock(let lock)): self = .lockChanged(lock)
        case .status(let status): self = .connection(status)
        }
    }
}
