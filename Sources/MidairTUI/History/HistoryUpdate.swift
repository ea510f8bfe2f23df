import MidairCore

extension HistoryState {
    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        defer { refreshComparison(env) }
        switch action {
        case .key(let key):
            return press(key, env)
        case .answered(.history(let reply), let result):
            return answered(reply, result, env)
        case .changed(let event) where event.collection == key.collection && event.id == key.id:
            return [.run(.call(.history(key), reply: .history(.entries)))]
        case .eventsStopped(.api(.gone)):
            // Changes were missed: read the versions again.
            return [.run(.call(.history(key), reply: .history(.entries)))]
        case .history(.restore(let version)):
            guard let snapshot = snapshots[version], let latest = entries.first else { return [] }
            return [.run(.call(.replace(key, fields: snapshot.fields, ifMatch: latest.revision), reply: .history(.restored(version: version))))]
        default:
            return []
        }
    }

    private mutating func press(_ key: Key, _ env: Env) -> [Command] {
        let page = env.size.height - 6
        if inComparison {
            if let moved = ListWindow.move(key, selected: scroll, count: max(1, comparison?.count ?? 1), page: page) {
                scroll = moved
                return []
            }
            if key == .escape || key == .enter || key == .tab { inComparison = false }
            return []
        }
        if let moved = ListWindow.move(key, selected: selected, count: entries.count, page: page) {
            selected = moved
            scroll = 0
            return fetch()
        }
        switch key {
        case .escape, .char("q"):
            return [.send(.back)]
        case .char(" "):
            marked = marked == chosen?.version ? nil : chosen?.version
            scroll = 0
            return fetch()
        case .enter, .tab:
            inComparison = true
        case .char("R"):
            guard let chosen, let latest = entries.first else { return [] }
            guard chosen.version != latest.version else { return [.send(.flash("v\(chosen.version) is the current version."))] }
            guard !chosen.deleted else { return [.send(.flash("v\(chosen.version) is a deletion; choose a version with content."))] }
            return [.ask(Prompt("Restore \(self.key) to v\(chosen.version)? It is saved as a new version.", [
                .init("y", "restore", .history(.restore(version: chosen.version))), .init("n", "no", .flash("Nothing restored.")),
            ]))]
        default:
            break
        }
        return []
    }

    private mutating func answered(_ reply: HistoryReply, _ result: Result<APIReply, AppError>, _ env: Env) -> [Command] {
        switch (reply, result) {
        case (.entries, .success(.history(let list))):
            let keep = chosen?.version
            entries = list.reversed()
            loading = false
            selected = keep.flatMap { v in entries.firstIndex { $0.version == v } } ?? 0
            return fetch()
        case (.version(let version), .success(.record(let record))):
            snapshots[version] = record
            return []
        case (.restored(let version), .success(.record(let record))):
            snapshots[record.version] = record
            return [.send(.flash("Restored v\(version) of \(key) as v\(record.version).")),
                    .run(.call(.history(key), reply: .history(.entries)))]
        case (.restored(let version), .failure(.api(.editConflict(let conflict)))):
            guard let snapshot = snapshots[version] else { return [] }
            let draft = Draft(key: key, baseRevision: conflict.yourRevision, baseVersion: conflict.baseVersion ?? version,
                              fields: snapshot.fields, savedAt: env.now)
            return [.send(.saveConflicted(conflict, draft: draft))]
        case (_, .failure(let error)):
            loading = false
            return [.notice(Notice("History of \(key)", error))]
        case (_, .success):
            return []
        }
    }

    /// Asks for the snapshots the comparison needs and does not have.
    private func fetch() -> [Command] {
        let wanted = [pair?.left, pair?.right, chosen?.version].compactMap { $0 }
        return Set(wanted).sorted().filter { snapshots[$0] == nil }.map {
            .run(.call(.version(key, $0), reply: .history(.version($0))))
        }
    }
}
