import MidairClient
import MidairCore
import Testing
@testable import MidairTUI

@Suite struct BrowserTests {
    /// The browser with the articles listed.
    static func listed() -> Harness {
        var h = Harness.browser()
        h.send(.answered(.browser(.listed(collection: "articles")), .success(.page(RecordPage(records: Fixtures.summaries, next: nil)))))
        _ = h.take()
        return h
    }

    @Test func startsByAskingWhoAndTheSchemaAndFollowingEvents() {
        let h = Harness(AppState.browser(size: .minimum, now: Fixtures.now))
        #expect(h.effects == [
            .call(.whoami, reply: .app(.whoami)), .call(.collections, reply: .app(.schema)), .followEvents(since: nil),
            .startTimer(.heartbeat, after: .seconds(10)),
            .call(.setPresence(Presence(record: nil, state: .viewing)), reply: .app(.presence)),
        ])
        var loaded = Harness.browser()
        #expect(loaded.take().contains(.call(.list(collection: "articles"), reply: .browser(.listed(collection: "articles")))))
    }

    @Test func listsRecordsWithVersionEditorAndTime() {
        let h = Self.listed()
        Golden.check(h.screen, "browser-articles")
    }

    @Test func movesAndOpensWithEnter() {
        var h = Self.listed()
        h.press(.char("j"), .down, .up, .char("j"), .char("j"))
        #expect(h.text.contains("welcome"))
        h.press(.enter)
        #expect(h.topKind == .editor)
        let key = RecordKey(collection: "articles", id: "welcome")
        #expect(h.take() == [.call(.get(key), reply: .editor(.loaded)), .readDraft(key)])
        h.press(.escape)
        #expect(h.topKind == .browser)
    }

    @Test func switchesCollections() {
        var h = Self.listed()
        h.press(.tab, .down)
        #expect(h.take() == [.call(.list(collection: "products"), reply: .browser(.listed(collection: "products")))])
        #expect(h.text.contains("products · 0 of 0 records"))
    }

    @Test func newRecordOpensAnEmptyFormThatCreates() {
        var h = Self.listed()
        h.press(.char("n"))
        #expect(h.topKind == .editor)
        #expect(h.text.contains("articles · new record"))
        h.type("Fresh")
        h.press(.ctrl("s"))
        #expect(h.calls == [.create(collection: "articles", fields: ["title": "Fresh", "body": "", "tags": ""])])
    }

    @Test func deleteAsksFirstAndShowsDependentsReadably() {
        var h = Self.listed()
        h.press(.char("d"))
        #expect(h.text.contains("Delete articles/release-notes (v1, “Release notes”)?"))
        #expect(h.take().isEmpty)
        h.press(.char("y"))
        let key = RecordKey(collection: "articles", id: "release-notes")
        #expect(h.take() == [.call(.delete(key, ifMatch: 2), reply: .browser(.deleted(key)))])
        let dependents = HasDependents(dependents: [Dependent(collection: "orders", id: "o-1", field: "product", title: "O-1")], total: 3)
        h.send(.answered(.browser(.deleted(key)), .failure(.api(.hasDependents(dependents)))))
        #expect(h.text.contains("3 records refer to it, so it cannot be deleted:"))
        #expect(h.text.contains("orders/o-1 (product) “O-1”"))
        #expect(h.text.contains("and 2 more"))
        h.press(.char("x"))
        #expect(h.state.notice == nil)
        h.press(.char("d"), .escape)
        #expect(h.state.prompt == nil && h.take().isEmpty)
    }

    @Test func filtersAsYouType() {
        var h = Self.listed()
        h.press(.char("/"))
        h.type("style?")
        #expect(h.text.contains("No record matches “style?”"))
        h.press(.backspace, .enter)
        #expect(h.text.contains("1 of 3 records · filter: style"))
        #expect(!h.text.contains("welcome"))
        h.press(.escape)
        #expect(h.text.contains("3 of 3 records"))
    }

    @Test func refreshHistoryConflictsHelpAndQuit() {
        var h = Self.listed()
        h.press(.char("r"))
        #expect(h.calls == [.list(collection: "articles")])
        _ = h.take()
        h.press(.char("h"))
        #expect(h.topKind == .history)
        #expect(h.calls == [.history(RecordKey(collection: "articles", id: "release-notes"))])
        h.press(.escape, .char("c"))
        #expect(h.topKind == .conflictLog)
        h.press(.escape, .char("?"))
        #expect(h.text.contains("help · Browser"))
        h.press(.escape, .function(1))
        #expect(h.topKind == .help)
        h.press(.function(1))
        #expect(h.topKind == .browser)
        _ = h.take()
        h.press(.char("q"))
        #expect(h.take() == [.quit])
    }

    @Test func followsChangesLive() {
        var h = Self.listed()
        h.send(.changed(ChangeEvent(revision: 30, kind: .updated, collection: "articles", id: "welcome", version: 4,
                                    updatedBy: "dave", updatedAt: Fixtures.at(0), changedFields: ["body"])))
        #expect(h.text.contains("v4   dave      just now"))
        h.send(.changed(ChangeEvent(revision: 31, kind: .deleted, collection: "articles", id: "style-guide", version: 3,
                                    updatedBy: "dave", updatedAt: Fixtures.at(0), changedFields: [])))
        #expect(!h.text.contains("style-guide"))
        #expect(h.text.contains("live"))
    }

    @Test func saysWhenTheServerIsAwayAndWhenItIsBack() {
        var h = Self.listed()
        h.send(.connection(.connected))
        h.send(.connection(.reconnecting(attempt: 2, after: .milliseconds(400), reason: .closed(path: "/s"))))
        #expect(h.screen.line(22).contains("server away · reconnecting (try 2, in 0.4 s) · edits kept"))
        h.send(.connection(.connected))
        #expect(!h.text.contains("server away"))
        #expect(h.text.contains("Reconnected to the server."))
        #expect(h.screen.line(22).hasSuffix("live "))
    }

    @Test func changesNoLongerKeptReloadTheListAndFollowAnew() {
        var h = Self.listed()
        _ = h.take()
        h.send(.eventsStopped(.api(.gone("too old"))))
        let effects = h.take()
        #expect(effects.contains(.followEvents(since: nil)))
        #expect(effects.contains(.call(.list(collection: "articles"), reply: .browser(.listed(collection: "articles")))))
    }

    @Test func ctrlLRepaints() {
        var h = Self.listed()
        h.press(.ctrl("l"))
        #expect(h.take() == [.repaint])
    }
}
