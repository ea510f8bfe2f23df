import ArgumentParser
import MidairClient
import MidairTUI

struct EditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open one record in the editor.",
        discussion: """
            Ctrl-S saves; when someone saved meanwhile, the merge view opens. Esc leaves.
            With --lock, the record's lease is taken first (others' saves get 423 Locked \
            and can wait for it), renewed while the editor is open, and released when it closes.
            """)

    @Argument(help: "The record, as collection/id.") var record: RecordPath
    @Flag(help: "Hold the record's lock while editing, so nobody else saves it meanwhile.") var lock = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = RecordKey(collection: record.collection, id: record.id)
        do {
            let client = try await connection.client()
            // Taken before the terminal is, so "locked by carol" prints plainly.
            if lock { try await client.lock(key.collection, key.id) }
            do {
                try await TerminalApp.runEditor(client: client, record: key, holding: lock)
            } catch {
                // The app never started (no terminal): give the lease back now.
                if lock { try? await client.unlock(key.collection, key.id) }
                throw error
            }
        } catch {
            throw Report.failure(error, json: false)
        }
    }
}
