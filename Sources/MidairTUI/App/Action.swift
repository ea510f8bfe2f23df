import Foundation
import MidairClient
import MidairCore

/// Everything that can happen to the app: keys, answers from effects,
/// changes on the server, and what one page asks of the app or of another.
public enum Action: Sendable {
    case key(Key)
    case resized(Size)
    /// The time views measure "3 min ago" against; the runtime sends it now and then.
    case clock(Date)
    case answered(Reply, Result<APIReply, AppError>)
    case timerFired(TimerID)
    case draftRead(RecordKey, Draft?)
    /// A change committed on the server (from `/v1/events`).
    case changed(ChangeEvent)
    /// Someone's presence changed (from `/v1/events`).
    case presence(PresenceEvent)
    /// A lease was taken, renewed or released (from `/v1/events`).
    case lockChanged(LockEvent)
    /// The event stream connected, or broke and is reconnecting.
    case connection(ConnectionStatus)
    /// The event stream ended for good: the revision to resume from is no
    /// longer kept (`.gone`: reload and follow anew) or the server refused.
    case eventsStopped(AppError)

    // What pages ask of the app.
    case open(RecordKey)
    case newRecord(collection: String)
    case openHistory(RecordKey)
    case openConflictLog
    case openHelp
    /// Leave the top page.
    case back
    /// A save (or a stale draft, or "merge now") met a newer version:
    /// opens the merge view with your draft against `conflict.current`.
    case saveConflicted(EditConflict, draft: Draft)
    /// A message on the status line until the next key.
    case flash(String)
    case quit

    // Actions of one page, delivered to the topmost page of that kind.
    case browser(BrowserAction)
    case editor(EditorAction)
    case history(HistoryAction)
    case merge(MergeAction)
}

/// What a page's update returns: effects for the runtime, and changes to
/// the app (pages to open, a question, a follow-up action) that the app's
/// update applies before it returns.
public enum Command: Sendable {
    case run(Effect)
    case push(Page)
    case pop
    /// Replace the top page (the merge view handing back to the editor).
    case replaceTop(Page)
    /// Apply this action next, in the same update.
    case send(Action)
    case ask(Prompt)
    case notice(Notice)
}

/// What every page may read: who you are, the schema, the time, the size,
/// who else is here.
public struct Env: Sendable {
    public var user: String?
    public var schema: Schema?
    public var now: Date
    public var size: Size
    /// Who else is on which record, and the live locks.
    public var others = Others()
    public var connection = Connection.connecting

    public init(user: String?, schema: Schema?, now: Date, size: Size) {
        self.user = user
        self.schema = schema
        self.now = now
        self.size = size
    }
}
