import Foundation
import MidairClient
import MidairCore
import Testing
@testable import MidairTUI

@Suite struct MergeViewTests {
    typealias F = MergeFixture

    @Test func fetchesTheBaseThenShowsYoursLeftAndTheirsRightWithWhoSavedWhat() {
        var h = MergeFixture.harness(answerBase: false)
        h.send(.saveConflicted(F.conflict(), draft: F.draft))
        #expect(h.take() == [.call(.version(F.key, 3), reply: .merge(.base(version: 3)))])
        #expect(h.text.contains("Loading the base version v3…"))
        #expect(h.text.contains("loading base v3…"))
        h.press(.char("1"))
        #expect(h.text.contains("Waiting for the base version"))
        h.send(.answered(.merge(.base(version: 3)), .success(.record(F.baseRecord))))
        let text = h.text
        #expect(text.contains("◀ yours: your draft, typed on v3"))
        #expect(text.contains("▶ theirs: v5 by bob, 2 min ago"))
        #expect(text.contains("base v3 · v4 by carol 10 min ago (tags) · v5 by bob 2 min ago (title, body)"))
        #expect(text.contains("2 conflicts left"))
        // Rows aligned by field, then by line, with a filler where yours has no line.
        #expect(h.screen.line(4).hasPrefix("▌Welcome to midair!") && h.screen.line(4).contains("???? Welcome to Midair"))
        #expect(text.contains(" echo from alice                      ???? echo from bob"))
        #expect(text.contains(" ╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱╱  auto▶hotel"))
        #expect(text.contains(" bravo mine                          ◀auto bravo"))
    }

    @Test func changedWordsAreHighlightedInsideChangedLines() {
        let h = MergeFixture.harness()
        let markup = h.screen.markup
        #expect(markup.contains("[b:conflict]echo from [br:conflict]alice[/]"))
        #expect(markup.contains("[b:conflict]echo from [br:conflict]bob[/]"))
        #expect(markup.contains("[b:added]bravo[br:added] mine[/]"))
    }

    @Test func oneSidedHunksAreAppliedAndConflictsMustBePicked() {
        var h = MergeFixture.harness()
        h.press(.ctrl("s"))
        #expect(h.text.contains("Not saved: 2 conflicts are still open."))
        #expect(h.savedMerge == nil)
        h.press(.char("1"), .char("n"), .char("n"))
        #expect(h.text.contains("1 conflict left"))
        h.press(.char("2"))
        #expect(h.text.contains("no conflicts left · ^S saves against v5"))
        h.press(.ctrl("s"))
        let saved = h.savedMerge
        #expect(saved?.ifMatch == 30)
        #expect(saved?.fields == [
            "title": "Welcome to midair!",
            "body": "alpha\nbravo mine\ncharlie\ndelta\necho from bob\nfoxtrot\ngolf\nhotel\n",
            "tags": "intro",
        ])
        #expect(h.text.contains("saving…"))
    }

    @Test func nAndPAndBracketCMoveBetweenHunks() {
        var h = MergeFixture.harness()
        #expect(h.text.contains("hunk 1 of 4"))
        h.press(.char("n"))
        #expect(h.text.contains("hunk 2 of 4") && h.merge?.selected == 2)
        h.press(.char("]"), .char("c"))
        #expect(h.text.contains("hunk 3 of 4"))
        h.press(.char("n"), .char("n"))
        #expect(h.text.contains("No more changes below."))
        h.press(.char("["), .char("c"))
        #expect(h.text.contains("hunk 3 of 4"))
        h.press(.char("p"), .char("p"), .char("p"))
        #expect(h.text.contains("No more changes above."))
        h.press(.char("["), .char("x"), .char("c"))
        #expect(h.text.contains("hunk 1 of 4"))
    }

    @Test func everyPickKeySettlesTheSelectedConflict() throws {
        let cases: [(Key, String)] = [
            (.char("1"), "Welcome to midair!"), (.char("h"), "Welcome to midair!"),
            (.char("2"), "Welcome to Midair"), (.char("l"), "Welcome to Midair"),
            (.char("b"), "Welcome to midair! Welcome to Midair"), (.char("B"), "Welcome to Midair Welcome to midair!"),
        ]
        for (key, title) in cases {
            var h = MergeFixture.harness()
            h.press(key)
            let merge = try #require(h.merge?.merge)
            #expect(merge.resolvedText(of: 0) == title, "\(key)")
            #expect(h.text.contains("1 conflict left"))
        }
        var h = MergeFixture.harness()
        h.press(.char("b"))
        #expect(h.text.contains(" ◀+▶ "))
        h.press(.char("B"))
        #expect(h.text.contains(" ▶+◀ "))
        h.press(.char("2"))
        #expect(h.text.contains("   ▶▶ "))
    }

    @Test func eEditsTheHunkByHandAndEscCancels() throws {
        var h = MergeFixture.harness()
        h.press(.char("n"), .char("n"))
        h.press(.char("e"))
        #expect(h.state.top.map { if case .merge(let m) = $0 { m.takesText } else { false } } == true)
        #expect(h.text.contains("edit: body"))
        #expect(h.text.contains("^S done · Esc cancel"))
        // Starts from both sides of the open conflict, yours first.
        #expect(h.text.contains("echo from alice") && h.text.contains("echo from bob"))
        h.press(.escape)
        #expect(!h.text.contains("edit: body") && h.text.contains("2 conflicts left"))
        h.press(.char("e"), .down, .home)
        for _ in 0..<20 { h.press(.delete) }
        h.press(.up, .home)
        for _ in 0..<20 { h.press(.delete) }
        h.type("echo from us both")
        h.press(.ctrl("s"))
        #expect(h.text.contains("1 conflict left"))
        #expect(h.text.contains(" edit ") && h.text.contains("echo from us both"))
        let merge = try #require(h.merge?.merge)
        #expect(merge.resolvedText(of: 4) == "echo from us both\n")
    }

    @Test func uUndoesThePicksOneByOne() {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"))
        #expect(h.text.contains("no conflicts left"))
        h.press(.char("u"))
        #expect(h.text.contains("1 conflict left") && h.merge?.selected == 4)
        h.press(.char("u"))
        #expect(h.text.contains("2 conflicts left") && h.merge?.selected == 0)
        h.press(.char("u"))
        #expect(h.text.contains("Nothing to undo."))
    }

    @Test func tShowsTheBaseUnderEachChange() {
        var h = MergeFixture.harness()
        #expect(!h.text.contains("┊"))
        h.press(.char("t"))
        #expect(h.text.contains("base   ┊   Welcome to midair"))
        #expect(h.text.contains("base   ┊   echo"))
        #expect(h.text.contains("base   ┊   (not in the base)"))
        #expect(h.text.contains("base v3 shown"))
        h.press(.char("t"))
        #expect(!h.text.contains("┊"))
    }

    @Test func arrowsPagesAndJKScroll() {
        let long = (0..<200).map { "line \($0)" }.joined(separator: "\n") + "\n"
        var base = F.base, yours = F.yours, theirs = F.theirs
        base["body"] = long
        yours["body"] = long.replacingOccurrences(of: "line 150\n", with: "line 150 mine\n")
        theirs["body"] = long.replacingOccurrences(of: "line 10\n", with: "line 10 theirs\n")
        var current = F.theirsRecord
        current.fields = theirs
        var h = Harness.editor(Fixtures.record(base, version: 3, revision: 17))
        h.send(.saveConflicted(F.conflict(current: current), draft: Draft(key: F.key, baseRevision: 17, baseVersion: 3, fields: yours, savedAt: Fixtures.now)))
        h.send(.answered(.merge(.base(version: 3)), .success(.record(Fixtures.record(base)))))
        #expect(h.text.contains("line 10 theirs"))
        h.press(.char("j"), .down)
        #expect(h.merge?.top == 2)
        h.press(.char("k"), .up)
        #expect(h.merge?.top == 0)
        h.press(.pageDown)
        #expect(h.merge?.top == 18 && h.text.contains("line 20"))
        h.press(.pageUp)
        #expect(h.merge?.top == 0)
        h.press(.char("n"))
        #expect(h.text.contains("line 150 mine"))
        h.press(.end)
        #expect(h.text.contains("line 199") && h.text.contains("tags"))
        h.press(.home)
        #expect(h.text.contains("── title"))
        h.press(.right)
        #expect(h.merge?.left == 8 && !h.text.contains("line 10 theirs") && h.text.contains("theirs\n"))
        h.press(.left)
        #expect(h.text.contains("line 10 theirs"))
    }

    @Test func aSavedMergeGoesBackToTheEditorOnTheNewVersion() {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"), .ctrl("s"))
        let fields = h.savedMerge!.fields
        _ = h.take()
        let saved = Record(collection: "articles", id: "welcome", fields: fields, version: 6, revision: 31, updatedBy: "alice", updatedAt: Fixtures.at(0))
        h.send(.answered(.merge(.saved), .success(.record(saved))))
        #expect(h.topKind == .editor)
        #expect(h.editor?.base?.revision == 31 && h.editor?.fields[0].value == "Welcome to midair!")
        #expect(h.text.contains("Merged and saved articles/welcome as v6."))
        #expect(h.take().contains(.removeDraft(F.key)))
    }

    @Test func aSecond409OpensANewMergeOfTheMergedResultAgainstTheNewerVersion() throws {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"), .ctrl("s"))
        let merged = h.savedMerge!.fields
        _ = h.take()
        var newer = F.theirsRecord
        newer.fields["tags"] = "intro, news"
        (newer.version, newer.revision, newer.updatedBy) = (6, 40, "carol")
        let again = EditConflict(current: newer, yourRevision: 30, baseVersion: 5, changedFields: ["tags"], changes: [])
        h.send(.answered(.merge(.saved), .failure(.api(.editConflict(again)))))
        #expect(h.take() == [.startTimer(.clearFlash, after: .seconds(6))], "the base is at hand: no fetch")
        let second = try #require(h.merge)
        #expect(second.draft.fields == merged && second.conflict.current == newer)
        #expect(h.text.contains("carol saved v6 meanwhile"))
        #expect(h.text.contains("◀ yours: your merge, on v5") && h.text.contains("base v5"))
        // Only carol's tags changed since v5: nothing left to pick.
        #expect(h.text.contains("no conflicts left"))
        h.press(.ctrl("s"))
        #expect(h.savedMerge?.ifMatch == 40)
        #expect(h.savedMerge?.fields["tags"] == "intro, news" && h.savedMerge?.fields["title"] == "Welcome to midair!")
        // Esc steps back to the first merge, picks kept, then to the draft.
        h.press(.escape)
        #expect(h.topKind == .merge && h.merge?.remainingConflicts == 0 && h.merge?.conflict.current.version == 5)
        h.press(.escape)
        #expect(h.topKind == .editor)
    }

    @Test func escGoesBackToTheDraftWithNothingLost() {
        var h = Harness.editor(F.baseRecord)
        h.type("!")
        h.press(.ctrl("s"))
        h.send(.answered(.editor(.saved), .failure(.api(.editConflict(F.conflict())))))
        #expect(h.topKind == .merge)
        h.send(.answered(.merge(.base(version: 3)), .success(.record(F.baseRecord))))
        h.press(.char("2"))
        _ = h.take()
        h.press(.escape)
        #expect(h.topKind == .editor)
        #expect(h.editor?.fields[0].value == "Welcome to midair!")
        #expect(h.editor?.isDirty == true)
        #expect(h.take().isEmpty)
    }

    @Test func withoutABaseEveryDifferenceIsAConflict() {
        let h = MergeFixture.harness(conflict: F.conflict(baseVersion: nil))
        #expect(h.text.contains("every difference is a conflict: no base"))
        #expect(h.text.contains("2 conflicts left"))
        #expect(h.text.contains("bravo mine") && !h.text.contains("auto"))
    }

    @Test func aBaseThatCannotBeReadGivesATwoWayMerge() {
        var h = MergeFixture.harness(answerBase: false)
        h.send(.answered(.merge(.base(version: 3)), .failure(.api(.notFound("no version 3")))))
        #expect(h.text.contains("v3 could not be read"))
        #expect(h.merge?.merge != nil)
    }

    @Test func otherSaveFailuresAreShownAndTheMergeStays() {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"), .ctrl("s"))
        h.send(.answered(.merge(.saved), .failure(.connection(.closed(path: "/tmp/x.sock")))))
        #expect(h.text.contains("The merge was not saved"))
        #expect(h.topKind == .merge && h.merge?.remainingConflicts == 0)
    }

    @Test func recordTextIsShownInert() {
        var yours = F.yours, theirs = F.theirsRecord
        yours["title"] = "\u{1B}]52;c;aGk=\u{07}mine"
        theirs.fields["title"] = "\u{1B}[2J\u{202E}theirs"
        var h = Harness.editor(F.baseRecord)
        h.send(.saveConflicted(F.conflict(current: theirs), draft: Draft(key: F.key, baseRevision: 17, baseVersion: 3, fields: yours, savedAt: Fixtures.now)))
        h.send(.answered(.merge(.base(version: 3)), .success(.record(F.baseRecord))))
        h.press(.char("t"))
        #expect(h.text.contains("^[]52;c;aGk=^Gmine") && h.text.contains("^[[2J<U+202E>theirs"))
        #expect(!h.screen.cells.contains { $0.text.unicodeScalars.contains { InertText.isUnsafe($0) } })
    }

    @Test func helpListsTheMergeKeys() {
        var h = MergeFixture.harness()
        h.press(.char("?"))
        #expect(h.text.contains("take theirs (right) for this hunk"))
    }
}
