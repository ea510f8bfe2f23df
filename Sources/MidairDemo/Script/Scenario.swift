import MidairCore
import MidairTUI

/// A demo as its script describes it: who takes part, and what happens,
/// step by step. Made by `ScriptParser`, played by `Player`.
public struct Scenario: Sendable {
    /// The file name without `.demo`: what `midair demo NAME` takes.
    public var name: String
    /// The one line `midair demo --list` prints.
    public var about: String
    /// Where it came from, for messages (`concurrent-edit.demo`, a user's path).
    public var file: String
    public var cast: [Role]
    public var steps: [Step]
}

/// One who takes part, in the order they are shown, left to right.
public struct Role: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A person in the terminal app: the editor on one record.
        case editor(RecordKey)
        /// A person in the terminal app's browser.
        case browser
        /// A plain API client (a script, a service, a form handler).
        case client
        /// Clients acting at the same moment, named `<name>1`...`<name>N`.
        case crowd(Int)
    }

    public var name: String
    public var kind: Kind
}

/// One line of the script that does something, with its line number for
/// messages.
public struct Step: Sendable {
    public var line: Int
    public var action: Kind

    public enum Kind: Sendable {
        /// Narration: what happens and why.
        case say(String)
        /// A pause for the audience (scaled by `--speed`; skipped headless).
        case wait(Duration)
        /// The stage as it is now goes into the transcript.
        case show
        /// Keys for a person in the app.
        case keys(actor: String, [Key])
        /// A request by a client.
        case request(actor: String, Request)
        /// Every member of a crowd takes `amount` off an integer field at
        /// once, retrying each 409 after a backoff.
        case decrement(crowd: String, RecordKey, field: String, amount: Int)
        case expect(Expectation)
    }
}

/// What a client asks the server.
public enum Request: Sendable, Hashable {
    case get(RecordKey)
    /// `lost`: the answer never reaches the client, as when a connection
    /// drops after the server committed.
    case create(collection: String, id: String?, fields: Fields, idempotencyKey: String?, lost: Bool)
    /// A replace with `If-Match` of the version this client last saw.
    /// `retry`: in the background, a 423 or 409 is retried after an
    /// exponential backoff with jitter (a 409 on the version it carries),
    /// while the script goes on.
    case set(RecordKey, fields: Fields, retry: Bool)
    /// A delete with `If-Match` of the version this client last saw.
    case delete(RecordKey)
    case lock(RecordKey)
    case unlock(RecordKey)
}

/// A check the demo makes; headless, a failed one fails the run.
public enum Expectation: Sendable, Hashable {
    /// The actor's screen shows the text.
    case text(actor: String, String)
    /// The actor's status or message line (the bottom two rows) shows it.
    case statusLine(actor: String, String)
    /// The actor got this HTTP status since its last step.
    case status(actor: String, Int)
    /// The server holds this value in the field.
    case field(RecordKey, field: String, value: String)
    /// The collection holds this many live records.
    case count(collection: String, Int)
}
