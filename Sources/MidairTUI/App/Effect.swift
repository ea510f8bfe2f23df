import Foundation
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
    case cancelTimer(TimerID)
    /// Writes the draft atomically (a temporary file renamed over the old).
    case writeDraft(Draft)
    case removeDraft(RecordKey)
    /// Comes back as `Action.draftRead(key, draft)`.
    case readDraft(RecordKey)
    /// Follows `/v1/events`; changes come back as `Action.changed`, the end
    /// of the stream as `Action.eventsStopped`.
    case followEvents(since: Int64?)
    /// Repaints every cell (Ctrl-L), not only the changed ones.
    case repaint
    case quit
}

public enum TimerID: Sendable, Hashable {
    /// Unsaved edits of a record go to the drafts journal when it fires.
    case journal(RecordKey)
    /// Follow the event stream again after it broke.
    case reconnectEvents
    /// A status message goes away.
    case clearFlash
}
