import Foundation
import MidairCore
import MidairTestSupport
import Testing

@Suite("POST, PUT and DELETE records, with each of their failures")
struct RecordWriteTests {
    @Test func postCreatesWithETagAndLocation() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "POST", "/v1/records/articles", json: #"{"id":"hello","fields":{"title":"Hello","body":"Hi\nthere"}}"#)
            #expect(response.status == 201)
            let record = try response.decode(Record.self)
            #expect(record.id == "hello")
            #expect(record.version == 1)
            #expect(record.updatedBy == currentUser)
            #expect(record.fields.unordered == ["title": "Hello", "body": "Hi\nthere", "tags": ""])
            #expect(response.header("ETag") == "\"\(record.revision)\"")
            #expect(response.header("Location") == "/v1/records/articles/hello")
            #expect(try await server.client.get("articles", "hello") == record)
        }
    }

    @Test func postWithoutIDMakesOneFromTheTitle() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("POST", "/v1/records/articles", json: #"{"fields":{"title":"Spring Plans 2025"}}"#)
            #expect(response.status == 201)
            let record = try response.decode(Record.self)
            #expect(RecordID.isValid(record.id))
            #expect(response.header("Location") == "/v1/records/articles/\(record.id)")
        }
    }

    @Test func postOfATakenIDIsAlreadyExists() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("POST", "/v1/records/users", json: #"{"id":"ada","fields":{"email":"new@example.org"}}"#)
            expectProblem(response, .alreadyExists)
            let body = try response.decode(AlreadyExists.self)
            #expect(body.existing.id == "ada")
            #expect(body.existing.fields["email"] == "ada@example.org")
            #expect(body.field == "id")
            #expect(body.value == "ada")
        }
    }

    @Test func postOfATakenUniqueValueIsAlreadyExists() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("POST", "/v1/records/users", json: #"{"id":"ada2","fields":{"email":"ada@example.org"}}"#)
            expectProblem(response, .alreadyExists)
            let body = try response.decode(AlreadyExists.self)
            #expect(body.existing.id == "ada")
            #expect(body.field == "email")
            #expect(body.value == "ada@example.org")
        }
    }

    @Test func invalidFieldsAre422WithPointers() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "POST", "/v1/records/products",
                json: #"{"fields":{"sku":"X-1","name":"X","price":"cheap","stock":"many","colour":"red"}}"#)
            expectProblem(response, .invalid)
            let errors = try response.decode(ValidationErrors.self).errors
            #expect(Set(errors.map(\.pointer)) == ["/fields/price", "/fields/stock", "/fields/colour"])
            #expect(errors.allSatisfy { !$0.detail.isEmpty })
        }
    }

    @Test func aRefToAMissingRecordIs422() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "POST", "/v1/records/orders", json: #"{"fields":{"order_no":"2001","product":"nothing","quantity":1}}"#)
            expectProblem(response, .invalid)
            #expect(try response.decode(ValidationErrors.self).errors.map(\.pointer) == ["/fields/product"])
        }
    }

    @Test func putWithIfMatchReplaces() async throws {
        try await TestServer.with { server in
            let current = try await server.client.get("articles", "welcome")
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/welcome", headers: ["If-Match": current.etag],
                json: #"{"fields":{"title":"Welcome back","body":"New body"}}"#)
            #expect(response.status == 200)
            let record = try response.decode(Record.self)
            #expect(record.version == 2)
            #expect(record.revision > current.revision)
            #expect(record.fields.unordered == ["title": "Welcome back", "body": "New body", "tags": ""])
            #expect(response.header("ETag") == record.etag)
        }
    }

    @Test func putWithAStaleIfMatchIsAnEditConflictWithWhatAMergeNeeds() async throws {
        try await TestServer.with { server in
            let base = try await server.client.get("articles", "welcome")
            var theirs = base.fields
            theirs["title"] = "Their title"
            theirs["tags"] = "theirs"
            let current = try await server.client.replace("articles", "welcome", fields: theirs, ifMatch: base.revision)

            var mine = base.fields
            mine["body"] = "My body"
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/welcome", headers: ["If-Match": base.etag],
                body: try JSONEncoder().encode(["fields": FieldsCoding(mine)]))
            expectProblem(response, .editConflict)
            #expect(response.header("ETag") == current.etag)
            let conflict = try response.decode(EditConflict.self)
            #expect(conflict.current == current)
            #expect(conflict.yourRevision == base.revision)
            #expect(conflict.baseVersion == 1)
            #expect(conflict.changedFields == ["title", "tags"])
            #expect(conflict.changes.count == 1)
            #expect(conflict.changes.first?.version == 2)
            #expect(conflict.changes.first?.updatedBy == currentUser)
            #expect(conflict.changes.first?.updatedAt == current.updatedAt)
            #expect(Set(response.json.keys).isSuperset(of: ["current", "your_revision", "base_version", "changed_fields", "changes"]))
            // Nothing was written.
            #expect(try await server.client.get("articles", "welcome") == current)
        }
    }

    @Test func putOfATakenUniqueValueIsAlreadyExists() async throws {
        try await TestServer.with { server in
            let grace = try await server.client.get("users", "grace")
            let response = try await server.raw.send(
                "PUT", "/v1/records/users/grace", headers: ["If-Match": grace.etag],
                json: #"{"fields":{"email":"ada@example.org","name":"Grace"}}"#)
            expectProblem(response, .alreadyExists)
            #expect(try response.decode(AlreadyExists.self).existing.id == "ada")
        }
    }

    @Test func putWithoutAPreconditionIs428() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send("PUT", "/v1/records/articles/welcome", json: #"{"fields":{"title":"x"}}"#)
            expectProblem(response, .preconditionRequired)
        }
    }

    @Test func putOfAMissingRecordIs404() async throws {
        try await TestServer.with { server in
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/missing", headers: ["If-Match": "\"1\""], json: #"{"fields":{"title":"x"}}"#)
            expectProblem(response, .notFound)
        }
    }

    @Test func putInvalidFieldsIs422() async throws {
        try await TestServer.with { server in
            let widget = try await server.client.get("products", "widget")
            let response = try await server.raw.send(
                "PUT", "/v1/records/products/widget", headers: ["If-Match": widget.etag],
                json: #"{"fields":{"sku":"WID-001","name":"Widget","stock":"-"}}"#)
            expectProblem(response, .invalid)
        }
    }

    @Test func putWithIfNoneMatchStarCreatesOnlyIfAbsent() async throws {
        try await TestServer.with { server in
            let created = try await server.raw.send(
                "PUT", "/v1/records/articles/fresh", headers: ["If-None-Match": "*"], json: #"{"fields":{"title":"Fresh"}}"#)
            #expect(created.status == 201)
            #expect(created.header("Location") == "/v1/records/articles/fresh")
            let record = try created.decode(Record.self)
            #expect(created.header("ETag") == record.etag)

            let again = try await server.raw.send(
                "PUT", "/v1/records/articles/fresh", headers: ["If-None-Match": "*"], json: #"{"fields":{"title":"Again"}}"#)
            expectProblem(again, .preconditionFailed)
            #expect(again.header("ETag") == record.etag)
            #expect(try await server.client.get("articles", "fresh") == record)
        }
    }

    @Test func deleteWithIfMatchLeavesATombstone() async throws {
        try await TestServer.with { server in
            let current = try await server.client.get("articles", "welcome")
            let response = try await server.raw.send("DELETE", "/v1/records/articles/welcome", headers: ["If-Match": current.etag])
            #expect(response.status == 204)
            #expect(response.body.isEmpty)
            let tombstone = try await server.client.version("articles", "welcome", 2)
            #expect(tombstone.deleted)
            #expect(response.header("ETag") == tombstone.etag)
        }
    }

    @Test func deleteFailures() async throws {
        try await TestServer.with { server in
            let current = try await server.client.get("articles", "welcome")
            expectProblem(try await server.raw.send("DELETE", "/v1/records/articles/welcome"), .preconditionRequired)
            expectProblem(try await server.raw.send("DELETE", "/v1/records/articles/nothing", headers: ["If-Match": "\"1\""]), .notFound)

            var fields = current.fields
            fields["tags"] = "changed"
            let newer = try await server.client.replace("articles", "welcome", fields: fields, ifMatch: current.revision)
            let stale = try await server.raw.send("DELETE", "/v1/records/articles/welcome", headers: ["If-Match": current.etag])
            expectProblem(stale, .editConflict)
            #expect(try stale.decode(EditConflict.self).current == newer)
        }
    }

    @Test func deleteOfAReferencedRecordIsHasDependents() async throws {
        try await TestServer.with { server in
            let widget = try await server.client.get("products", "widget")
            let response = try await server.raw.send("DELETE", "/v1/records/products/widget", headers: ["If-Match": widget.etag])
            expectProblem(response, .hasDependents)
            let body = try response.decode(HasDependents.self)
            #expect(body.total == 2)
            #expect(Set(body.dependents.map(\.id)) == ["o-1001", "o-1003"])
            #expect(body.dependents.allSatisfy { $0.collection == "orders" && $0.field == "product" })
        }
    }

    @Test func writingADeletedRecordIsAnEditConflictShowingTheTombstone() async throws {
        try await TestServer.with { server in
            let current = try await server.client.get("articles", "welcome")
            try await server.client.delete("articles", "welcome", ifMatch: current.revision)
            let response = try await server.raw.send(
                "PUT", "/v1/records/articles/welcome", headers: ["If-Match": current.etag], json: #"{"fields":{"title":"Too late"}}"#)
            expectProblem(response, .editConflict)
            let conflict = try response.decode(EditConflict.self)
            #expect(conflict.current.deleted)
            #expect((response.json["current"] as? [String: Any])?["deleted"] as? Bool == true)
        }
    }

    @Test func revisionsAreNotReusedAfterDeleteAndRecreate() async throws {
        try await TestServer.with { server in
            let first = try await server.client.create("articles", id: "phoenix", fields: ["title": "One"])
            let tombstone = try await server.client.delete("articles", "phoenix", ifMatch: first.revision)
            let second = try await server.client.create("articles", id: "phoenix", fields: ["title": "Two"])
            #expect(tombstone > first.revision)
            #expect(second.revision > tombstone)
            #expect(second.version == 3)
            let history = try await server.client.history("articles", "phoenix")
            #expect(history.map(\.revision) == [first.revision, tombstone, second.revision])
            // The old ETag no longer matches the new record.
            let stale = try await server.raw.send(
                "PUT", "/v1/records/articles/phoenix", headers: ["If-Match": first.etag], json: #"{"fields":{"title":"Old"}}"#)
            expectProblem(stale, .editConflict)
        }
    }
}
