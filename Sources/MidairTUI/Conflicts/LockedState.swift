import MidairClient
import MidairCore

/// A save answered 423: someone holds the record's lease. Says who and
/// until when, keeps your edits, and offers to wait: then the save is tried
/// again with exponential backoff and jitter, and at once when the lock is
/// released, until it goes through (or meets a newer version: the merge).
public struct LockedState: Sendable {
    public var lock: LockInfo
    /// The save that was refused: fields, and the version they go on.
    public var draft: Draft
    /// Pages from this one down to the editor (see `MergeState.depth`).
    var depth = 1
    public var waiting = false
    /// Saves tried while waiting.
    public var attempt = 0
    var saving = false
    /// The lock was released while a save was in flight: if that save
    /// still met it, the next one goes at once.
    var releasedMeanwhile = false
    /// Esc while a save was in flight: leave once it is answered, so a save
    /// that went through is not lost.
    var leaving = false

    public init(lock: LockInfo, draft: Draft) {
        self.lock = lock
        self.draft = draft
    }

    /// Short waits first (a lock is often released soon), a few seconds
    /// at most (the release event usually comes before that).
    static let backoff = Backoff(base: .milliseconds(500), cap: .seconds(8))

    static let keyHelp = KeyHelp(title: "Locked", keys: [
        ("w", "wait: save as soon as the lock is released"),
        ("Esc", "back to your draft (stops waiting)"),
    ] + KeyHelp.everywhere)

    mutating func update(_ action: Action, _ env: Env) -> [Command] {
        switch action {
        case .key(.char("w")) where !waiting:
            waiting = true
            attempt = 0
            return [.run(.startBackoffTimer(.lockRetry, Self.backoff, attempt: 0))]
        case .key(.escape):
            waiting = false
            guard !saving else {
                leaving = true
                return [.run(.cancelTimer(.lockRetry))]
            }
            return [.run(.cancelTimer(.lockRetry)), .pop]
        case .timerFired(.lockRetry) where waiting && !saving:
            return retry()
        case .lockChanged(let event) where event.lock.collection == draft.key.collection && event.lock.id == draft.key.id:
            guard event.kind == .released else {
                lock = event.lock
                return []
            }
            // Released: no need to sit out the backoff.
            if saving { releasedMeanwhile = true }
            return waiting && !saving ? [.run(.cancelTimer(.lockRetry))] + retry() : []
        case .answered(.conflict(.lockRetry), let result) where saving:
            saving = false
            return answered(result, env)
        default:
            return []
        }
    }

    private mutating func retry() -> [Command] {
        saving = true
        releasedMeanwhile = false
        attempt += 1
        return [.run(.call(.replace(draft.key, fields: draft.fields, ifMatch: draft.baseRevision), reply: .conflict(.lockRetry)))]
    }

    /// Back down to the editor this came from.
    private var leave: [Command] { Array(repeating: .pop, count: depth) }

    private mutating func answered(_ result: Result<APIReply, AppError>, _ env: Env) -> [Command] {
        switch result {
        case .success(.record(let record)):
            return leave + [
                .send(.editor(.adopt(record))),
                .send(.flash("Saved \(draft.key) as v\(record.version) once \(lock.holder)'s lock was released.")),
            ]
        case _ where leaving:
            // Esc came while this save was in flight, and it did not go through.
            return [.pop]
        case .failure(.api(.locked(let problem))):
            if let held = problem.lock { lock = held }
            return releasedMeanwhile ? retry() : [.run(.startBackoffTimer(.lockRetry, Self.backoff, attempt: attempt))]
        case .failure(.connection):
            // The server is away (a restart): keep waiting, the status line says so.
            return [.run(.startBackoffTimer(.lockRetry, Self.backoff, attempt: attempt))]
        case .failure(.api(.editConflict(let conflict))):
            // The holder saved before releasing: merge with their version.
            waiting = false
            return leave + [.send(.saveConflicted(conflict, draft: draft)),
                            .send(.flash("\(conflict.current.updatedBy) saved v\(conflict.current.version) while holding the lock: merge your edits with it."))]
        case .failure(let error):
            waiting = false
            return [.notice(Notice("\(draft.key) was not saved", error))]
        case .success:
            waiting = false
            return []
        }
    }

    func view(_ screen: inout Screen, _ env: Env) {
        Chrome.titleBar(&screen, "locked: \(draft.key)")
        let body = Chrome.body(screen)
        let lapses = RelativeTime.left(until: lock.expiresAt, now: env.now).map { "in " + $0 } ?? "now"
        let lines = [
            ("\(lock.holder) holds the lock on \(draft.key): nobody else can save it until \(lock.holder) releases it or the lease runs out (\(lapses), unless renewed).", Style.warning),
            ("Your edits, typed on v\(draft.baseVersion), are kept:", Style.bold),
        ]
        var row = body.row + 1
        for (text, style) in lines {
            for line in TextWrap.lines(text, width: body.width - 4) {
                screen.put(line, row: row, col: 2, style: style)
                row += 1
            }
            row += 1
        }
        FieldPreview.draw(draft.fields, in: Rect(row: row, col: 2, width: body.width - 4, height: body.bottom - row), into: &screen)
        let state =
            if leaving { "stopping once the save in flight is answered…" }
            else if !waiting { "" }
            else if saving { "saving (try \(attempt))…" }
            else { "waiting for the lock" + (attempt > 0 ? " · tried \(attempt)×" : "") }
        Chrome.statusLine(&screen, "\(draft.key) · locked by \(lock.holder)", right: state)
        Chrome.hints(&screen, waiting
            ? [("Esc", "stop waiting, back to your draft")]
            : [("w", "wait, and save once it is released"), ("Esc", "back to your draft")])
    }
}
