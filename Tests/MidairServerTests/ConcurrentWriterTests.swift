import Foundation
import MidairClient
import MidairCore
import MidairTestSupport
import Testing

@Suite("concurrent writers")
struct ConcurrentWriterTests {
    /// 16 writers each add 1 to a counter 5 times with read-modify-write
    /// under If-Match, merging onto the current record on every 409.
    @Test func sixteenWritersLoseNoUpdate() async throws {
        try await TestServer.with { server in
            let writers = 16
            let increments = 5
            let conflicts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<writers {
                    group.addTask {
                        let client = MidairClient(socketPath: server.socketPath)
                        var conflicts = 0
                        var record = try await client.get("products", "gizmo")
                        for _ in 0..<increments {
                            while true {
                                var fields = record.fields
                                fields["stock"] = String(Int(fields["stock"] ?? "0")! + 1)
                                do {
                                    record = try await client.replace("products", "gizmo", fields: fields, ifMatch: record.revision)
                                    break
                                } catch MidairAPIError.editConflict(let conflict) {
                                    conflicts += 1
                                    record = conflict.current
                                }
                            }
                        }
                        return conflicts
                    }
                }
                return try await group.reduce(0, +)
            }
            let final = try await server.client.get("products", "gizmo")
            #expect(final.fields["stock"] == String(writers * increments))
            #expect(final.version == 1 + writers * increments)
            let history = try await server.client.history("products", "gizmo")
            #expect(history.count == 1 + writers * increments)
            var logged: [ConflictEntry] = []
            var page = try await server.client.conflicts(limit: 500)
            logged += page.conflicts
            while let next = page.next {
                page = try await server.client.conflicts(since: next, limit: 500)
                logged += page.conflicts
            }
            #expect(logged.filter { $0.kind == "edit-conflict" }.count == conflicts)
        }
    }
}
