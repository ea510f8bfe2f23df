import Foundation
import MidairClient
import MidairCore
import Testing
@testable import MidairTUI

/// Others on the same records: presence told and shown, locks shown and
/// waited for, the `--lock` lease, and a server that goes away and comes back.
@Suite struct CollaborationTests {
    static let key = RecordKey(collection: "articles", id: "welcome")

    static func presence(_ user: String, _ state: PresenceEvent.State, session: String? = nil, on record: String? = "articles/welcome") -> Action {
        .presence(PresenceEvent(user: user, session: session ?? "s-\(user)", record: record, state: state, at: Fixtures.at(0)))
    }

    static func lock(_ holder: String, expiresIn seconds: TimeInterval = 50) -> LockInfo {
        LockInfo(collection: "articles", id: "welcome", holder: holder, acquiredAt: Fixtures.at(10), expiresAt: Fixtures.at(-seconds))
    }

    static func locked(_ holder: String) -> AppError {
        .api(.locked(Problem(type: "https://midair.dev/problems/locked", title: "Locked", status: 423,
                             detail: "articles/welcome is locked by \(holder)", lock: lock(holder))))
    }

    // MARK: Presence told

    @Test func theServerHearsWhatThisSessionDoesWhenItChanges() {
        var h = Harness.browser()
        _ = h.takeAll()
        h.send(.open(Self.key))
        h.send(.answered(.editor(.loaded), .success(.record(Fixtures.welcome))))
        h.send(.draftRead(Self.key, nil))
        #expect(h.announced == [Presence(record: Self.key, state: .viewing)])
        _ = h.takeAll()
        h.type("!")
        #expect(h.announced == [Presence(record: Self.key, state: .editing)])
        _ = h.takeAll()
        h.type("?")
        #expect(h.announced == [], "said once, not on every key")
        h.press(.escape, .char("d"))
        #expect(h.announced == [Presence(record: nil, state: .viewing)])
    }

    @Test func theHeartbeatSaysItAgainAndAWhileWithoutKeysIsIdle() {
        var h = Harness.editor()
        _ = h.takeAll()
        h.send(.timerFired(.heartbeat))
        #expect(h.takeAll() == [
            .call(.setPresence(Presence(record: Self.key, state: .viewing)), reply: .app(.presence)),
            .startTimer(.heartbeat, after: .seconds(10)),
        ])
        h.send(.clock(Fixtures.now.addingTimeInterval(301)))
        #expect(h.announced == [Presence(record: Self.key, state: .idle)])
        _ = h.takeAll()
        h.type("!")
        #expect(h.announced == [Presence(record: Self.key, state: .editing)])
    }

    @Test func aFailedPresenceCallIsNotAnError() {
        var h = Harness.editor()
        h.send(.answered(.app(.presence), .failure(.connection(.closed(path: "/s")))))
        #expect(h.state.notice == nil)
    }

    @Test func quittingLeavesAtOnce() {
        var h = Harness.editor()
        #expect(h.state.farewell == [.leavePresence])
        _ = h.takeAll()
        h.press(.escape)
        #expect(h.effects.last == .quit)
        #expect(h.announced == [], "nothing said that could reach the server after the farewell's leave")
    }

    // MARK: Presence shown

    @Test func theEditorSaysWhoElseIsOnTheRecord() {
        var h = Harness.editor()
        h.state.session = "mine"
        h.send(Self.presence("bob", .viewing))
        #expect(h.screen.line(0).hasSuffix("bob is viewing · v3 "))
        h.send(Self.presence("bob", .editing))
        h.send(Self.presence("ann", .viewing))
        #expect(h.screen.line(0).hasSuffix("bob is editing · ann is viewing · v3 "))
        #expect(h.screen.markup.components(separatedBy: "\n")[0].contains("[br:warning]bob is editing"), "someone editing stands out")
        h.send(Self.presence("alice", .viewing, session: "mine"))
        h.send(Self.presence("alice", .viewing, session: "other-terminal"))
        #expect(h.screen.line(0).hasSuffix("bob is editing · 2 more here · v3 "), "too long for 80 columns")
        h.send(.resized(Size(width: 120, height: 24)))
        #expect(h.screen.line(0).hasSuffix("bob is editing · ann and you (another session) are viewing · v3 "))
        h.send(.resized(.minimum))
        h.send(Self.presence("bob", .gone))
        h.send(Self.presence("ann", .viewing, on: "articles/style-guide"))
        #expect(h.screen.line(0).hasSuffix("you (another session) are viewing · v3 "))
    }

    @Test func theBrowserMarksRecordsOthersHaveOpen() {
        var h = Harness.browser(size: Size(width: 120, height: 30))
        h.send(.answered(.browser(.listed(collection: "articles")), .success(.page(RecordPage(records: Fixtures.summaries, next: nil)))))
        h.send(Self.presence("bob", .editing))
        h.send(Self.presence("ann", .viewing, on: "articles/style-guide"))
        #expect(h.screen.line(3).hasPrefix("   products    │ • style-guide    House style guide  "))
        #expect(h.screen.line(3).contains("  ann v2 "), "the name ends the title cell")
        #expect(h.screen.line(4).contains("│ ✎ welcome        Welcome to midair  ") && h.screen.line(4).contains("  bob v3 "))
        let text = h.text
        #expect(text.contains("live · online: ann, bob"))
        // A long title keeps its room; the mark before the id says enough.
        var narrow = Harness.browser()
        narrow.send(.answered(.browser(.listed(collection: "articles")), .success(.page(RecordPage(
            records: [RecordSummary(id: "welcome", title: "A title long enough to fill the column", version: 3, revision: 17,
                                    updatedBy: "bob", updatedAt: Fixtures.at(300))], next: nil)))))
        narrow.send(Self.presence("bob", .editing))
        #expect(narrow.screen.line(2).contains("│ ✎ welcome        A title long enough"))
    }

    // MARK: Locks shown

    @Test func theEditorShowsWhoHoldsTheLockUntilItIsReleased() {
        var h = Harness.editor()
        h.send(.lockChanged(LockEvent(kind: .acquired, lock: Self.lock("carol"), at: Fixtures.at(0))))
        #expect(h.screen.line(0).hasSuffix("locked by carol (50 s left) · v3 "))
        h.send(.lockChanged(LockEvent(kind: .released, lock: Self.lock("carol"), at: Fixtures.at(0))))
        #expect(!h.text.contains("locked by"))
        // A lease that ran out says nothing.
        h.send(.lockChanged(LockEvent(kind: .acquired, lock: Self.lock("carol", expiresIn: -1), at: Fixtures.at(0))))
        #expect(!h.text.contains("locked by"))
    }

    @Test func aLockAndSomeoneElseShortenToFitAndTheVersionStays() {
        var h = Harness.editor()
        h.send(.lockChanged(LockEvent(kind: .acquired, lock: Self.lock("carol"), at: Fixtures.at(0))))
        h.send(Self.presence("carol", .viewing))
        h.send(Self.presence("bartholomew-the-second", .editing))
        #expect(h.screen.line(0).hasSuffix("locked by carol (50 s left) · v3 "), "the lock alone when the people do not fit")
        h.send(Self.presence("bartholomew-the-second", .gone))
        #expect(h.screen.line(0).hasSuffix("locked by carol (50 s left) · carol is viewing · v3 "))
        #expect(!h.text.contains("0 more here"))
    }

    @Test func openingARecordAsksForItsLock() {
        var h = Harness.browser()
        _ = h.takeAll()
        h.send(.open(Self.key))
        #expect(h.takeAll().contains(.call(.lockStatus(Self.key), reply: .app(.lockStatus(Self.key)))))
        h.send(.answered(.app(.lockStatus(Self.key)), .success(.lock(Self.lock("alice")))))
        h.send(.answered(.editor(.loaded), .success(.record(Fixtures.welcome))))
        h.send(.draftRead(Self.key, nil))
        #expect(h.screen.line(0).hasSuffix("locked by you · v3 "))
    }

    // MARK: Waiting for a lock

    /// The editor with "!" typed, whose save met carol's lock.
    static func refused() -> Harness {
        var h = Harness.editor()
        h.type("!")
        h.press(.ctrl("s"))
        h.send(.answered(.editor(.saved), .failure(locked("carol"))))
        _ = h.take()
        return h
    }

    static var typed: Fields {
        var fields = Fixtures.welcome.fields
        fields["title"] = "Welcome to midair!"
        return fields
    }

    @Test func a423SaysWhoHoldsTheLockAndKeepsTheEdits() {
        let h = Self.refused()
        #expect(h.topKind == .conflict)
        let text = h.text
        #expect(text.contains("carol holds the lock on articles/welcome: nobody else can save it until"))
        #expect(text.contains("lease runs out (in 50 s, unless renewed)"))
        #expect(text.contains("Your edits, typed on v3, are kept:"))
        #expect(text.contains("title  Welcome to midair!"))
        #expect(text.contains("w wait, and save once it is released"))
        var back = h
        back.press(.escape)
        #expect(back.topKind == .editor && back.editor?.fields[0].value == "Welcome to midair!")
        #expect(back.take() == [.cancelTimer(.lockRetry)])
    }

    @Test func waitingRetriesWithBackoffUntilTheLockIsReleased() {
        var h = Self.refused()
        h.press(.char("w"))
        #expect(h.take() == [.startBackoffTimer(.lockRetry, LockedState.backoff, attempt: 0)])
        #expect(h.text.contains("waiting for the lock"))
        h.send(.timerFired(.lockRetry))
        #expect(h.take() == [.call(.replace(Self.key, fields: Self.typed, ifMatch: 17), reply: .conflict(.lockRetry))])
        h.send(.answered(.conflict(.lockRetry), .failure(Self.locked("carol"))))
        #expect(h.take() == [.startBackoffTimer(.lockRetry, LockedState.backoff, attempt: 1)])
        #expect(h.text.contains("waiting for the lock · tried 1×"))
        // The server away meanwhile: keep waiting.
        h.send(.timerFired(.lockRetry))
        h.send(.answered(.conflict(.lockRetry), .failure(.connection(.closed(path: "/s")))))
        #expect(h.take().last == .startBackoffTimer(.lockRetry, LockedState.backoff, attempt: 2))
        // Released: the save goes at once, without sitting out the wait.
        h.send(.lockChanged(LockEvent(kind: .released, lock: Self.lock("carol"), at: Fixtures.at(0))))
        #expect(h.take() == [.cancelTimer(.lockRetry), .call(.replace(Self.key, fields: Self.typed, ifMatch: 17), reply: .conflict(.lockRetry))])
        #expect(h.text.contains("saving (try 3)…"))
        h.send(.answered(.conflict(.lockRetry), .success(.record(Fixtures.record(Self.typed, version: 4, revision: 20)))))
        #expect(h.topKind == .editor && h.editor?.base?.version == 4 && !(h.editor?.isDirty ?? true))
        #expect(h.text.contains("Saved articles/welcome as v4 once carol's lock was released."))
    }

    @Test func aReleaseWhileASaveIsInFlightRetriesAtOnce() {
        var h = Self.refused()
        h.press(.char("w"))
        h.send(.timerFired(.lockRetry))
        _ = h.take()
        h.send(.lockChanged(LockEvent(kind: .released, lock: Self.lock("carol"), at: Fixtures.at(0))))
        #expect(h.take() == [], "one save at a time")
        h.send(.answered(.conflict(.lockRetry), .failure(Self.locked("carol"))))
        #expect(h.take() == [.call(.replace(Self.key, fields: Self.typed, ifMatch: 17), reply: .conflict(.lockRetry))],
                "the 423 raced the release: no backoff")
    }

    @Test func escWhileASaveIsInFlightWaitsForItsAnswer() {
        var saved = Self.refused()
        saved.press(.char("w"))
        saved.send(.timerFired(.lockRetry))
        saved.press(.escape)
        #expect(saved.topKind == .conflict && saved.text.contains("stopping once the save in flight is answered"))
        var refusedAgain = saved
        saved.send(.answered(.conflict(.lockRetry), .success(.record(Fixtures.record(Self.typed, version: 4, revision: 20)))))
        #expect(saved.topKind == .editor && saved.editor?.base?.revision == 20 && !(saved.editor?.isDirty ?? true),
                "a save that went through is not lost")
        _ = refusedAgain.take()
        refusedAgain.send(.answered(.conflict(.lockRetry), .failure(Self.locked("carol"))))
        #expect(refusedAgain.topKind == .editor && refusedAgain.editor?.fields[0].value == "Welcome to midair!")
        #expect(refusedAgain.take() == [], "no more tries")
    }

    @Test func backoffGrowsAndStaysUnderItsCap() {
        let b = LockedState.backoff
        #expect(b.ceiling(attempt: 0) == .milliseconds(500) && b.ceiling(attempt: 3) == .seconds(4) && b.ceiling(attempt: 10) == .seconds(8))
        for attempt in 0..<12 {
            let d = b.delay(attempt: attempt)
            #expect(d >= .zero && d <= b.ceiling(attempt: attempt))
        }
    }

    @Test func aVersionSavedUnderTheLockOpensTheMerge() {
        var h = Self.refused()
        h.press(.char("w"))
        h.send(.timerFired(.lockRetry))
        let theirs = Record(collection: "articles", id: "welcome", fields: ["title": "Welcome, by Carol", "body": "", "tags": "intro"],
                            version: 4, revision: 21, updatedBy: "carol", updatedAt: Fixtures.at(5))
        h.send(.answered(.conflict(.lockRetry), .failure(.api(.editConflict(
            EditConflict(current: theirs, yourRevision: 17, baseVersion: 3, changedFields: ["title", "body"], changes: []))))))
        #expect(h.topKind == .merge)
        #expect(h.state.pages.count == 2, "the lock screen is gone; the editor is under the merge")
        #expect(h.text.contains("carol saved v4 while holding the lock"))
        guard case .merge(let merge) = h.state.top else { return }
        #expect(merge.draft.fields["title"] == "Welcome to midair!")
    }

    @Test func aMergeWhoseSaveMeetsALockWaitsWithTheMergedFields() {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"), .ctrl("s"))
        let merged = h.savedMerge!.fields
        h.send(.answered(.merge(.saved), .failure(Self.locked("carol"))))
        #expect(h.topKind == .conflict)
        h.press(.char("w"))
        h.send(.timerFired(.lockRetry))
        #expect(h.calls.last == .replace(Self.key, fields: merged, ifMatch: 30), "against their version")
        let saved = Record(collection: "articles", id: "welcome", fields: merged, version: 6, revision: 31, updatedBy: "alice", updatedAt: Fixtures.at(0))
        h.send(.answered(.conflict(.lockRetry), .success(.record(saved))))
        #expect(h.topKind == .editor && h.state.pages.count == 1 && h.editor?.base?.revision == 31)
    }

    // MARK: The --lock lease

    @Test func aHeldLeaseIsRenewedAndGivenBackOnTheWayOut() {
        var h = Harness(AppState.editor(Self.key, holding: true, size: .minimum, now: Fixtures.now))
        #expect(h.takeAll().contains(.startTimer(.renewLock, after: .seconds(15))))
        #expect(h.state.farewell == [.leavePresence, .unlock(Self.key)])
        h.send(.timerFired(.renewLock))
        #expect(h.take() == [.call(.lock(Self.key), reply: .app(.lockRenewal)), .startTimer(.renewLock, after: .seconds(15))])
        h.send(.answered(.app(.lockRenewal), .success(.lock(Self.lock("alice")))))
        h.send(.answered(.app(.whoami), .success(.whoami(Whoami(user: "alice", via: "unix-socket")))))
        h.send(.answered(.app(.schema), .success(.schema(Fixtures.schema))))
        h.send(.answered(.editor(.loaded), .success(.record(Fixtures.welcome))))
        #expect(h.screen.line(0).hasSuffix("locked by you · v3 "))
        // A renewal while the server is away fails quietly; the lease outlives it.
        h.send(.answered(.app(.lockRenewal), .failure(.connection(.closed(path: "/s")))))
        #expect(h.state.heldLock != nil && h.state.notice == nil)
    }

    @Test func aLostLeaseIsSaid() {
        var h = Harness(AppState.editor(Self.key, holding: true, size: .minimum, now: Fixtures.now))
        h.send(.answered(.app(.lockRenewal), .failure(Self.locked("carol"))))
        #expect(h.state.heldLock == nil && h.state.farewell == [.leavePresence])
        #expect(h.text.contains("You no longer hold the lock on articles/welcome"))
        #expect(h.text.contains("carol holds it now"))
    }

    // MARK: The server away

    @Test func editsGoOnWhileTheServerIsAwayAndSaveOnceItIsBack() {
        var h = Harness.editor()
        h.send(.connection(.reconnecting(attempt: 1, after: .milliseconds(180), reason: .closed(path: "/s"))))
        #expect(h.screen.line(22).contains("server away · reconnecting (try 1, in 0.2 s) · edits kept"))
        h.type("!")
        h.press(.ctrl("s"))
        h.send(.answered(.editor(.saved), .failure(.connection(.closed(path: "/s")))))
        #expect(h.state.notice == nil)
        #expect(h.text.contains("Not saved:") && h.text.contains("Your edits are kept"))
        #expect(h.editor?.phase == .ready && h.editor?.fields[0].value == "Welcome to midair!")
        _ = h.takeAll()
        h.send(.connection(.connected))
        #expect(!h.text.contains("server away"))
        #expect(h.text.contains("Reconnected to the server. Your edits are here: ^S saves them."))
        let effects = h.takeAll()
        #expect(effects.contains(.call(.lockStatus(Self.key), reply: .app(.lockStatus(Self.key)))))
        #expect(effects.contains(.call(.setPresence(Presence(record: Self.key, state: .editing)), reply: .app(.presence))),
                "a restarted server forgot this session: it is told again")
        h.press(.ctrl("s"))
        #expect(h.take() == [.call(.replace(Self.key, fields: Self.typed, ifMatch: 17), reply: .editor(.saved))])
    }

    @Test func presenceIsForgottenWhileAwayAndComesBackWithTheStream() {
        var h = Harness.editor()
        h.send(Self.presence("bob", .editing))
        h.send(.connection(.reconnecting(attempt: 1, after: .seconds(1), reason: .closed(path: "/s"))))
        #expect(!h.text.contains("bob is editing"))
        h.send(.connection(.connected))
        h.send(Self.presence("bob", .editing))
        #expect(h.text.contains("bob is editing"))
    }

    @Test func aRefusedStreamIsSaidOnce() {
        var h = Harness.editor()
        let refused = AppError.api(.other(Problem(type: "https://midair.dev/problems/unauthorized", title: "Unauthorized",
                                                  status: 401, detail: "the token was revoked")))
        h.send(.eventsStopped(refused))
        #expect(h.text.contains("Not following changes any more"))
        #expect(h.state.connection == .refused(refused.description))
        h.press(.char("x"))
        #expect(h.screen.line(22).contains("not following changes: the server refused"))
    }
}
