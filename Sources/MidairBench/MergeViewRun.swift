import Foundation
import MidairClient
import MidairCore
import MidairTUI

/// One run through the app's public update and view, as the program runs
/// them: a stale save opens the merge view, the base version arrives, the
/// first frame is drawn; then `n` is pressed and the frame sent on.
struct MergeViewRun {
    let firstFrame: Duration
    /// Of the first frame, what the merge engine alone takes
    /// (`RecordMerge` of the three versions), timed on its own.
    let engine: Duration
    let keystroke: Duration
    /// What the terminal update of the keystroke wrote.
    let bytesWritten: Int
    let hunks: Int

    static let key = RecordKey(collection: "articles", id: "long")
    static let schema = Schema(collections: [
        CollectionSchema(name: "articles", title: "title", fields: [
            FieldSchema(name: "title", kind: .text), FieldSchema(name: "body", kind: .multiline), FieldSchema(name: "tags", kind: .text),
        ]),
    ])

    init(_ input: MergeInput, size: Size) {
        let clock = ContinuousClock()
        let base = Record(collection: "articles", id: "long", fields: input.base, version: 3, revision: 17,
                          updatedBy: "alice", updatedAt: "2025-01-01T10:00:00Z")
        var theirs = base
        (theirs.fields, theirs.version, theirs.revision, theirs.updatedBy) = (input.theirs, 4, 21, "bob")
        let conflict = EditConflict(current: theirs, yourRevision: 17, baseVersion: 3, changedFields: ["body"], changes: [])
        let draft = Draft(key: Self.key, baseRevision: 17, baseVersion: 3, fields: input.yours, savedAt: .now)

        var state = AppState(pages: [], size: size)
        var effects: [Effect] = []
        state.apply(.answered(.app(.schema), .success(.schema(Self.schema))), into: &effects)

        let started = clock.now
        _ = RecordMerge(base: input.base, yours: input.yours, theirs: input.theirs, schema: Self.schema.collections[0])
        engine = started.duration(to: clock.now)

        let opened = clock.now
        state.apply(.saveConflicted(conflict, draft: draft), into: &effects)
        state.apply(.answered(.merge(.base(version: 3)), .success(.record(base))), into: &effects)
        let first = App.view(state, size: size)
        firstFrame = opened.duration(to: clock.now)

        let pressed = clock.now
        state.apply(.key(.char("n")), into: &effects)
        let next = App.view(state, size: size)
        let bytes = TerminalUpdate.bytes(from: first, to: next)
        keystroke = pressed.duration(to: clock.now)
        bytesWritten = bytes.count
        if case .merge(let merge) = state.top { hunks = merge.merge?.hunks.count ?? 0 } else { hunks = 0 }
    }
}
