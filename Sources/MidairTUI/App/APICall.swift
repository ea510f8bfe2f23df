import MidairClient
import MidairCore

/// A request to the server, as a value: update asks for it in an `Effect`,
/// the runtime makes it with `MidairClient`, and the answer comes back as
/// `Action.answered` to whoever the `Reply` names.
public enum APICall: Sendable, Hashable {
    case whoami
    case collections
    case list(collection: String)
    case get(RecordKey)
    case history(RecordKey)
    case version(RecordKey, Int)
    case create(collection: String, fields: Fields)
    case replace(RecordKey, fields: Fields, ifMatch: Int64)
    /// `If-None-Match: *`: re-creates a deleted record under its id.
    case createExclusive(RecordKey, fields: Fields)
    case delete(RecordKey, ifMatch: Int64)
    case conflicts
    /// Says what this session is doing (`PUT /v1/presence`).
    case setPresence(Presence)
    /// Leaves at once when the app quits, instead of lapsing.
    case leavePresence
    /// Takes or renews the lease on a record (`midair edit --lock`).
    case lock(RecordKey)
    case unlock(RecordKey)
    /// The live lease on a record, if any.
    case lockStatus(RecordKey)
}

extension APICall {
    /// A call the app makes on its own to keep others informed (presence,
    /// lock status), not for something a person did; the demo's transcript
    /// leaves these out.
    public var isHousekeeping: Bool {
        switch self {
        case .setPresence, .leavePresence, .lockStatus: true
        default: false
        }
    }

    /// Says where this session is; these must reach the server in order.
    var isPresence: Bool {
        switch self {
        case .setPresence, .leavePresence: true
        default: false
        }
    }
}

/// What a successful call answered.
public enum APIReply: Sendable, Hashable {
    case whoami(Whoami)
    case schema(Schema)
    case page(RecordPage)
    case record(Record)
    case history([HistoryEntry])
    case deleted(Int64)
    case conflicts(ConflictPage)
    /// A lease taken or renewed; nil when the record is not locked.
    case lock(LockInfo?)
    /// A call that answers nothing (204).
    case done
}

/// Who an answer goes to, and what for. Each page names the answers it
/// waits for in its own enum; the app routes them to the topmost page of
/// that kind.
public enum Reply: Sendable, Hashable {
    case app(AppReply)
    case browser(BrowserReply)
    case editor(EditorReply)
    case history(HistoryReply)
    case conflictLog
    case merge(MergeReply)
    case conflict(ConflictReply)
}

public enum AppReply: Sendable, Hashable {
    case whoami
    case schema
    case presence
    /// A renewal of the lock this app holds (`--lock`).
    case lockRenewal
    case lockStatus(RecordKey)
}
