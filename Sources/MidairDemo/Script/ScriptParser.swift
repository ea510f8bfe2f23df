import MidairCore
import MidairTUI

/// Reads the demo script language (see README, "Demo mode"): one
/// statement a line, `#` comments, words or "quoted text". Every mistake
/// is a `ScriptError` naming the file and line; nothing is played from a
/// script that does not read whole.
public enum ScriptParser {
    public static func parse(_ text: String, name: String, file: String) throws(ScriptError) -> Scenario {
        var reader = Reader(file: file)
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            reader.line = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            try reader.read(trimmed)
        }
        return try reader.finish(name: name)
    }
}

/// The parser's state between lines: the cast so far, the steps so far.
private struct Reader {
    let file: String
    var line = 0
    var about: String?
    var cast: [Role] = []
    var steps: [Step] = []

    init(file: String) {
        self.file = file
    }

    func fail(_ message: String) -> ScriptError {
        ScriptError(file: file, line: line, message: message)
    }

    mutating func read(_ text: Substring) throws(ScriptError) {
        let head = text.prefix { $0 != " " && $0 != "\t" }
        let rest = text[head.endIndex...].drop { $0 == " " || $0 == "\t" }
        switch head {
        case "about":
            guard about == nil else { throw fail("a second 'about' line") }
            guard !rest.isEmpty else { throw fail("'about' needs one line about the demo") }
            about = String(rest)
        case "say":
            guard !rest.isEmpty else { throw fail("'say' needs the narration") }
            add(.say(String(rest)))
        case "type":
            throw fail("'type' needs an actor first: NAME type TEXT")
        default:
            try statement(try words(text))
        }
    }

    func words(_ text: Substring) throws(ScriptError) -> [Words.Word] {
        do {
            return try Words.split(text)
        } catch {
            throw fail(error.message)
        }
    }

    mutating func add(_ action: Step.Kind) {
        steps.append(Step(line: line, action: action))
    }

    mutating func statement(_ written: [Words.Word]) throws(ScriptError) {
        let words = written.map(\.text)
        let args = Array(words.dropFirst())
        switch words[0] {
        case "actor": try declareActor(args)
        case "client":
            guard args.count == 1 else { throw fail("usage: client NAME") }
            try declare(Role(name: args[0], kind: .client))
        case "crowd":
            guard args.count == 2, let n = Int(args[1]), (2...32).contains(n) else { throw fail("usage: crowd NAME COUNT (2 to 32)") }
            try declare(Role(name: args[0], kind: .crowd(n)))
        case "wait":
            guard args.count == 1, let duration = Self.duration(args[0]) else { throw fail("usage: wait DURATION (500ms, 2s, 1.5s)") }
            add(.wait(duration))
        case "show":
            guard args.isEmpty else { throw fail("'show' takes nothing") }
            add(.show)
        case "expect":
            add(.expect(try expectation(args)))
        default:
            guard let role = cast.first(where: { $0.name == words[0] }) else {
                throw fail("unknown statement or actor '\(words[0])'")
            }
            try act(role, Array(written.dropFirst()))
        }
    }

    mutating func declareActor(_ args: [String]) throws(ScriptError) {
        switch (args.count, args.dropFirst().first) {
        case (3, "edit"):
            guard let key = RecordKey(args[2]) else { throw fail("'\(args[2])' is not collection/id") }
            try declare(Role(name: args[0], kind: .editor(key)))
        case (2, "browse"):
            try declare(Role(name: args[0], kind: .browser))
        default:
            throw fail("usage: actor NAME edit COLLECTION/ID, or actor NAME browse")
        }
    }

    mutating func declare(_ role: Role) throws(ScriptError) {
        guard steps.isEmpty else { throw fail("actors are declared before the first step") }
        guard role.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }), role.name.first?.isLetter == true else {
            throw fail("an actor's name is a word of letters and digits: '\(role.name)'")
        }
        guard !Self.keywords.contains(role.name) else { throw fail("'\(role.name)' is a statement, not a name") }
        guard !cast.contains(where: { $0.name == role.name }) else { throw fail("'\(role.name)' is declared twice") }
        guard cast.count < 4 else { throw fail("at most 4 actors fit side by side") }
        cast.append(role)
    }

    static let keywords: Set<String> = ["about", "actor", "client", "crowd", "say", "wait", "show", "expect", "record", "count", "type"]

    /// A statement that starts with an actor's name.
    mutating func act(_ role: Role, _ written: [Words.Word]) throws(ScriptError) {
        guard let verb = written.first?.text else { throw fail("what does \(role.name) do?") }
        let rest = written.dropFirst().map(\.text)
        switch (role.kind, verb) {
        case (.editor, "keys"), (.browser, "keys"):
            guard !rest.isEmpty else { throw fail("'keys' needs at least one key") }
            var keys: [Key] = []
            for word in written.dropFirst() {
                if word.quoted {
                    keys += Key.typing(word.text)
                } else if let named = KeyNames.keys(word.text) {
                    keys += named
                } else {
                    throw fail("unknown key '\(word.text)' (see the key names in README, Demo mode)")
                }
            }
            add(.keys(actor: role.name, keys))
        case (.editor, "type"), (.browser, "type"):
            guard !rest.isEmpty else { throw fail("usage: \(role.name) type \"TEXT\"") }
            add(.keys(actor: role.name, Key.typing(rest.joined(separator: " "))))
        case (.editor, "save"), (.browser, "save"):
            guard rest.isEmpty else { throw fail("'save' takes nothing") }
            add(.keys(actor: role.name, [.ctrl("s")]))
        case (.client, _):
            add(.request(actor: role.name, try request(verb, rest)))
        case (.crowd, "decrement"):
            guard (2...3).contains(rest.count), let key = RecordKey(rest[0]) else {
                throw fail("usage: \(role.name) decrement COLLECTION/ID FIELD [AMOUNT]")
            }
            let amount = rest.count == 3 ? Int(rest[2]) : 1
            guard let amount, amount > 0 else { throw fail("the amount is a positive whole number") }
            add(.decrement(crowd: role.name, key, field: rest[1], amount: amount))
        case (.editor, _), (.browser, _):
            throw fail("\(role.name) is in the app: it takes keys, type and save, not '\(verb)'")
        case (.crowd, _):
            throw fail("\(role.name) is a crowd: it takes decrement, not '\(verb)'")
        }
    }

    func request(_ verb: String, _ args: [String]) throws(ScriptError) -> Request {
        func key(_ word: String?) throws(ScriptError) -> RecordKey {
            guard let word, let key = RecordKey(word) else { throw fail("'\(verb)' needs COLLECTION/ID") }
            return key
        }
        switch verb {
        case "get", "delete", "lock", "unlock":
            guard args.count == 1 else { throw fail("usage: NAME \(verb) COLLECTION/ID") }
            let target = try key(args[0])
            return switch verb {
            case "get": .get(target)
            case "delete": .delete(target)
            case "lock": .lock(target)
            default: .unlock(target)
            }
        case "set":
            let target = try key(args.first)
            let (fields, options) = try assignments(args.dropFirst())
            guard options.keys.allSatisfy({ $0 == "retry" }), !fields.isEmpty else {
                throw fail("usage: NAME set COLLECTION/ID FIELD=VALUE... [--retry]")
            }
            return .set(target, fields: fields, retry: options.keys.contains("retry"))
        case "create":
            guard let collection = args.first, !collection.contains("=") else {
                throw fail("usage: NAME create COLLECTION FIELD=VALUE... [--id ID] [--key KEY] [--lost]")
            }
            let (fields, options) = try assignments(args.dropFirst())
            guard !fields.isEmpty else { throw fail("'create' needs FIELD=VALUE") }
            for name in options.keys where !["id", "key", "lost"].contains(name) { throw fail("unknown option --\(name)") }
            return .create(collection: collection, id: options["id"] ?? nil, fields: fields,
                           idempotencyKey: options["key"] ?? nil, lost: options.keys.contains("lost"))
        default:
            throw fail("a client takes get, create, set, delete, lock or unlock, not '\(verb)'")
        }
    }

    /// `FIELD=VALUE` words, `--id ID` and `--key KEY` options, and the
    /// `--lost` and `--retry` flags.
    func assignments(_ words: ArraySlice<String>) throws(ScriptError) -> (Fields, [String: String?]) {
        var fields = Fields()
        var options: [String: String?] = [:]
        var i = words.startIndex
        while i < words.endIndex {
            let word = words[i]
            i += 1
            if word == "--lost" || word == "--retry" {
                options[String(word.dropFirst(2))] = .some(nil)
            } else if word.hasPrefix("--") {
                guard i < words.endIndex else { throw fail("\(word) needs a value") }
                options[String(word.dropFirst(2))] = words[i]
                i += 1
            } else if let eq = word.firstIndex(of: "="), eq != word.startIndex {
                fields[String(word[..<eq])] = String(word[word.index(after: eq)...])
            } else {
                throw fail("'\(word)' is not FIELD=VALUE")
            }
        }
        return (fields, options)
    }

    func expectation(_ args: [String]) throws(ScriptError) -> Expectation {
        let usage = "usage: expect NAME text|status-line \"TEXT\", expect NAME status CODE, expect record COLLECTION/ID FIELD VALUE, expect count COLLECTION N"
        guard let first = args.first else { throw fail(usage) }
        switch first {
        case "record":
            guard args.count == 4, let key = RecordKey(args[1]) else { throw fail(usage) }
            return .field(key, field: args[2], value: args[3])
        case "count":
            guard args.count == 3, let n = Int(args[2]) else { throw fail(usage) }
            return .count(collection: args[1], n)
        default:
            guard cast.contains(where: { $0.name == first }) else { throw fail("unknown actor '\(first)'") }
            guard args.count == 3 else { throw fail(usage) }
            switch args[1] {
            case "text": return .text(actor: first, args[2])
            case "status-line": return .statusLine(actor: first, args[2])
            case "status":
                guard let code = Int(args[2]), (100...599).contains(code) else { throw fail("'\(args[2])' is not an HTTP status") }
                return .status(actor: first, code)
            default: throw fail(usage)
            }
        }
    }

    func finish(name: String) throws(ScriptError) -> Scenario {
        guard let about else { throw ScriptError(file: file, line: 1, message: "the script has no 'about' line") }
        guard !cast.isEmpty else { throw ScriptError(file: file, line: 1, message: "the script declares no actor") }
        return Scenario(name: name, about: about, file: file, cast: cast, steps: steps)
    }

    /// `500ms`, `2s`, `1.5s`.
    static func duration(_ word: String) -> Duration? {
        if word.hasSuffix("ms"), let n = Double(word.dropLast(2)), n >= 0 { return .milliseconds(n) }
        if word.hasSuffix("s"), let n = Double(word.dropLast()), n >= 0 { return .milliseconds(n * 1000) }
        return nil
    }
}
