import Foundation
import MidairCore

/// The whole state of the terminal app: a stack of pages, and what they
/// share. Only `App.update` changes it.
public struct AppState: Sendable {
    public var pages: [Page]
    public var user: String?
    public var schema: Schema?
    public var now: Date
    public var size: Size
    /// A question every key goes to until it is answered.
    public var prompt: Prompt?
    /// A message box any key closes.
    public var notice: Notice?
    /// A status message until the next key.
    public var flash: String?
    /// This client's presence session, so its own presence is not "someone else".
    public var session: String?
    public var others = Others()
    public var connection = Connection.connecting
    /// The event stream was open at least once, so a later break is a
    /// reconnection rather than a slow start.
    public var hasConnected = false
    /// What the server was last told this session is doing.
    public var announced: Presence?
    /// The last key, to say "idle" after a while without one.
    public var lastInput: Date
    /// The record whose lock `midair edit --lock` took: renewed while the
    /// app runs, released when it quits.
    public var heldLock: RecordKey?

    public init(pages: [Page], size: Size, now: Date = Date()) {
        self.pages = pages
        self.size = size
        self.now = now
        lastInput = now
    }

    public var env: Env {
        var env = Env(user: user, schema: schema, now: now, size: size)
        env.others = others
        env.connection = connection
        return env
    }

    public var top: Page? { pages.last }

    /// The browser, with its first requests: who you are, the schema, the
    /// event stream, and the first word of its presence (then a heartbeat).
    public static func browser(size: Size, now: Date = Date()) -> (AppState, [Effect]) {
        var state = AppState(pages: [.browser(BrowserState())], size: size, now: now)
        var effects = startup
        state.announce(&effects)
        return (state, effects)
    }

    /// The editor on one record; leaving it ends the app. `holding`: the
    /// caller took the record's lease (`midair edit --lock`), which the app
    /// renews until it quits and then releases.
    public static func editor(_ key: RecordKey, holding: Bool = false, size: Size, now: Date = Date()) -> (AppState, [Effect]) {
        var state = AppState(pages: [], size: size, now: now)
        var effects = startup
        if holding {
            state.heldLock = key
            effects.append(.startTimer(.renewLock, after: App.lockRenewal))
        }
        state.apply(.open(key), into: &effects)
        return (state, effects)
    }

    static let startup: [Effect] = [
        .call(.whoami, reply: .app(.whoami)), .call(.collections, reply: .app(.schema)), .followEvents(since: nil),
        .startTimer(.heartbeat, after: App.heartbeat),
    ]
}
