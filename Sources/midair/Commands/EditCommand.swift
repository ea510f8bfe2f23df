import ArgumentParser
import MidairTUI

struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open one record in the editor.",
        discussion: "Ctrl-S saves; when someone saved meanwhile, the merge view opens. Esc leaves.")

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        do {
            try await TerminalApp.runEditor(client: connection.client(), record: RecordKey(collection: record.collection, id: record.id))
        } catch {
            throw Report.failure(error, json: false)
        }
    }
}
