extension EditorState {
    /// Keys in the form: moving between fields, editing text, and the
    /// commands (save, undo, leave, merge now).
    mutating func press(_ key: Key, _ env: Env) -> [Command] {
        guard phase != .loading else { return key == .escape ? [.send(.back)] : [] }
        if case .failed = phase { return key == .escape ? [.send(.back)] : [] }
        switch key {
        case .escape:
            return leave()
        case .ctrl("s"):
            return save(env)
        case .alt("m"):
            return remote == nil ? [] : [.send(.editor(.mergeNow))]
        case .char("M") where remote != nil && isDirty:
            // While a newer version waits, M merges rather than types.
            return [.send(.editor(.mergeNow))]
        case .ctrl("z"):
            defer { scrollToCursor(env) }
            return restore(undo.undo(current: snapshot))
        case .ctrl("y"):
            defer { scrollToCursor(env) }
            return restore(undo.redo(current: snapshot))
        case .tab:
            focusField(focus + 1 < fields.count ? focus + 1 : 0, atEnd: false)
        case .backTab:
            focusField(focus > 0 ? focus - 1 : fields.count - 1, atEnd: false)
        case .enter where !(fields[safe: focus]?.buffer.multiline ?? false):
            focusField(min(focus + 1, fields.count - 1), atEnd: false)
        case .up where fields[safe: focus]?.buffer.isOnFirstLine ?? true:
            if focus > 0 { focusField(focus - 1, atEnd: true) }
        case .down where fields[safe: focus]?.buffer.isOnLastLine ?? true:
            if focus + 1 < fields.count { focusField(focus + 1, atEnd: false) }
        case .mouse(let mouse):
            if let field = EditorLayout(self, env.size).field(atRow: mouse.position.row), field != focus {
                focusField(field, atEnd: false)
            }
        default:
            guard fields.indices.contains(focus) else { return [] }
            return edit(key, env)
        }
        scrollToCursor(env)
        return []
    }

    /// Keys that move in or change the focused field's text, recorded for
    /// undo before they change it.
    private mutating func edit(_ key: Key, _ env: Env) -> [Command] {
        guard let kind = TextBuffer.kind(of: key) else { return [] }
        let before = fields[focus].buffer
        switch kind {
        case .typing(let endsRun): undo.record(.typing, field: focus, before, breaksRun: endsRun)
        case .splitting: undo.record(.other, field: focus, before)
        case .deleting: undo.record(.deleting, field: focus, before)
        case .moving: break
        }
        let page = max(1, EditorLayout(self, env.size).textHeight(of: focus) - 1)
        let changed = fields[focus].buffer.press(key, page: page)
        scrollToCursor(env)
        guard changed else { return [] }
        errors[fields[focus].name] = nil
        return journal()
    }

    /// Esc: back, asking first when something is unsaved.
    private func leave() -> [Command] {
        guard isDirty else { return (key.map { [.run(.cancelTimer(.journal($0)))] } ?? []) + [.send(.back)] }
        let what = key?.description ?? "this new \(collection) record"
        return [.ask(Prompt("Unsaved changes to \(what).", [
            .init("s", "save and leave", .editor(.saveAndLeave)),
            .init("d", "discard them", .editor(.discardAndLeave)),
            .init("k", "keep editing", .flash("Still editing \(what).")),
        ]))]
    }

    /// Starts the journal timer after an edit, unless it is running already
    /// (so steady typing is journaled every `journalDelay`, not never).
    private mutating func journal() -> [Command] {
        guard let key, !journalPending else { return [] }
        journalPending = true
        return [.run(.startTimer(.journal(key), after: Self.journalDelay))]
    }

    private func snapshot(_ field: Int) -> UndoHistory.Snapshot {
        UndoHistory.Snapshot(field: field, lines: fields[field].buffer.lines, cursor: fields[field].buffer.cursor)
    }

    private mutating func restore(_ snapshot: UndoHistory.Snapshot?) -> [Command] {
        guard let snapshot, fields.indices.contains(snapshot.field) else { return [] }
        focus = snapshot.field
        fields[focus].buffer.restore(lines: snapshot.lines, cursor: snapshot.cursor)
        return journal()
    }

    private mutating func scrollToCursor(_ env: Env) {
        guard fields.indices.contains(focus) else { return }
        let layout = EditorLayout(self, env.size)
        fields[focus].buffer.scrollToCursor(height: layout.textHeight(of: focus), width: layout.valueWidth - 1)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
