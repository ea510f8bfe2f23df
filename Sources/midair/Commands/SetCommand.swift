import ArgumentParser
import Foundation
import MidairClient
import MidairCore

struct SetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Change some fields of a record, merging with concurrent saves.",
        discussion: """
            Reads the record, changes the given fields, and saves against what it read.
            When someone else saved meanwhile (409) and did not touch these fields, it puts
            your changes onto their version and tries again, with exponential backoff and
            jitter. When they changed one of your fields too, it stops with exit status 3
            and shows both values.
            """)

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @Argument(help: "Fields to change, as name=value.") var assignments: [String] = []
    @Option(help: "How many saves to try before giving up.") var attempts = 10
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if assignments.isEmpty { throw ValidationError("give at least one field to set, as name=value") }
        if attempts < 1 { throw ValidationError("--attempts must be at least 1") }
    }

    func run() async throws {
        let patch = FieldPatch(try FieldAssignments.parse(assignments))
        try await reporting(json: output.json) {
            let client = try await connection.client()
            var base = try await client.get(record.collection, record.id)
            let backoff = Backoff()
            for attempt in 0..<attempts {
                do {
                    let saved = try await client.replace(
                        record.collection, record.id, fields: patch.applied(to: base), ifMatch: base.revision)
                    let retries = attempt == 0 ? "" : " after \(attempt) \(attempt == 1 ? "retry" : "retries")"
                    if output.json { Report.json(saved) } else { Report.line(RecordText.summary("saved", saved) + retries) }
                    return
                } catch MidairAPIError.editConflict(let conflict) {
                    let clashes = patch.clashes(with: conflict)
                    guard clashes.isEmpty, !conflict.current.deleted else {
                        throw Unresolved(conflict: conflict, patch: patch, clashes: clashes)
                    }
                    base = conflict.current
                    if attempt + 1 < attempts { try await Task.sleep(for: backoff.delay(attempt: attempt)) }
                }
            }
            Report.error("\(record) kept changing: gave up after \(attempts) attempts")
            throw ExitCode(ExitStatus.conflict)
        }
    }

    /// A conflict `set` cannot settle alone: reported with both sides.
    struct Unresolved: Error {
        var conflict: EditConflict
        var patch: FieldPatch
        var clashes: [String]
    }
}

extension SetCommand.Unresolved: CustomStringConvertible {
    var description: String {
        let c = conflict.current
        if c.deleted { return "\(c.collection)/\(c.id) was deleted by \(c.updatedBy) at \(c.updatedAt) while you were changing it" }
        var lines = ["\(c.collection)/\(c.id) v\(c.version) was saved by \(c.updatedBy) at \(c.updatedAt), changing the same field(s):"]
        for name in clashes {
            lines.append("  \(name): theirs \(quoted(c.fields[name] ?? "")), yours \(quoted(patch.changes[name] ?? ""))")
        }
        lines.append("nothing was saved; run again to overwrite theirs, or merge in `midair edit \(c.collection)/\(c.id)`")
        return lines.joined(separator: "\n")
    }

    private func quoted(_ s: String) -> String {
        "\"" + (s.count > 60 ? String(s.prefix(57)) + "..." : s).replacingOccurrences(of: "\n", with: "\\n") + "\""
    }
}
