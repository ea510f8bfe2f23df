import ArgumentParser
import MidairCore

struct PutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "put", abstract: "Replace all fields of a record (fields not given become empty).",
        discussion: """
            With --if-match REV the save is refused (exit 3) unless REV is still the current revision.
            With --create it only creates, refusing (exit 3) if the record exists.
            With neither, it saves against the revision it reads first.
            """)

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @Argument(help: "Fields, as name=value.") var assignments: [String] = []
    @Option(name: .customLong("if-match"), help: "The revision your change is based on.") var ifMatch: Int64?
    @Flag(help: "Create the record; fail if it exists.") var create = false
    @Option(help: "Make a retry of this command safe.") var idempotencyKey: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if create && ifMatch != nil { throw ValidationError("--create and --if-match exclude each other") }
    }

    func run() async throws {
        let fields = try FieldAssignments.parse(assignments)
        try await reporting(json: output.json) {
            let client = try await connection.client()
            let saved: Record
            if create {
                saved = try await client.createExclusive(record.collection, record.id, fields: fields, idempotencyKey: idempotencyKey)
            } else {
                let base = if let ifMatch { ifMatch } else { try await client.get(record.collection, record.id).revision }
                saved = try await client.replace(record.collection, record.id, fields: fields, ifMatch: base, idempotencyKey: idempotencyKey)
            }
            if output.json { Report.json(saved) } else { Report.line(RecordText.summary("saved", saved)) }
        }
    }
}
