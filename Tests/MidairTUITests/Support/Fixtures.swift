import Foundation
import MidairCore
@testable import MidairTUI

/// The default schema's collections the tests use, and records in them.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_760_000_000)

    static func at(_ secondsAgo: TimeInterval) -> String {
        now.addingTimeInterval(-secondsAgo).formatted(.iso8601)
    }

    static let schema = Schema(collections: [
        CollectionSchema(name: "articles", title: "title", fields: [
            FieldSchema(name: "title", kind: .text, required: true),
            FieldSchema(name: "body", kind: .multiline),
            FieldSchema(name: "tags", kind: .text),
        ]),
        CollectionSchema(name: "products", title: "name", fields: [
            FieldSchema(name: "sku", kind: .text, unique: true, required: true),
            FieldSchema(name: "name", kind: .text),
            FieldSchema(name: "price", kind: .decimal),
            FieldSchema(name: "stock", kind: .integer),
        ]),
    ])

    static let welcome = Record(
        collection: "articles", id: "welcome",
        fields: ["title": "Welcome to midair", "body": "First line.\nSecond line.\nThird line.", "tags": "intro"],
        version: 3, revision: 17, updatedBy: "bob", updatedAt: at(300))

    static let summaries = [
        RecordSummary(id: "release-notes", title: "Release notes", version: 1, revision: 2, updatedBy: "carol", updatedAt: at(7200)),
        RecordSummary(id: "style-guide", title: "House style guide", version: 2, revision: 9, updatedBy: "alice", updatedAt: at(30)),
        RecordSummary(id: "welcome", title: "Welcome to midair", version: 3, revision: 17, updatedBy: "bob", updatedAt: at(300)),
    ]

    static func record(_ fields: Fields, version: Int = 3, revision: Int64 = 17) -> Record {
        Record(collection: "articles", id: "welcome", fields: fields, version: version, revision: revision,
               updatedBy: "bob", updatedAt: at(300))
    }
}
