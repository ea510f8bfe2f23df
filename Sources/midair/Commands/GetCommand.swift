import ArgumentParser
import MidairCore

struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get", abstract: "Print a record (or one of its versions, or one field).")

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @Option(help: "Print this version instead of the current one.") var version: Int?
    @Option(help: "Print only the value of this field, as is.") var field: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reporting(json: output.json) {
            let client = try await connection.client()
            let r = if let version {
                try await client.version(record.collection, record.id, version)
            } else {
                try await client.get(record.collection, record.id)
            }
            if let field {
                guard let value = r.fields[field] else {
                    Report.error("\(record) has no field '\(field)'; it has \(r.fields.keys.joined(separator: ", "))")
                    throw ExitCode(ExitStatus.usage)
                }
                if output.json { Report.json(value) } else { Report.line(value.hasSuffix("\n") ? String(value.dropLast()) : value) }
            } else if output.json {
                Report.json(r)
            } else {
                // The wire keeps no field order; show the schema's.
                let fields = try await client.collections().collection(r.collection)?.ordered(r.fields) ?? r.fields
                Report.line(RecordText.header(r) + "\n" + RecordText.fields(fields))
            }
        }
    }
}
