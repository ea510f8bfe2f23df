import ArgumentParser
import Foundation
import MidairClient
import MidairCore

/// Printing for the scriptable commands: text for people (made inert when it
/// goes to a terminal), JSON for scripts, and errors as a readable line on
/// stderr plus the exit status scripts branch on.
enum Report {
    static let toTerminal = isatty(STDOUT_FILENO) == 1

    static func line(_ text: String) {
        print(toTerminal ? InertText.make(text, keepNewlines: true, keepTabs: true) : text)
    }

    static func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Our values are plain Codable data; encoding them cannot fail.
        print(String(decoding: try! encoder.encode(value), as: UTF8.self))
    }

    static func error(_ message: String) {
        let text = "midair: " + (isatty(STDERR_FILENO) == 1 ? InertText.make(message, keepNewlines: true) : message) + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Reports `error` and turns it into the command's exit status.
    static func failure(_ error: any Error, json: Bool) -> ExitCode {
        switch error {
        case let api as MidairAPIError:
            self.error(api.description)
            if json { self.json(APIErrorReport(api)) }
            return ExitCode(status(for: api))
        case let unresolved as SetCommand.Unresolved:
            self.error(unresolved.description)
            if json { self.json(APIErrorReport(.editConflict(unresolved.conflict))) }
            return ExitCode(ExitStatus.conflict)
        case let exit as ExitCode:
            return exit
        default:
            self.error(String(describing: error))
            return ExitCode(ExitStatus.failure)
        }
    }

    static func status(for error: MidairAPIError) -> Int32 {
        switch error.problemName {
        case .editConflict, .alreadyExists, .hasDependents, .idempotencyKeyInUse, .preconditionFailed, .locked:
            ExitStatus.conflict
        case .notFound:
            ExitStatus.notFound
        default:
            ExitStatus.failure
        }
    }
}

/// An API error as `--json` prints it: the problem name and message, plus
/// what a script needs to act (the current record, the holder, dependents).
struct APIErrorReport: Encodable {
    var problem: String?
    var detail: String
    var conflict: EditConflict?
    var existing: AlreadyExists?
    var dependents: HasDependents?
    var errors: [MidairCore.ValidationError]?

    init(_ error: MidairAPIError) {
        problem = error.problemName?.rawValue
        detail = error.description
        switch error {
        case .editConflict(let c): conflict = c
        case .alreadyExists(let e): existing = e
        case .hasDependents(let d): dependents = d
        case .invalid(let e): errors = e
        default: break
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`, reporting any failure with the right exit status.
    func reporting(json: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw Report.failure(error, json: json)
        }
    }
}
