import Hummingbird
import MidairCore
import MidairStore

/// The collection and record a route's path names, checked against the
/// schema: an unknown collection is a 404, a malformed id a 400.
enum RecordAddress {
    static func collection(_ context: MidairRequestContext, in schema: Schema) throws -> String {
        let name = try context.parameters.require("collection")
        guard schema.collection(name) != nil else { throw Problem.unknownCollection(name) }
        return name
    }

    static func record(_ context: MidairRequestContext, in schema: Schema) throws -> (collection: String, id: String) {
        let collection = try self.collection(context, in: schema)
        let id = try context.parameters.require("id")
        guard RecordID.isValid(id) else { throw Problem(StoreError.invalidID(id)) }
        return (collection, id)
    }
}
