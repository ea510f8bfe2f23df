import Foundation
import MidairClient
import MidairCore
import MidairStore
import MidairTestSupport
import Testing

@Suite("problems decoded into typed errors")
struct TypedErrorTests {
    @Test func aStaleReplaceIsAnEditConflictWithTheCurrentRecord() async throws {
        try await TestServer.with { server in
            let base = try await server.client.get("articles", "welcome")
            var theirs = base.fields
            theirs["title"] = "Theirs"
            let current = try await server.client.replace("articles", "welcome", fields: theirs, ifMatch: base.revision)
            var mine = base.fields
            mine["body"] = "Mine"
            let error = await #expect(throws: MidairAPIError.self) {
                try await server.client.replace("articles", "welcome", fields: mine, ifMatch: base.revision)
            }
            guard case .editConflict(let conflict) = error else { Issue.record("not an edit conflict: \(String(describing: error))"); return }
            #expect(conflict.current == current)
            #expect(conflict.yourRevision == base.revision)
            #expect(conflict.changedFields == ["title"])
            #expect(conflict.changes.map(\.updatedBy) == [NSUserName()])
            #expect(error?.problemName == .editConflict)
            #expect(error?.description == "articles/welcome changed since you read it: saved as version 2 by \(NSUserName()) at \(current.updatedAt) (changed: title)")
        }
    }

    @Test func aStaleDeleteIsAnEditConflictToo() async throws {
        try await TestServer.with { server in
            let base = try await server.client.get("articles", "welcome")
            var fields = base.fields
            fields["tags"] = "x"
            _ = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: base.revision)
            await #expect { try await server.client.delete("articles", "welcome", ifMatch: base.revision) } throws: { error in
                guard case MidairAPIError.editConflict(let conflict) = error else { return false }
                return conflict.current.version == 2
            }
        }
    }

    @Test func aTakenIDOrValueIsAlreadyExistsWithTheExistingRecord() async throws {
        try await TestServer.with { server in
            let ada = try await server.client.get("users", "ada")
            await #expect(throws: MidairAPIError.alreadyExists(AlreadyExists(existing: ada, field: "id", value: "ada"))) {
                try await server.client.create("users", id: "ada", fields: ["email": "other@example.org"])
            }
            await #expect(throws: MidairAPIError.alreadyExists(AlreadyExists(existing: ada, field: "email", value: "ada@example.org"))) {
                try await server.client.create("users", id: "ada2", fields: ["email": "ada@example.org"])
            }
        }
    }

    @Test func aReferencedRecordHasDependents() async throws {
        try await TestServer.with { server in
            let widget = try await server.client.get("products", "widget")
            await #expect { try await server.client.delete("products", "widget", ifMatch: widget.revision) } throws: { error in
                guard case MidairAPIError.hasDependents(let dependents) = error else { return false }
                return dependents.total == 2 && dependents.dependents.map(\.id).sorted() == ["o-1001", "o-1003"]
                    && "\(error)" == "2 record(s) refer to it: \(dependents.dependents.map { "orders/\($0.id)" }.joined(separator: ", "))"
            }
        }
    }

    @Test func createExclusiveOfAnExistingRecordIsPreconditionFailed() async throws {
        try await TestServer.with { server in
            let welcome = try await server.client.get("articles", "welcome")
            await #expect(throws: MidairAPIError.preconditionFailed(welcome)) {
                try await server.client.createExclusive("articles", "welcome", fields: ["title": "x"])
            }
        }
    }

    @Test func invalidFieldsComeWithPointers() async throws {
        try await TestServer.with { server in
            await #expect { try await server.client.create("products", fields: ["sku": "S", "name": "N", "stock": "lots"]) } throws: { error in
                guard case MidairAPIError.invalid(let errors) = error else { return false }
                return errors.map(\.pointer) == ["/fields/stock"]
            }
        }
    }

    @Test func missingThingsAreNotFoundAndBadIDsBadRequest() async throws {
        try await TestServer.with { server in
            await #expect(throws: MidairAPIError.notFound("there is no record articles/nothing")) {
                try await server.client.get("articles", "nothing")
            }
            await #expect(throws: MidairAPIError.notFound("there is no collection 'nothing'")) {
                try await server.client.list("nothing")
            }
            await #expect { try await server.client.get("articles", "Not Valid") } throws: { error in
                guard case MidairAPIError.badRequest(let detail) = error else { return false }
                return detail.contains("not a valid id")
            }
        }
    }

    @Test func idempotencyKeyProblems() async throws {
        try await TestServer.with { server in
            _ = try await server.client.create("articles", fields: ["title": "A"], idempotencyKey: "k")
            await #expect { try await server.client.create("articles", fields: ["title": "B"], idempotencyKey: "k") } throws: { error in
                guard case MidairAPIError.idempotencyKeyReused = error else { return false }
                return true
            }
            let request = WriteRequest(collection: "articles", operation: .create(id: nil, fields: ["title": "C"]), idempotencyKey: "busy")
            _ = try await server.store.claimIdempotencyKey(user: NSUserName(), key: "busy", request: request)
            await #expect { try await server.client.create("articles", fields: ["title": "C"], idempotencyKey: "busy") } throws: { error in
                guard case MidairAPIError.idempotencyKeyInUse = error else { return false }
                return true
            }
        }
    }

    @Test func eventsFromTheFutureAreGone() async throws {
        try await TestServer.with { server in
            await #expect { for try await _ in server.client.events(since: 1000) {} } throws: { error in
                guard case MidairAPIError.gone = error else { return false }
                return true
            }
        }
    }
}
