import Foundation
import MidairClient
import MidairCore

/// Work update asks the runtime to do: everything that touches the world
/// (the server, the clock, the disk, the terminal itself). Values, so
/// tests check what a key asked for without doing it.
public enum Effect: Sendable, Hashable {
    /// Comes back as `Action.answered(reply, result)`.
    case call(APICall, reply: Reply)
    /// Comes back as `Action.timerFired(id)`; starting a timer with the id
    /// of one still pending replaces it.
    case startTimer(TimerID, after: Duration)
    /// Like `startTimer`, after a random wait of up to
    /// `backoff.ceiling(attempt:)` (exponential backoff with jitter; the
    /// runner draws it, so update stays pure).
    case startBackoffTimer(TimerID, Backoff, attempt: Int)
    case cancelTimer(TimerID)
    /// Writes the draft atomically (a temporary file renamed over the old).
    case writeDraft(Draft)
    case removeDraft(RecordKey)
    /// Comes back as `Action.draftRead(key, draft)`.
    case readDraft(RecordKey)
    /// Follows `/v1/events` across reconnections: changes come back as
    /// `Action.changed`, presence and locks as `.presence` and
    /// `.lockChanged`, the link's state as `.connection`, and an end that
    /// retrying cannot mend as `.eventsStopped`.
    case followEvents(since: Int64?)
    /// Repaints every cell (Ctrl-L), not only the changed ones.
    case repaint
    case quit
}

public enum TimerID: Sendable, Hashable {
    /// Unsaved edits of a record go to the drafts journal when it fires.
    case journal(RecordKey)
    /// Say again what this session is doing, before the server forgets it.
    case heartbeat
    /// Renew the lock `midair edit --lock` took.
    case renewLock
    /// Try again a save that met someone's lock.
    case lockRetry
    /// A status message goes away.
    case clearFlash
}
