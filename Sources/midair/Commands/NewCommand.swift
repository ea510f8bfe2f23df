import ArgumentParser
import MidairCore

struct NewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a record.",
        discussion: "A value @FILE is read from FILE (@- from standard input). Without --id the id is made from the title.")

    @Argument(help: "The collection.") var collection: String
    @Argument(help: "Fields, as name=value.") var assignments: [String] = []
    @Option(help: "The new record's id.") var id: String?
    @Option(help: "Make a retry of this command safe: the server answers a repeat with the first answer.")
    var idempotencyKey: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let fields = try FieldAssignments.parse(assignments)
        try await reporting(json: output.json) {
            let r = try await connection.client().create(collection, id: id, fields: fields, idempotencyKey: idempotencyKey)
            if output.json { Report.json(r) } else { Report.line(RecordText.summary("created", r)) }
        }
    }
}
