/// Anything `/v1/events` streams: record changes (with a revision, the
/// stream's `id:`), presence and lock changes (no `id:`: they are not
/// revisions, so they never disturb resuming from `Last-Event-ID`).
public enum ServerEvent: Sendable, Hashable {
    case record(ChangeEvent)
    case presence(PresenceEvent)
    case lock(LockEvent)

    /// The SSE `event:` field of `presence` and `lock` events; a record
    /// change is named by its kind (`created`, `updated`, `deleted`).
    public static let presenceType = "presence"
    public static let lockType = "lock"

    /// The header of a `/v1/events` answer naming the revision the stream
    /// starts after, so a client that asked for changes "from now on" knows
    /// where to resume after reconnecting.
    public static let startRevisionHeader = "Midair-Revision"
}
