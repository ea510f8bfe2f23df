import Foundation
import MidairClient
import MidairCore
import Testing
@testable import MidairTUI

@Suite struct EditorTests {
    static let key = RecordKey(collection: "articles", id: "welcome")

    @Test func showsTheFormWithFocusOnTheFirstField() {
        let h = Harness.editor()
        Golden.check(h.screen, "editor-welcome")
        #expect(h.editor?.focus == 0)
        #expect(h.text.contains("articles/welcome · v3 · alice · saved"))
        #expect(h.screen.cursor == Position(row: 1, col: 26))
    }

    @Test func tabMovesBetweenFieldsAndEntersTextAreasAtTheirFirstLine() {
        var h = Harness.editor()
        h.press(.tab)
        #expect(h.editor?.focus == 1)
        #expect(h.editor?.fields[1].buffer.cursor == Position(row: 0, col: 0))
        #expect(h.screen.cursor == Position(row: 2, col: 9))
        h.press(.tab, .backTab, .backTab)
        #expect(h.editor?.focus == 0)
        h.press(.backTab)
        #expect(h.editor?.focus == 2)
    }

    @Test func textAreasEditLikeAnEditor() {
        var h = Harness.editor()
        h.press(.tab, .end)
        h.type(" More")
        h.press(.enter)
        h.type("漢字 ok")
        #expect(h.editor?.fields[1].value == "First line. More\n漢字 ok\nSecond line.\nThird line.")
        #expect(h.screen.cursor == Position(row: 3, col: 9 + 7))
        h.press(.home, .backspace)
        #expect(h.editor?.fields[1].value == "First line. More漢字 ok\nSecond line.\nThird line.")
        h.press(.end, .delete)
        #expect(h.editor?.fields[1].value == "First line. More漢字 okSecond line.\nThird line.")
        h.press(.down, .pageDown, .pageUp, .left, .right, .up)
        #expect(h.editor?.fields[1].buffer.cursor.row == 0)
        #expect(h.text.contains("unsaved"))
    }

    @Test func longLinesScrollSideways() {
        var h = Harness.editor()
        h.press(.tab)
        h.type(String(repeating: "x", count: 100))
        let row = h.screen.line(2)
        #expect(row.contains("‹"))
        #expect(h.screen.cursor.map { $0.col < 80 } == true)
        h.press(.home)
        #expect(h.screen.line(2).contains("›"))
    }

    @Test func undoAndRedoTakeBackRunsOfTyping() {
        var h = Harness.editor()
        h.type(" and more")
        h.press(.ctrl("z"))
        #expect(h.editor?.fields[0].value == "Welcome to midair and")
        h.press(.ctrl("z"))
        #expect(h.editor?.fields[0].value == "Welcome to midair")
        h.press(.ctrl("y"), .ctrl("y"))
        #expect(h.editor?.fields[0].value == "Welcome to midair and more")
    }

    @Test func ctrlSSavesWithIfMatchAndRemovesTheDraft() {
        var h = Harness.editor()
        _ = h.take()
        h.press(.ctrl("s"))
        #expect(h.text.contains("Nothing to save"))
        h.type("!")
        _ = h.take()
        h.press(.ctrl("s"))
        var fields = Fixtures.welcome.fields
        fields["title"] = "Welcome to midair!"
        #expect(h.take() == [.call(.replace(Self.key, fields: fields, ifMatch: 17), reply: .editor(.saved))])
        #expect(h.text.contains("saving…"))
        h.send(.answered(.editor(.saved), .success(.record(Fixtures.record(fields, version: 4, revision: 20)))))
        #expect(h.text.contains("articles/welcome · v4 · alice · saved"))
        #expect(h.take() == [.startTimer(.clearFlash, after: .seconds(6)), .cancelTimer(.journal(Self.key)), .removeDraft(Self.key)])
    }

    @Test func aStaleSaveOpensTheMergeViewWithTheDraft() {
        var h = Harness.editor()
        h.type("!")
        h.press(.ctrl("s"))
        let theirs = Fixtures.record(Fixtures.welcome.fields, version: 4, revision: 21)
        let conflict = EditConflict(current: theirs, yourRevision: 17, baseVersion: 3, changedFields: ["body"], changes: [])
        h.send(.answered(.editor(.saved), .failure(.api(.editConflict(conflict)))))
        #expect(h.topKind == .merge)
        guard case .merge(let merge) = h.state.top else { return }
        #expect(merge.draft.fields["title"] == "Welcome to midair!" && merge.draft.baseRevision == 17)
        h.press(.escape)
        #expect(h.editor?.fields[0].value == "Welcome to midair!")
    }

    @Test func validationErrorsShowAtTheField() {
        var h = Harness.editor()
        h.press(.ctrl("a"))
        for _ in 0..<20 { h.press(.delete) }
        h.press(.ctrl("s"))
        h.send(.answered(.editor(.saved), .failure(.api(.invalid([ValidationError(field: "title", "is required")])))))
        #expect(h.screen.line(2).contains("! is required"))
        #expect(h.text.contains("Not saved: 1 problem to fix."))
        h.type("T")
        #expect(!h.text.contains("! is required"))
    }

    @Test func escAsksBeforeDroppingUnsavedWork() {
        var clean = Harness.editor()
        _ = clean.take()
        clean.press(.escape)
        #expect(clean.take() == [.cancelTimer(.journal(Self.key)), .quit])
        var h = Harness.editor()
        h.type("!")
        h.press(.escape)
        #expect(h.text.contains("Unsaved changes to articles/welcome."))
        h.press(.char("k"))
        #expect(h.editor != nil && h.state.prompt == nil)
        _ = h.take()
        h.press(.escape, .char("d"))
        #expect(h.take() == [.cancelTimer(.journal(Self.key)), .removeDraft(Self.key), .quit])
    }

    @Test func aChangeOnTheServerIsAnnouncedAndMMerges() {
        var h = Harness.editor()
        h.type("!")
        let event = ChangeEvent(revision: 25, kind: .updated, collection: "articles", id: "welcome", version: 4,
                                updatedBy: "bob", updatedAt: Fixtures.at(0), changedFields: ["body"])
        h.send(.changed(event))
        #expect(h.text.contains("bob saved v4 · M to merge now"))
        _ = h.take()
        h.press(.char("M"))
        #expect(h.take() == [.call(.get(Self.key), reply: .editor(.mergeWith))])
        #expect(h.editor?.fields[0].value == "Welcome to midair!")
        let theirs = Fixtures.record(["title": "Welcome to midair", "body": "New body", "tags": "intro"], version: 4, revision: 25)
        h.send(.answered(.editor(.mergeWith), .success(.record(theirs))))
        guard case .merge(let merge) = h.state.top else { Issue.record("no merge view"); return }
        #expect(merge.conflict.current == theirs && merge.conflict.yourRevision == 17 && merge.conflict.changedFields == ["body"])
    }

    @Test func aCleanFormFollowsTheNewerVersion() {
        var h = Harness.editor()
        _ = h.take()
        h.send(.changed(ChangeEvent(revision: 25, kind: .updated, collection: "articles", id: "welcome", version: 4,
                                    updatedBy: "bob", updatedAt: Fixtures.at(0), changedFields: ["body"])))
        #expect(h.take() == [.call(.get(Self.key), reply: .editor(.reloaded))])
        #expect(h.text.contains("bob saved v4 · reloaded"))
    }

    @Test func editsAreJournaledWithinASecond() {
        var h = Harness.editor()
        _ = h.take()
        h.type("ab")
        #expect(h.take() == [.startTimer(.journal(Self.key), after: .milliseconds(400))])
        h.send(.timerFired(.journal(Self.key)))
        guard case .writeDraft(let draft) = h.take().first else { Issue.record("no draft written"); return }
        #expect(draft.fields["title"] == "Welcome to midairab" && draft.baseRevision == 17 && draft.baseVersion == 3)
    }

    @Test func aDraftOfTheSameVersionIsOffered() {
        var fields = Fixtures.welcome.fields
        fields["tags"] = "intro, draft"
        let draft = Draft(key: Self.key, baseRevision: 17, baseVersion: 3, fields: fields, savedAt: Fixtures.now.addingTimeInterval(-120))
        var h = Harness.editor(draft: draft)
        #expect(h.text.contains("Unsaved edits of articles/welcome from 2 min ago were kept."))
        h.press(.char("r"))
        #expect(h.editor?.fields[2].value == "intro, draft")
        #expect(h.text.contains("unsaved"))
    }

    @Test func aStaleDraftGoesToTheMergeView() {
        var fields = Fixtures.welcome.fields
        fields["tags"] = "intro, draft"
        let draft = Draft(key: Self.key, baseRevision: 12, baseVersion: 2, fields: fields, savedAt: Fixtures.now)
        var h = Harness.editor(draft: draft)
        #expect(h.topKind == .merge)
        guard case .merge(let merge) = h.state.top else { return }
        #expect(merge.conflict.current == Fixtures.welcome && merge.conflict.yourRevision == 12 && merge.conflict.baseVersion == 2)
        h.press(.escape)
        _ = h.take()
        h.press(.ctrl("s"))
        #expect(h.take() == [.call(.replace(Self.key, fields: fields, ifMatch: 12), reply: .editor(.saved))])
    }

    @Test func recordTextIsShownInert() {
        let hostile = Fixtures.record(["title": "\u{1B}]52;c;aGk=\u{07}x", "body": "\u{1B}[2J\u{9B}31m\u{202E}evil", "tags": "\u{1B}P1$r\u{1B}\\"])
        let h = Harness.editor(hostile)
        #expect(h.text.contains("^[]52;c;aGk=^Gx"))
        #expect(h.text.contains("^[[2J<U+009B>31m<U+202E>evil"))
        #expect(!h.screen.cells.contains { $0.text.unicodeScalars.contains { InertText.isUnsafe($0) } })
    }

    @Test func resizesAtAnyMomentAndAsksForRoomBelow80x24() {
        var h = Harness.editor()
        h.press(.tab)
        h.send(.resized(Size(width: 60, height: 20)))
        #expect(h.text.contains("midair needs a terminal of at least 80x24"))
        #expect(h.screen.cursor == nil)
        h.send(.resized(Size(width: 120, height: 40)))
        #expect(h.text.contains("articles/welcome · v3 · alice · saved"))
        #expect(h.screen.cursor == Position(row: 2, col: 9))
    }

    @Test func aFoldedTextAreaCountsTheLinesItHidesAndClearsUnderTheMark() {
        let long = String(repeating: "a long line of the body that runs on and on to the very edge of the screen ", count: 1)
        var fields = Fixtures.welcome.fields
        fields["body"] = (1...4).map { "\($0) " + long }.joined(separator: "\n") + "\n"
        let h = Harness.editor(Fixtures.record(fields))
        let row = h.screen.line(4)
        #expect(row.hasSuffix(" … 1 more line "), "the empty line after the last break is not counted")
        #expect(row.hasPrefix("         3 a long line"))
        fields["body"] = (1...5).map(String.init).joined(separator: "\n")
        #expect(Harness.editor(Fixtures.record(fields)).screen.line(4).hasSuffix(" … 2 more lines "))
    }
}
