import MidairClient
import MidairCore
import MidairTUI

/// A plain API client (a script, a form handler): it makes the requests
/// the script names with the real client and remembers the last version
/// of each record it saw, for the `If-Match` of its next write. Its pane
/// is the list of its requests and answers.
@MainActor
final class ClientActor: Performer {
    let role: Role
    let log = ExchangeLog()
    private let client: MidairClient
    private var seen: [RecordKey: Record] = [:]
    private var busy = false
    private let backoff = Backoff(base: .milliseconds(100), cap: .seconds(1))
    /// How often a `set --retry` tries before it gives up.
    static let attempts = 30

    init(role: Role, client: MidairClient) {
        self.role = role
        self.client = client
    }

    var isSettled: Bool { !busy }
    var revision: Int { log.count }

    func frame(_ size: Size) -> Screen {
        LogPane(title: "\(role.name) · API client", lines: log.since(0).flatMap(LogPane.entry)).draw(size)
    }

    func stop() async {}

    func perform(_ request: Request) async {
        busy = true
        defer { busy = false }
        switch request {
        case .get(let key):
            _ = await current(key)
        case .create(let collection, let id, let fields, let idempotencyKey, let lost):
            let line = "POST \(Self.path(collection))" + (idempotencyKey.map { " Idempotency-Key: \($0)" } ?? "")
            await exchange(line, success: 201, remember: !lost, note: lost ? "(answer lost: \(role.name) never sees it)" : "") {
                try await self.client.create(collection, id: id, fields: fields, idempotencyKey: idempotencyKey)
            }
        case .set(let key, let fields, let retry):
            guard var base = await current(key) else { return }
            for attempt in 0..<(retry ? Self.attempts : 1) {
                var merged = base.fields
                for (name, value) in fields { merged[name] = value }
                let line = "PUT \(Self.path(key)) If-Match \(base.etag)"
                do {
                    let saved = try await client.replace(key.collection, key.id, fields: merged, ifMatch: base.revision)
                    seen[key] = saved
                    log.append(Exchange(request: line, status: 200, detail: "\(key) v\(saved.version)"))
                    return
                } catch {
                    let failure = AppError(error)
                    let delay = retry ? backoff.delay(attempt: attempt) : .zero
                    var exchange = Exchange(request: line, failure)
                    switch failure {
                    case .api(.locked), .api(.editConflict):
                        if retry { exchange.detail += " · retry in \(Int(delay / .milliseconds(1))) ms" }
                    default:
                        log.append(exchange)
                        return
                    }
                    log.append(exchange)
                    if case .api(.editConflict(let conflict)) = failure { base = conflict.current }
                    try? await Task.sleep(for: delay)
                }
            }
        case .delete(let key):
            guard let base = await current(key) else { return }
            let line = "DELETE \(Self.path(key)) If-Match \(base.etag)"
            do {
                try await client.delete(key.collection, key.id, ifMatch: base.revision)
                seen[key] = nil
                log.append(Exchange(request: line, status: 204, detail: ""))
            } catch {
                log.append(Exchange(request: line, AppError(error)))
            }
        case .lock(let key):
            let line = "POST \(Self.path(key))/lock"
            do {
                let lock = try await client.lock(key.collection, key.id)
                log.append(Exchange(request: line, status: 200, detail: "held by \(lock.holder) until \(lock.expiresAt)"))
            } catch {
                log.append(Exchange(request: line, AppError(error)))
            }
        case .unlock(let key):
            let line = "DELETE \(Self.path(key))/lock"
            do {
                try await client.unlock(key.collection, key.id)
                log.append(Exchange(request: line, status: 204, detail: "released"))
            } catch {
                log.append(Exchange(request: line, AppError(error)))
            }
        }
    }

    /// The version last seen, read first when there is none.
    private func current(_ key: RecordKey) async -> Record? {
        if let known = seen[key] { return known }
        await exchange("GET \(Self.path(key))", success: 200) { try await self.client.get(key.collection, key.id) }
        return seen[key]
    }

    private func exchange(_ line: String, success: Int, remember: Bool = true, note: String = "", _ call: () async throws -> Record) async {
        do {
            let record = try await call()
            if remember { seen[RecordKey(collection: record.collection, id: record.id)] = record }
            log.append(Exchange(request: line, status: success, detail: ["\(record.collection)/\(record.id) v\(record.version)", note].filter { !$0.isEmpty }.joined(separator: " ")))
        } catch {
            log.append(Exchange(request: line, AppError(error)))
        }
    }

    static func path(_ collection: String) -> String { "/v1/records/\(collection)" }
    static func path(_ key: RecordKey) -> String { "/v1/records/\(key.collection)/\(key.id)" }
}
