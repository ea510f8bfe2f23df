import ArgumentParser
import MidairCore

struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List every version of a record: who saved it, when, what changed.")

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reporting(json: output.json) {
            let versions = try await connection.client().history(record.collection, record.id)
            if output.json { return Report.json(versions) }
            let rows = versions.map { v in
                let what = v.deleted ? "deleted" : v.changedFields.joined(separator: ", ")
                return ["v\(v.version)", "rev \(v.revision)", v.updatedBy, v.updatedAt, what]
            }
            Report.line(Table.render(rows))
        }
    }
}
