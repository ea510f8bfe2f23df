import MidairCore

extension BrowserState {
    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(let key):
            return filtering ? typeFilter(key) : press(key, env)
        case .answered(.app(.schema), .success(.schema(let schema))):
            collections = schema.collections.map(\.name)
            collection = min(collection, max(0, collections.count - 1))
            return load()
        case .answered(.browser(let reply), let result):
            return answered(reply, result)
        case .changed(let event):
            return changed(event)
        case .eventsStopped:
            // Changes were missed (`gone`): the list is read again.
            return load()
        case .browser(.delete(let key, let revision)):
            return [.run(.call(.delete(key, ifMatch: revision), reply: .browser(.deleted(key))))]
        default:
            return []
        }
    }

    private mutating func press(_ key: Key, _ env: Env) -> [Command] {
        let page = env.size.height - 6
        if inCollections, let moved = ListWindow.move(key, selected: collection, count: collections.count, page: page) {
            guard moved != collection else { return [] }
            collection = moved
            selected = 0
            records = []
            return load()
        }
        if !inCollections, let moved = ListWindow.move(key, selected: selected, count: visible.count, page: page) {
            selected = moved
            return []
        }
        switch key {
        case .tab, .backTab, .left, .right:
            inCollections.toggle()
        case .enter:
            if inCollections {
                inCollections = false
            } else if let summary = selectedRecord, let key = self.key(of: summary) {
                return [.send(.open(key))]
            }
        case .char("n"):
            return currentCollection.map { [.send(.newRecord(collection: $0))] } ?? []
        case .char("d"):
            guard let summary = selectedRecord, let key = self.key(of: summary) else { return [] }
            return [.ask(Prompt("Delete \(key) (v\(summary.version), “\(summary.title)”)?", [
                .init("y", "delete it", .browser(.delete(key, ifMatch: summary.revision))),
                .init("n", "keep it", .flash("Kept \(key).")),
            ]))]
        case .char("/"):
            filtering = true
            inCollections = false
        case .char("r"):
            return load()
        case .char("h"):
            guard let summary = selectedRecord, let key = self.key(of: summary) else { return [] }
            return [.send(.openHistory(key))]
        case .char("c"):
            return [.send(.openConflictLog)]
        case .char("q"):
            return [.send(.quit)]
        case .escape where !filter.isEmpty:
            filter = ""
            selected = 0
        default:
            break
        }
        return []
    }

    /// Keys while the filter line has the focus: it filters as you type.
    private mutating func typeFilter(_ key: Key) -> [Command] {
        switch key {
        case .char(let c): filter.append(c)
        case .backspace: if !filter.isEmpty { filter.removeLast() }
        case .enter: filtering = false
        case .escape:
            filter = ""
            filtering = false
        default: return []
        }
        selected = 0
        return []
    }

    private mutating func answered(_ reply: BrowserReply, _ result: Result<APIReply, AppError>) -> [Command] {
        switch (reply, result) {
        case (.listed(let name), .success(.page(let page))):
            guard name == currentCollection else { return [] }
            let keep = selectedRecord?.id
            records = page.records
            loading = false
            selected = keep.flatMap { id in visible.firstIndex { $0.id == id } } ?? min(selected, max(0, visible.count - 1))
            return []
        case (.listed, .failure(let error)):
            loading = false
            return [.notice(Notice("Cannot list the records", error))]
        case (.deleted(let key), .success):
            if key.collection == currentCollection { records.removeAll { $0.id == key.id } }
            selected = min(selected, max(0, visible.count - 1))
            return [.send(.flash("Deleted \(key)."))]
        case (.deleted(let key), .failure(.api(.hasDependents(let found)))):
            return [.push(.conflict(.dependents(DependentsState(key: key, found: found))))]
        case (.deleted(let key), .failure(let error)):
            return [.notice(Notice("Not deleted: \(key)", error))]
        case (_, .success):
            return []
        }
    }

    /// Follows a change in the shown collection at once; the list is asked
    /// for again when a title may have changed.
    private mutating func changed(_ event: ChangeEvent) -> [Command] {
        guard event.collection == currentCollection else { return [] }
        switch event.kind {
        case .deleted:
            records.removeAll { $0.id == event.id }
            selected = min(selected, max(0, visible.count - 1))
            return []
        case .created, .updated:
            guard let i = records.firstIndex(where: { $0.id == event.id }) else { return load() }
            records[i].version = event.version
            records[i].revision = event.revision
            records[i].updatedBy = event.updatedBy
            records[i].updatedAt = event.updatedAt
            return load()
        }
    }

    private mutating func load() -> [Command] {
        guard let name = currentCollection else { return [] }
        loading = records.isEmpty
        return [.run(.call(.list(collection: name), reply: .browser(.listed(collection: name))))]
    }
}
