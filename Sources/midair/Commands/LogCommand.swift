import ArgumentParser
import MidairCore

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "List the conflicts (409s) the server answered.")

    @Option(help: "Only entries after this sequence number.") var since: Int64 = 0
    @Option(help: "At most this many entries.") var limit: Int?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        try await reporting(json: output.json) {
            let page = try await connection.client().conflicts(since: since, limit: limit)
            if output.json { return Report.json(page) }
            if page.conflicts.isEmpty { return Report.line("no conflicts") }
            let rows = page.conflicts.map { c in
                let against = c.yourRevision.map { "rev \($0) -> " } ?? ""
                let now = c.currentVersion.map { "v\($0)" } ?? ""
                return ["#\(c.seq)", c.at, c.user, c.kind, "\(c.collection)/\(c.id)", against + now, c.fields.joined(separator: ", ")]
            }
            Report.line(Table.render(rows))
        }
    }
}
