import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("get, new, put, set, rm, history and log against a real server")
struct RecordCommandTests {
    @Test func getPrintsARecordItsJSONAndOneField() async throws {
        try await TestServer.with { server in
            let text = try await midair(["get", "articles/welcome"], socket: server.socketPath)
            #expect(text.status == 0)
            #expect(text.stdout.hasPrefix("articles/welcome  v1  rev "))
            #expect(text.stdout.contains("title: Welcome to midair\nbody:\n  midair keeps every version"))
            let json = try await midair(["get", "articles/welcome", "--json"], socket: server.socketPath)
            let record = try JSONDecoder().decode(Record.self, from: Data(json.stdout.utf8))
            #expect(record.id == "welcome" && record.version == 1)
            let field = try await midair(["get", "users/ada", "--field", "email"], socket: server.socketPath)
            #expect(field.stdout == "ada@example.org\n")
        }
    }

    @Test func missingRecordsExit4AndUsageMistakesExit2() async throws {
        try await TestServer.with { server in
            let missing = try await midair(["get", "articles/nope"], socket: server.socketPath)
            #expect(missing.status == 4 && missing.stderr.contains("no record articles/nope"))
            #expect(try await midair(["get", "articles"], socket: server.socketPath).status == 2)
            #expect(try await midair(["frobnicate"], socket: server.socketPath).status == 2)
            let bad = try await midair(["new", "articles", "no-equals-sign"], socket: server.socketPath)
            #expect(bad.status == 2 && bad.stderr.contains("name=value"))
            let invalid = try await midair(["new", "products", "sku=X", "name=N", "stock=lots"], socket: server.socketPath)
            #expect(invalid.status == 1 && invalid.stderr.contains("/fields/stock"))
        }
    }

    @Test func newCreatesAndADuplicateIsAConflict() async throws {
        try await TestServer.with { server in
            let created = try await midair(["new", "articles", "title=Field notes", "body=@-"], socket: server.socketPath, stdin: "line one\nline two\n")
            #expect(created.status == 0 && created.stdout.hasPrefix("created articles/field-notes v1"))
            #expect(try await server.client.get("articles", "field-notes").fields["body"] == "line one\nline two\n")
            let dup = try await midair(["new", "users", "email=ada@example.org", "--json"], socket: server.socketPath)
            #expect(dup.status == 3)
            #expect(dup.stderr.contains("users/ada already has email 'ada@example.org'"))
            #expect(dup.stdout.contains("\"problem\" : \"already-exists\""))
        }
    }

    @Test func anIdempotencyKeyMakesARetrySafe() async throws {
        try await TestServer.with { server in
            let args = ["new", "orders", "order_no=5001", "product=gadget", "quantity=2", "--idempotency-key", "submit-5001", "--json"]
            let first = try await midair(args, socket: server.socketPath)
            let retry = try await midair(args, socket: server.socketPath)
            #expect(first.status == 0 && retry.status == 0 && first.stdout == retry.stdout)
            #expect(try await server.client.list("orders", query: "5001").records.count == 1)
        }
    }

    @Test func putWithAStaleRevisionIsAConflictAndWritesNothing() async throws {
        try await TestServer.with { server in
            let v1 = try await server.client.get("articles", "welcome")
            _ = try await server.client.replace("articles", "welcome", fields: ["title": "Theirs"], ifMatch: v1.revision)
            let stale = try await midair(["put", "articles/welcome", "title=Mine", "--if-match", String(v1.revision)], socket: server.socketPath)
            #expect(stale.status == 3 && stale.stderr.contains("changed since you read it"))
            #expect(try await server.client.get("articles", "welcome").fields["title"] == "Theirs")
            let fresh = try await midair(["put", "articles/welcome", "title=Mine"], socket: server.socketPath)
            #expect(fresh.status == 0 && fresh.stdout.hasPrefix("saved articles/welcome v3"))
            let create = try await midair(["put", "articles/welcome", "title=Again", "--create"], socket: server.socketPath)
            #expect(create.status == 3)
        }
    }

    @Test func concurrentSetsOfDifferentFieldsAllLand() async throws {
        try await TestServer.with { server in
            let assignments = ["sku=NEW-1", "name=Renamed", "price=1.25", "stock=42"]
            let runs = try await withThrowingTaskGroup(of: CLIRun.self) { group in
                for a in assignments { group.addTask { try await midair(["set", "products/widget", a], socket: server.socketPath) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.stderr))")
            let widget = try await server.client.get("products", "widget")
            #expect(widget.fields["sku"] == "NEW-1" && widget.fields["name"] == "Renamed")
            #expect(widget.fields["price"] == "1.25" && widget.fields["stock"] == "42")
            #expect(widget.version == 5)
        }
    }

    @Test func concurrentSetsOfTheSameFieldNeverLoseSilently() async throws {
        try await TestServer.with { server in
            let runs = try await withThrowingTaskGroup(of: (String, CLIRun).self) { group in
                for n in 1...6 {
                    group.addTask { ("\(n)", try await midair(["set", "products/gadget", "stock=\(n)"], socket: server.socketPath)) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            // Each run either saved or stopped naming both values; the record
            // holds a value whose writer exited 0.
            for (_, run) in runs where run.status != 0 {
                #expect(run.status == 3 && run.stderr.contains("stock: theirs"), "\(run.stderr)")
            }
            let stock = try await server.client.get("products", "gadget").fields["stock"]
            #expect(runs.contains { $0.0 == stock && $0.1.status == 0 })
        }
    }

    @Test func rmRefusesWhileReferencedAndHistoryAndLogShowWhatHappened() async throws {
        try await TestServer.with { server in
            let blocked = try await midair(["rm", "products/widget"], socket: server.socketPath)
            #expect(blocked.status == 3 && blocked.stderr.contains("orders/o-1001, orders/o-1003"))
            #expect(try await midair(["rm", "articles/style-guide"], socket: server.socketPath).status == 0)
            let history = try await midair(["history", "articles/style-guide"], socket: server.socketPath)
            #expect(history.stdout.split(separator: "\n").count == 2 && history.stdout.contains("deleted"))
            let log = try await midair(["log"], socket: server.socketPath)
            #expect(log.stdout.contains("has-dependents") && log.stdout.contains("products/widget"))
            let json = try await midair(["log", "--json"], socket: server.socketPath)
            #expect(json.stdout.contains("\"kind\" : \"has-dependents\""))
        }
    }

    @Test func aMissingServerIsAQuickReadableError() async throws {
        let dir = try TemporaryDirectory.make()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let started = ContinuousClock.now
        let run = try await midair(["get", "articles/welcome"], socket: dir + "/none.sock")
        #expect(run.status == 1 && run.stderr.contains(dir + "/none.sock"))
        // Milliseconds alone; loose because the suite runs much at once.
        #expect(ContinuousClock.now - started < .seconds(20))
    }
}
