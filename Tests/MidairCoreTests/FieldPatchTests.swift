import MidairCore
import Testing

@Suite struct FieldPatchTests {
    func conflict(current: Fields, changed: [String], deleted: Bool = false) -> EditConflict {
        EditConflict(
            current: Record(collection: "products", id: "w", fields: current, version: 3, revision: 9, updatedBy: "bob", updatedAt: "t", deleted: deleted),
            yourRevision: 5, baseVersion: 2, changedFields: changed, changes: [])
    }

    @Test func aPatchGoesOntoAVersionThatChangedOtherFields() {
        let patch = FieldPatch(["stock": "7"])
        let c = conflict(current: ["name": "Widget 2", "stock": "10"], changed: ["name"])
        #expect(patch.clashes(with: c).isEmpty)
        #expect(patch.applied(to: c.current) == ["name": "Widget 2", "stock": "7"])
    }

    @Test func aPatchClashesWithADifferentChangeToItsField() {
        let patch = FieldPatch(["stock": "7", "price": "1.00"])
        #expect(patch.clashes(with: conflict(current: ["stock": "8", "price": "1.00"], changed: ["stock", "price"])) == ["stock"])
    }

    @Test func theSameChangeOnBothSidesIsNoClash() {
        #expect(FieldPatch(["stock": "7"]).clashes(with: conflict(current: ["stock": "7"], changed: ["stock"])).isEmpty)
    }
}
