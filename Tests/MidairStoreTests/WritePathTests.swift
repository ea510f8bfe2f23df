import Foundation
import MidairCore
import MidairStore
import Testing

@Suite struct WritePathTests {
    @Test func createGetReplaceDeleteKeepEveryVersion() async throws {
        let f = try StoreFixture()
        let created = try #require(try await f.create("articles", id: "a1", ["title": "One", "body": "x\n"]).record)
        #expect(created.version == 1)
        #expect(created.fields == ["title": "One", "body": "x\n", "tags": ""])
        #expect(created.updatedBy == "ada")

        let updated = try #require(try await f.replace("articles", "a1", ["title": "One!", "body": "x\n"], ifMatch: created.revision, by: "bob").record)
        #expect(updated.version == 2)
        #expect(updated.revision > created.revision)
        #expect(updated.updatedBy == "bob")

        let tombstone = try #require(try await f.delete("articles", "a1", ifMatch: updated.revision).record)
        #expect(tombstone.deleted && tombstone.version == 3)

        let history = try await f.store.history("articles", "a1")
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history.map(\.updatedBy) == ["ada", "bob", "ada"])
        #expect(history[1].changedFields == ["title"])
        #expect(history[2].deleted)
        #expect(try await f.store.version("articles", "a1", 1)?.fields["title"] == "One")
        #expect(try await f.store.current("articles", "a1")?.deleted == true)
        #expect(try await f.store.list("articles", limit: 10, after: nil, query: nil).records.isEmpty)
    }

    @Test func revisionsAreNeverReusedAfterDeleteAndRecreate() async throws {
        let f = try StoreFixture()
        var seen: [Int64] = []
        for round in 0..<3 {
            let r = try #require(try await f.create("articles", id: "again", ["title": "round \(round)"]).record)
            let d = try #require(try await f.delete("articles", "again", ifMatch: r.revision).record)
            seen += [r.revision, d.revision]
        }
        #expect(seen == seen.sorted() && Set(seen).count == seen.count)
        // The record keeps counting versions across re-creation.
        #expect(try await f.store.history("articles", "again").map(\.version) == [1, 2, 3, 4, 5, 6])
        let reopened = try f.reopened()
        let next = try await reopened.write(
            WriteRequest(collection: "articles", operation: .create(id: "again", fields: ["title": "after restart"])), by: "ada")
        #expect(try #require(next.outcome.record).revision > seen.last!)
    }

    @Test func staleIfMatchIsAnEditConflictCarryingWhatAMergeNeeds() async throws {
        let f = try StoreFixture()
        let v1 = try #require(try await f.create("articles", id: "doc", ["title": "T", "body": "a\n", "tags": "x"]).record)
        let v2 = try #require(try await f.replace("articles", "doc", ["title": "T", "body": "b\n", "tags": "x"], ifMatch: v1.revision, by: "bob").record)
        let outcome = try await f.replace("articles", "doc", ["title": "Mine", "body": "a\n", "tags": "x"], ifMatch: v1.revision, by: "carol")
        guard case .editConflict(let conflict) = outcome.rejection else { Issue.record("expected a conflict, got \(outcome)"); return }
        #expect(conflict.current == v2)
        #expect(conflict.yourRevision == v1.revision)
        #expect(conflict.baseVersion == 1)
        #expect(conflict.changedFields == ["body"])
        #expect(conflict.changes.map(\.updatedBy) == ["bob"])
        let log = try await f.store.conflicts(since: 0, limit: 10)
        #expect(log.count == 1)
        #expect(log[0].kind == "edit-conflict" && log[0].user == "carol" && log[0].fields == ["body"])
        #expect(log[0].yourRevision == v1.revision && log[0].currentVersion == 2)
    }

    @Test func aRecordDeletedUnderYouIsAConflictWithATombstone() async throws {
        let f = try StoreFixture()
        let v1 = try #require(try await f.create("articles", id: "gone", ["title": "T"]).record)
        _ = try await f.delete("articles", "gone", ifMatch: v1.revision, by: "bob")
        let outcome = try await f.replace("articles", "gone", ["title": "Mine"], ifMatch: v1.revision)
        guard case .editConflict(let conflict) = outcome.rejection else { Issue.record("got \(outcome)"); return }
        #expect(conflict.current.deleted)
    }

    @Test func savingUnchangedFieldsMakesNoNewVersion() async throws {
        let f = try StoreFixture()
        let v1 = try #require(try await f.create("articles", id: "same", ["title": "T"]).record)
        let again = try #require(try await f.replace("articles", "same", ["title": "T"], ifMatch: v1.revision).record)
        #expect(again == v1)
    }

    @Test func uniqueFieldsAndIdsAreTaken() async throws {
        let f = try StoreFixture()
        _ = try await f.create("users", id: "ada", ["email": "ada@example.org"])
        let sameID = try await f.create("users", id: "ada", ["email": "other@example.org"], by: "bob")
        guard case .alreadyExists(let a) = sameID.rejection else { Issue.record("got \(sameID)"); return }
        #expect(a.field == "id" && a.existing.id == "ada")
        let sameEmail = try await f.create("users", ["email": "ada@example.org"], by: "bob")
        guard case .alreadyExists(let b) = sameEmail.rejection else { Issue.record("got \(sameEmail)"); return }
        #expect(b.field == "email" && b.value == "ada@example.org" && b.existing.id == "ada")
        #expect(try await f.store.conflicts(since: 0, limit: 10).map(\.kind) == ["already-exists", "already-exists"])
        // Once the holder is gone, the value is free again.
        let ada = try #require(try await f.store.current("users", "ada"))
        _ = try await f.delete("users", "ada", ifMatch: ada.revision)
        #expect(try await f.create("users", ["email": "ada@example.org"], by: "bob").record != nil)
    }

    @Test func exclusiveCreateFailsOnALiveRecordOnly() async throws {
        let f = try StoreFixture()
        let r = try await f.store.write(WriteRequest(collection: "articles", operation: .createExclusive(id: "x", fields: ["title": "T"])), by: "ada")
        let v1 = try #require(r.outcome.record)
        let again = try await f.store.write(WriteRequest(collection: "articles", operation: .createExclusive(id: "x", fields: ["title": "U"])), by: "ada")
        guard case .preconditionFailed(let current) = again.outcome.rejection else { Issue.record("got \(again)"); return }
        #expect(current == v1)
    }

    @Test func referencesMustExistAndBlockDeletes() async throws {
        let f = try StoreFixture(seed: true)
        let missing = try await f.create("orders", ["order_no": "9", "product": "nothing", "quantity": "1"])
        guard case .invalid(let errors) = missing.rejection else { Issue.record("got \(missing)"); return }
        #expect(errors.errors == [ValidationError(pointer: "/fields/product", detail: "no record 'nothing' in products")])

        let widget = try #require(try await f.store.current("products", "widget"))
        let blocked = try await f.delete("products", "widget", ifMatch: widget.revision)
        guard case .hasDependents(let d) = blocked.rejection else { Issue.record("got \(blocked)"); return }
        #expect(d.total == 2)
        #expect(d.dependents.map(\.id) == ["o-1001", "o-1003"])
        #expect(d.dependents.first?.title == "1001")

        for id in ["o-1001", "o-1003"] {
            let order = try #require(try await f.store.current("orders", id))
            _ = try await f.delete("orders", id, ifMatch: order.revision)
        }
        #expect(try await f.delete("products", "widget", ifMatch: widget.revision).record?.deleted == true)
    }

    @Test func invalidFieldsAreRejectedWithPointers() async throws {
        let f = try StoreFixture()
        let outcome = try await f.create("products", ["sku": "", "name": "N", "price": "1.2.3", "stock": "lots", "colour": "red"])
        guard case .invalid(let e) = outcome.rejection else { Issue.record("got \(outcome)"); return }
        #expect(Set(e.errors.map(\.pointer)) == ["/fields/colour", "/fields/sku", "/fields/price", "/fields/stock"])
    }

    @Test func recordsOverTheSizeLimitAreRefused() async throws {
        let f = try StoreFixture(options: .init(maxRecordBytes: 100))
        let outcome = try await f.create("articles", ["title": "T", "body": String(repeating: "x", count: 200)])
        guard case .invalid(let e) = outcome.rejection else { Issue.record("got \(outcome)"); return }
        #expect(e.errors.first?.pointer == "/fields")
    }

    @Test func idsAreMadeFromTitlesWhenNotGiven() async throws {
        let f = try StoreFixture()
        #expect(try await f.create("articles", ["title": "Hello, World!"]).record?.id == "hello-world")
        #expect(try await f.create("articles", ["title": "hello world"]).record?.id == "hello-world-2")
        #expect(try await f.create("articles", ["title": "¿¡"]).record?.id == "articles")
    }

    @Test func badIdsAndCollectionsAreErrors() async throws {
        let f = try StoreFixture()
        await #expect(throws: StoreError.invalidID("Bad Id")) { try await f.create("articles", id: "Bad Id", ["title": "T"]) }
        await #expect(throws: StoreError.unknownCollection("nope")) { try await f.create("nope", ["title": "T"]) }
    }
}
