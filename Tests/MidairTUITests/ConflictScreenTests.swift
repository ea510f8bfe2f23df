import Foundation
import MidairClient
import MidairCore
import Testing
@testable import MidairTUI

@Suite struct ConflictScreenTests {
    static let existing = Record(
        collection: "products", id: "kettle", fields: ["sku": "K-1", "name": "Kettle", "price": "30.00", "stock": "4"],
        version: 2, revision: 12, updatedBy: "bob", updatedAt: Fixtures.at(3600))
    static let existingKey = RecordKey(collection: "products", id: "kettle")

    /// A new product typed in the editor, whose create met a taken sku.
    static func alreadyExists() -> Harness {
        var h = Harness.browser()
        h.send(.newRecord(collection: "products"))
        for (i, value) in ["K-1", "Kettle, steel", "32.00", "4"].enumerated() {
            if i > 0 { h.press(.tab) }
            h.type(value)
        }
        h.press(.ctrl("s"))
        h.send(.answered(.editor(.created), .failure(.api(.alreadyExists(AlreadyExists(existing: existing, field: "sku", value: "K-1"))))))
        _ = h.take()
        return h
    }

    @Test func alreadyExistsShowsTheExistingRecord() {
        let h = Self.alreadyExists()
        #expect(h.topKind == .conflict)
        let text = h.text
        #expect(text.contains("Your new products record was refused: products/kettle already has sku “K-1”"))
        #expect(text.contains("products/kettle · v2 · saved by bob 1 h ago"))
        #expect(text.contains("  name   Kettle") && text.contains("  price  30.00"))
        #expect(text.contains("o open it") && text.contains("m merge your draft into it"))
    }

    @Test func alreadyExistsOOpensTheExistingRecordAndEscComesBack() {
        var h = Self.alreadyExists()
        h.press(.char("o"))
        #expect(h.topKind == .editor && h.editor?.key == Self.existingKey)
        #expect(h.take().contains(.call(.get(Self.existingKey), reply: .editor(.loaded))))
        h.send(.answered(.editor(.loaded), .success(.record(Self.existing))))
        h.send(.draftRead(Self.existingKey, nil))
        h.press(.escape)
        #expect(h.topKind == .conflict)
        h.press(.escape)
        #expect(h.topKind == .editor && h.editor?.key == nil && h.editor?.fields[1].value == "Kettle, steel")
    }

    @Test func alreadyExistsMMergesYourDraftIntoIt() {
        var h = Self.alreadyExists()
        h.press(.char("m"))
        #expect(h.topKind == .merge)
        #expect(h.text.contains("◀ yours: your new record"))
        #expect(h.text.contains("every difference is a conflict: no base (they share no version)"))
        #expect(h.text.contains("2 conflicts left"))
        // Esc goes back to the typed record, nothing lost.
        var back = h
        back.press(.escape)
        #expect(back.topKind == .editor && back.editor?.fields[1].value == "Kettle, steel")
        h.press(.char("2"), .char("n"), .char("1"), .ctrl("s"))
        #expect(h.savedMerge?.ifMatch == 12)
        #expect(h.savedMerge?.fields == ["sku": "K-1", "name": "Kettle", "price": "32.00", "stock": "4"])
        var saved = Self.existing
        (saved.fields, saved.version, saved.revision) = (h.savedMerge!.fields, 3, 14)
        h.send(.answered(.merge(.saved), .success(.record(saved))))
        #expect(h.topKind == .editor && h.editor?.key == Self.existingKey && h.editor?.base?.revision == 14)
        #expect(h.text.contains("Merged and saved products/kettle as v3."))
    }

    @Test func aUniqueValueTakenByAnotherRecordOffersOnlyToOpenIt() {
        var h = Harness.editor()
        h.type("!")
        h.press(.ctrl("s"))
        let other = Fixtures.record(["title": "Welcome to midair!"], version: 1, revision: 3)
        var elsewhere = other
        elsewhere.id = "hello"
        h.send(.answered(.editor(.saved), .failure(.api(.alreadyExists(AlreadyExists(existing: elsewhere, field: "title", value: "Welcome to midair!"))))))
        #expect(h.text.contains("Your save of articles/welcome was refused: articles/hello already has title"))
        #expect(!h.text.contains("m merge"))
        h.press(.char("m"))
        #expect(h.topKind == .conflict)
    }

    static let dependents = HasDependents(dependents: [
        Dependent(collection: "orders", id: "o-1", field: "product", title: "O-1"),
        Dependent(collection: "orders", id: "o-2", field: "product", title: "O-2"),
    ], total: 5)

    /// The browser after a delete of `products/kettle` met records that refer to it.
    static func hasDependents() -> Harness {
        var h = Harness.browser()
        h.send(.answered(.browser(.deleted(existingKey)), .failure(.api(.hasDependents(dependents)))))
        _ = h.take()
        return h
    }

    @Test func hasDependentsListsThemWithTitlesAndTheTotal() {
        let h = Self.hasDependents()
        #expect(h.topKind == .conflict)
        #expect(h.text.contains("products/kettle is still referred to"))
        #expect(h.text.contains("5 records refer to it, so it cannot be deleted:"))
        #expect(h.text.contains("orders/o-1 (product) “O-1”") && h.text.contains("orders/o-2 (product) “O-2”"))
        #expect(h.text.contains("and 3 more"))
    }

    @Test func hasDependentsEnterOpensOneAndEscGoesBack() {
        var h = Self.hasDependents()
        h.press(.char("j"))
        h.press(.enter)
        let o2 = RecordKey(collection: "orders", id: "o-2")
        #expect(h.topKind == .editor && h.editor?.key == o2)
        #expect(h.take().contains(.call(.get(o2), reply: .editor(.loaded))))
        h.press(.escape)
        #expect(h.topKind == .conflict)
        h.press(.up, .escape)
        #expect(h.topKind == .browser)
    }

    static let tombstone: Record = {
        var r = MergeFixture.theirsRecord
        (r.deleted, r.version, r.revision) = (true, 6, 33)
        return r
    }()

    /// The editor's save met the record deleted meanwhile.
    static func deleted() -> Harness {
        var h = Harness.editor(MergeFixture.baseRecord)
        h.type("!")
        h.press(.ctrl("s"))
        let conflict = EditConflict(current: tombstone, yourRevision: 17, baseVersion: 3, changedFields: [], changes: [])
        h.send(.answered(.editor(.saved), .failure(.api(.editConflict(conflict)))))
        _ = h.take()
        return h
    }

    @Test func deletedMeanwhileSaysWhoAndShowsTheDraft() {
        let h = Self.deleted()
        #expect(h.topKind == .conflict)
        #expect(h.text.contains("bob deleted articles/welcome 2 min ago (v6) while you were editing it."))
        #expect(h.text.contains("Your draft, typed on v3, is kept:"))
        #expect(h.text.contains("title  Welcome to midair!"))
    }

    @Test func deletedMeanwhileRRecreatesFromTheDraft() {
        var h = Self.deleted()
        h.press(.char("r"))
        var fields = MergeFixture.base
        fields["title"] = "Welcome to midair!"
        #expect(h.take() == [.call(.createExclusive(MergeFixture.key, fields: fields), reply: .conflict(.recreated))])
        #expect(h.text.contains("re-creating…"))
        h.press(.char("r"))
        #expect(h.take().isEmpty)
        let created = Fixtures.record(fields, version: 7, revision: 40)
        h.send(.answered(.conflict(.recreated), .success(.record(created))))
        #expect(h.topKind == .editor && h.editor?.base?.revision == 40)
        #expect(h.text.contains("Re-created articles/welcome as v7."))
    }

    @Test func deletedMeanwhileButCreatedAgainFirstShowsTheNewRecord() {
        var h = Self.deleted()
        h.press(.char("r"))
        let again = Fixtures.record(["title": "Someone else's welcome"], version: 7, revision: 41)
        h.send(.answered(.conflict(.recreated), .failure(.api(.preconditionFailed(again)))))
        #expect(h.topKind == .conflict)
        #expect(h.text.contains("already exists: articles/welcome"))
        h.press(.char("m"))
        #expect(h.topKind == .merge && h.merge?.conflict.current == again)
    }

    @Test func deletedMeanwhileDDiscardsTheDraftAndEscKeepsIt() {
        var kept = Self.deleted()
        kept.press(.escape)
        #expect(kept.topKind == .editor && kept.editor?.fields[0].value == "Welcome to midair!")
        var h = Self.deleted()
        h.press(.char("d"))
        let effects = h.take()
        #expect(effects.contains(.removeDraft(MergeFixture.key)) && effects.contains(.quit))
    }

    @Test func aMergeWhoseSaveMeetsADeletionGoesToTheDeletedScreen() {
        var h = MergeFixture.harness()
        h.press(.char("1"), .char("n"), .char("n"), .char("2"), .ctrl("s"))
        let merged = h.savedMerge!.fields
        h.send(.answered(.merge(.saved), .failure(.api(.editConflict(
            EditConflict(current: Self.tombstone, yourRevision: 30, baseVersion: 5, changedFields: [], changes: []))))))
        #expect(h.topKind == .conflict && h.text.contains("bob deleted articles/welcome"))
        _ = h.take()
        h.press(.char("r"))
        #expect(h.take() == [.call(.createExclusive(MergeFixture.key, fields: merged), reply: .conflict(.recreated))])
        h.send(.answered(.conflict(.recreated), .success(.record(Fixtures.record(merged, version: 7, revision: 40)))))
        #expect(h.topKind == .editor && h.state.pages.count == 1)
    }

    @Test func helpListsTheKeysOfEachScreen() {
        var h = Self.deleted()
        h.press(.char("?"))
        #expect(h.text.contains("re-create the record from your draft"))
    }
}
