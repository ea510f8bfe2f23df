import MidairClient
import MidairCore
import MidairTUI

/// Clients that act at the same moment (buyers at a sale): each reads the
/// record, all wait until every one has read it, then all write at once,
/// so all but one meet a 409 on their first try. Each retries with the
/// current version the 409 carries, after an exponential backoff with
/// jitter, until its write goes through.
@MainActor
final class Crowd: Performer {
    let role: Role
    let log = ExchangeLog()
    private let backoff = Backoff()
    private var members: [Member]
    private var running = 0

    struct Member {
        var name: String
        var client: MidairClient
        var tries = 0
        var conflicts = 0
        /// The value this member wrote, once its write went through.
        var wrote: String?
    }

    /// - Parameter members: each member's name and its own client.
    init(role: Role, members: [(name: String, client: MidairClient)]) {
        self.role = role
        self.members = members.map { Member(name: $0.name, client: $0.client) }
    }

    var isSettled: Bool { running == 0 }
    var revision: Int { log.count }

    var conflicts: Int { members.reduce(0) { $0 + $1.conflicts } }
    var retries: Int { members.reduce(0) { $0 + max(0, $1.tries - 1) } }

    func stop() async {}

    func frame(_ size: Size) -> Screen {
        let done = members.filter { $0.wrote != nil }.count
        var pane = LogPane(title: "\(role.name) · \(members.count) API clients at once")
        pane.header = [("\(done) of \(members.count) done · \(conflicts) × 409 · \(retries) retries", Style(.bold, .accent))]
        pane.header += members.map { m in
            let state = m.wrote.map { "✓ wrote \($0)" } ?? (m.tries == 0 ? "waiting" : "trying…")
            return ("\(m.name)  tries \(m.tries)  409 × \(m.conflicts)  \(state)", m.wrote == nil ? .plain : Style(.bold, .added))
        }
        pane.lines = log.since(0).flatMap(LogPane.entry)
        return pane.draw(size)
    }

    /// Every member takes `amount` off `field` of `key`; returns when all have.
    func decrement(_ key: RecordKey, field: String, amount: Int) async {
        let gate = Gate(count: members.count)
        running = members.count
        await withTaskGroup(of: Void.self) { group in
            for index in members.indices {
                group.addTask { await self.decrement(member: index, key, field: field, amount: amount, gate: gate) }
            }
        }
    }

    private func decrement(member index: Int, _ key: RecordKey, field: String, amount: Int, gate: Gate) async {
        defer { running -= 1 }
        let path = "/v1/records/\(key.collection)/\(key.id)"
        var record: Record
        do {
            record = try await members[index].client.get(key.collection, key.id)
            log.append(Exchange(request: "\(members[index].name): GET \(path)", status: 200, detail: "\(field) = \(record.fields[field] ?? "")"))
        } catch {
            log.append(Exchange(request: "\(members[index].name): GET \(path)", AppError(error)))
            await gate.arrive()
            return
        }
        await gate.arrive()
        while true {
            guard let now = Int(record.fields[field] ?? "") else {
                log.append(Exchange(request: "\(members[index].name): \(field)", status: nil, detail: "is not a whole number"))
                return
            }
            var fields = record.fields
            fields[field] = String(now - amount)
            members[index].tries += 1
            let line = "\(members[index].name): PUT \(path) If-Match \(record.etag) \(field)=\(now - amount)"
            do {
                let saved = try await members[index].client.replace(key.collection, key.id, fields: fields, ifMatch: record.revision)
                log.append(Exchange(request: line, status: 200, detail: "v\(saved.version)"))
                members[index].wrote = fields[field]
                return
            } catch MidairAPIError.editConflict(let conflict) {
                log.append(Exchange(request: line, .editConflict(conflict)))
                members[index].conflicts += 1
                record = conflict.current
                try? await Task.sleep(for: backoff.delay(attempt: members[index].tries - 1))
            } catch {
                log.append(Exchange(request: line, AppError(error)))
                return
            }
        }
    }
}

/// Lets waiting tasks go once `count` of them have arrived.
@MainActor
private final class Gate {
    private var remaining: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(count: Int) {
        remaining = count
    }

    func arrive() async {
        remaining -= 1
        if remaining <= 0 {
            for w in waiting { w.resume() }
            waiting = []
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }
}
