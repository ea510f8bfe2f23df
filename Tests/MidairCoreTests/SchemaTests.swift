import Foundation
import MidairCore
import Testing

extension Fields {
    var unordered: [String: String] { Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) }) }
}

@Suite struct SchemaTests {
    let products = CollectionSchema(name: "products", title: "name", fields: [
        FieldSchema(name: "sku", kind: .text, unique: true, required: true),
        FieldSchema(name: "name", kind: .text),
        FieldSchema(name: "price", kind: .decimal),
        FieldSchema(name: "stock", kind: .integer),
        FieldSchema(name: "contact", kind: .email),
        FieldSchema(name: "notes", kind: .multiline),
        FieldSchema(name: "maker", kind: .ref("makers")),
    ])

    @Test func validFieldsComeBackCompleteAndInSchemaOrder() throws {
        let result = products.validate(["stock": "-3", "sku": "A-1", "price": "19.99"])
        let fields = try result.get()
        #expect(Array(fields.keys) == ["sku", "name", "price", "stock", "contact", "notes", "maker"])
        #expect(fields["name"] == "" && fields["stock"] == "-3")
    }

    @Test(arguments: [
        ("stock", "1.5", "must be a whole number, like 42 or -7"),
        ("stock", "", nil),
        ("price", "1.", "must be a decimal number, like 19.99"),
        ("price", "+0.50", nil),
        ("contact", "no-at-sign", "must be an email address, like ada@example.org"),
        ("contact", "a@b", "must be an email address, like ada@example.org"),
        ("contact", "ada@example.org", nil),
        ("name", "two\nlines", "must be a single line"),
        ("notes", "two\nlines", nil),
        ("maker", "Bad Id", "must be the id of a record in makers"),
        ("sku", "", "is required"),
    ] as [(String, String, String?)])
    func eachKindChecksItsValues(field: String, value: String, problem: String?) {
        #expect(products.field(field)?.problem(with: value) == problem)
    }

    @Test func unknownAndBadFieldsAreAllReportedWithPointers() {
        guard case .failure(let e) = products.validate(["sku": "", "colour/hue": "red", "stock": "x"]) else {
            Issue.record("expected errors"); return
        }
        #expect(e.errors.map(\.pointer) == ["/fields/colour~1hue", "/fields/sku", "/fields/stock"])
    }

    @Test func recordIDs() {
        #expect(RecordID.isValid("a") && RecordID.isValid("0.x_y-z"))
        #expect(!RecordID.isValid("") && !RecordID.isValid("-a") && !RecordID.isValid("A") && !RecordID.isValid("a b"))
        #expect(!RecordID.isValid(String(repeating: "a", count: 65)) && RecordID.isValid(String(repeating: "a", count: 64)))
        #expect(!RecordID.isValid("é"))
        #expect(RecordID.slug("  Hello, Wörld! 2 ") == "hello-w-rld-2")
    }

    @Test func theDefaultSchemaFileDecodesAndIsConsistent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Assets/schema.json")
        let schema = try JSONDecoder().decode(Schema.self, from: Data(contentsOf: url))
        #expect(schema.problems().isEmpty)
        #expect(schema.collections.map(\.name) == ["articles", "users", "products", "orders"])
        #expect(schema.collection("orders")?.field("product")?.kind == .ref("products"))
        #expect(schema.collection("users")?.uniqueFields.map(\.name) == ["email"])
    }

    @Test func aSchemaWithDanglingNamesIsRefused() {
        let bad = Schema(collections: [CollectionSchema(name: "x", title: "nope", fields: [FieldSchema(name: "r", kind: .ref("y"))])])
        #expect(bad.problems().count == 2)
    }

    @Test func recordsRoundTripThroughJSONAndTheSchemaRestoresFieldOrder() throws {
        let r = Record(collection: "products", id: "i", fields: ["sku": "A", "name": "N", "price": "1", "stock": "2"], version: 2, revision: 9, updatedBy: "ada", updatedAt: "2026-11-21T10:00:00Z")
        let data = try JSONEncoder().encode(r)
        #expect(String(decoding: data, as: UTF8.self).contains("\"updated_by\":\"ada\""))
        #expect(!String(decoding: data, as: UTF8.self).contains("deleted"))
        let decoded = try JSONDecoder().decode(Record.self, from: data)
        #expect(decoded.fields.unordered == r.fields.unordered)
        #expect(products.ordered(decoded.fields).keys.elementsEqual(["sku", "name", "price", "stock"]))
        #expect(r.etag == "\"9\"")
        #expect(ETag.revision("\"9\"") == 9 && ETag.revision("W/\"9\"") == nil && ETag.revision("*") == nil)
    }

    @Test func orderingKeepsUnknownFieldsLastByName() {
        #expect(products.ordered(["zeta": "1", "stock": "2", "alpha": "3", "sku": "4"]).keys.elementsEqual(["sku", "stock", "alpha", "zeta"]))
    }
}
