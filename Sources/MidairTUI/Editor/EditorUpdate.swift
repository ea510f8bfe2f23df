import Foundation
import MidairCore

extension EditorState {
    /// How soon unsaved edits reach the drafts journal: well within the
    /// second a killed terminal may lose.
    static let journalDelay = Duration.milliseconds(400)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(let key):
            return press(key, env)
        case .answered(.editor(let reply), let result):
            return answered(reply, result, env)
        case .answered(.app(.schema), _):
            return settle(env)
        case .draftRead(let key, let draft) where key == self.key:
            journaled = .some(draft)
            return settle(env)
        case .timerFired(.journal(let key)) where key == self.key:
            journalPending = false
            guard isDirty, let draft = draft(env) else { return [.run(.removeDraft(key))] }
            return [.run(.writeDraft(draft))]
        case .changed(let event):
            return changed(event, env)
        case .eventsStopped(.api(.gone)):
            // Changes were missed: a clean form reads the record again (a
            // form with edits learns of a newer version when it saves).
            guard let key, !isDirty, phase == .ready else { return [] }
            return [.run(.call(.get(key), reply: .editor(.reloaded)))]
        case .editor(let action):
            return perform(action, env)
        default:
            return []
        }
    }

    /// Fills the form once both the record and the schema are in, then
    /// offers the journaled draft (or merges it, if the record moved on).
    private mutating func settle(_ env: Env) -> [Command] {
        guard let base, env.schema != nil else { return [] }
        if fields.isEmpty { load(base, env) }
        guard let key, case .some(let found) = journaled else { return [] }
        journaled = .some(nil)
        guard let draft = found, Dictionary(uniqueKeysWithValues: draft.fields.map { $0 }) != Dictionary(uniqueKeysWithValues: base.fields.map { $0 }) else { return found == nil ? [] : [.run(.removeDraft(key))] }
        if draft.baseRevision == base.revision {
            offered = draft
            let when = RelativeTime.describe(draft.savedAt, now: env.now)
            return [.ask(Prompt("Unsaved edits of \(key) from \(when) were kept.", [
                .init("r", "restore them", .editor(.restoreDraft)), .init("d", "discard them", .editor(.dropDraft)),
            ]))]
        }
        // Typed against an older version: load the draft as the form, based
        // where it was typed, and merge it with the current version.
        let current = base
        var stale = base
        stale.revision = draft.baseRevision
        stale.version = draft.baseVersion
        self.base = stale
        fill(draft.fields)
        return [
            .send(.flash("Your draft of \(key) was typed against v\(draft.baseVersion); it is v\(current.version) now: merge it.")),
            .send(.saveConflicted(conflict(with: current), draft: draft)),
        ]
    }

    private mutating func answered(_ reply: EditorReply, _ result: Result<APIReply, AppError>, _ env: Env) -> [Command] {
        switch (reply, result) {
        case (.loaded, .success(.record(let record))):
            base = record
            return settle(env)
        case (.loaded, .failure(let error)):
            phase = .failed(error.description)
            return []
        case (.saved, .success(.record(let record))), (.created, .success(.record(let record))):
            return saved(record, env)
        case (.reloaded, .success(.record(let record))):
            load(record, env)
            return []
        case (.mergeWith, .success(.record(let record))):
            guard let draft = draft(env) else { return [] }
            return [.send(.saveConflicted(conflict(with: record), draft: draft))]
        case (.saved, .failure(.api(.editConflict(let conflict)))):
            phase = .ready
            leaveAfterSave = false
            guard let draft = draft(env) else { return [] }
            return [.send(.saveConflicted(conflict, draft: draft))]
        case (.saved, .failure(.api(.alreadyExists(let found)))), (.created, .failure(.api(.alreadyExists(let found)))):
            phase = .ready
            leaveAfterSave = false
            return [.push(.conflict(.alreadyExists(AlreadyExistsState(found: found, yours: values, key: key))))]
        case (.saved, .failure(.api(.invalid(let problems)))), (.created, .failure(.api(.invalid(let problems)))):
            phase = .ready
            leaveAfterSave = false
            return invalid(problems)
        case (.saved, .failure(.api(.locked(let problem)))):
            phase = .ready
            leaveAfterSave = false
            guard let lock = problem.lock, let draft = draft(env) else { return [.notice(Notice("Not saved", .api(.locked(problem))))] }
            return [.push(.conflict(.locked(LockedState(lock: lock, draft: draft))))]
        case (.saved, .failure(.connection)), (.created, .failure(.connection)):
            // Why is on the status line (reconnecting); what matters here is
            // that nothing is lost.
            phase = .ready
            leaveAfterSave = false
            return [.send(.flash("Not saved: the server is not answering. Your edits are kept; ^S again once it is back."))]
        case (_, .failure(let error)):
            if phase == .saving { phase = .ready }
            leaveAfterSave = false
            return [.notice(Notice(reply == .saved || reply == .created ? "Not saved" : "The server could not answer", error))]
        case (_, .success):
            return []
        }
    }

    private mutating func saved(_ record: Record, _ env: Env) -> [Command] {
        let key = RecordKey(collection: record.collection, id: record.id)
        self.key = key
        base = record
        errors = [:]
        phase = .ready
        if let remote, remote.revision <= record.revision { self.remote = nil }
        // Whatever was typed while the save was in flight stays in the
        // form, unsaved against the new version.
        var commands: [Command] = [.send(.flash("Saved \(key) as v\(record.version)."))]
        if !isDirty { commands += [.run(.cancelTimer(.journal(key))), .run(.removeDraft(key))] }
        if leaveAfterSave { commands.append(.send(.back)) }
        return commands
    }

    private mutating func invalid(_ problems: [ValidationError]) -> [Command] {
        errors = [:]
        var other: [String] = []
        for p in problems {
            let name = p.pointer.hasPrefix("/fields/") ? String(p.pointer.dropFirst(8)) : ""
            if fields.contains(where: { $0.name == name }) { errors[name] = p.detail } else { other.append(p.description) }
        }
        if let first = fields.firstIndex(where: { errors[$0.name] != nil }) { focusField(first, atEnd: true) }
        var commands: [Command] = [.send(.flash("Not saved: \(problems.count) problem\(problems.count == 1 ? "" : "s") to fix."))]
        if !other.isEmpty { commands.append(.notice(Notice(title: "Not saved", lines: other))) }
        return commands
    }

    private mutating func changed(_ event: ChangeEvent, _ env: Env) -> [Command] {
        guard let key, event.collection == key.collection, event.id == key.id,
              let base, event.revision > base.revision else { return [] }
        remote = event
        // A form with nothing unsaved simply follows the newer version.
        if !isDirty, phase == .ready, event.kind != .deleted {
            return [.run(.call(.get(key), reply: .editor(.reloaded)))]
        }
        return []
    }

    private mutating func perform(_ action: EditorAction, _ env: Env) -> [Command] {
        switch action {
        case .restoreDraft:
            if let offered { fill(offered.fields) }
            offered = nil
            return []
        case .dropDraft:
            offered = nil
            return key.map { [.run(.removeDraft($0))] } ?? []
        case .discardAndLeave:
            return (key.map { [.run(.cancelTimer(.journal($0))), .run(.removeDraft($0))] } ?? []) + [.send(.back)]
        case .saveAndLeave:
            leaveAfterSave = true
            return save(env)
        case .adopt(let record):
            // A new record's form merged into an existing one edits that one now.
            key = RecordKey(collection: record.collection, id: record.id)
            remote = nil
            load(record, env)
            return key.map { [.run(.removeDraft($0))] } ?? []
        case .mergeNow:
            guard let key else { return [] }
            return [.run(.call(.get(key), reply: .editor(.mergeWith)))]
        }
    }

    /// Puts `values` into the form (a restored draft), as one undoable step.
    mutating func fill(_ values: Fields) {
        for i in fields.indices {
            guard let value = values[fields[i].name], value != fields[i].value else { continue }
            undo.record(.other, field: i, fields[i].buffer)
            fields[i].buffer = TextBuffer(value, multiline: fields[i].kind.isMultiline)
        }
        focusField(focus, atEnd: false)
    }

    /// What the merge view needs when this form meets `current`.
    func conflict(with current: Record) -> EditConflict {
        let names = Set(current.fields.keys).union(base?.fields.keys ?? [])
        let changed = names.filter { current.fields[$0] != base?.fields[$0] }.sorted()
        return EditConflict(
            current: current, yourRevision: base?.revision ?? 0, baseVersion: base?.version,
            changedFields: changed, changes: [])
    }

    /// Ctrl-S: create, or replace with `If-Match` of the version edited.
    mutating func save(_ env: Env) -> [Command] {
        guard phase == .ready else { return [] }
        guard let key, let base else {
            phase = .saving
            return [.run(.call(.create(collection: collection, fields: values), reply: .editor(.created)))]
        }
        guard isDirty else {
            if leaveAfterSave { return [.send(.back)] }
            return [.send(.flash("Nothing to save: \(key) is as v\(base.version) has it."))]
        }
        phase = .saving
        return [.run(.call(.replace(key, fields: values, ifMatch: base.revision), reply: .editor(.saved)))]
    }
}
