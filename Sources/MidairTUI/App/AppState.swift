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
    /// The revision of the last change seen, to follow events again from there.
    public var lastRevision: Int64?

    public init(pages: [Page], size: Size, now: Date = Date()) {
        self.pages = pages
        self.size = size
        self.now = now
    }

    public var env: Env { Env(user: user, schema: schema, now: now, size: size) }

    public var top: Page? { pages.last }

    /// The browser, with its first requests: who you are, the schema, and
    /// the event stream.
    public static func browser(size: Size, now: Date = Date()) -> (AppState, [Effect]) {
        (AppState(pages: [.browser(BrowserState())], size: size, now: now), startup)
    }

    /// The editor on one record; leaving it ends the app.
    public static func editor(_ key: RecordKey, size: Size, now: Date = Date()) -> (AppState, [Effect]) {
        var state = AppState(pages: [], size: size, now: now)
        var effects = startup
        state.apply(.open(key), into: &effects)
        return (state, effects)
    }

    static let startup: [Effect] = [
        .call(.whoami, reply: .app(.whoami)), .call(.collections, reply: .app(.schema)), .followEvents(since: nil),
    ]
}
