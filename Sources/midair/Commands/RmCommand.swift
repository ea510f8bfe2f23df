import ArgumentParser
import MidairCore

struct RmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm", abstract: "Delete a record (its history is kept).",
        discussion: "Refused (exit 3) while other records refer to it, or if --if-match REV is stale.")

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @Option(name: .customLong("if-match"), help: "The revision you mean to delete.") var ifMatch: Int64?
    @Option(help: "Make a retry of this command safe.") var idempotencyKey: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    struct Deleted: Encodable {
        var collection: String
        var id: String
        var revision: Int64
    }

    func run() async throws {
        try await reporting(json: output.json) {
            let client = try await connection.client()
            let base = if let ifMatch { ifMatch } else { try await client.get(record.collection, record.id).revision }
            let tombstone = try await client.delete(record.collection, record.id, ifMatch: base, idempotencyKey: idempotencyKey)
            if output.json {
                Report.json(Deleted(collection: record.collection, id: record.id, revision: tombstone))
            } else {
                Report.line("deleted \(record) (rev \(tombstone))")
            }
        }
    }
}
