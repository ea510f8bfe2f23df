import Foundation
import MidairCore

/// The default schema and sample records of Assets/, built into the binary.
public enum DefaultAssets {
    public static func schema() throws -> Schema {
        try JSONDecoder().decode(Schema.self, from: Data(PackageResources.schema_json))
    }

    public static func seed() throws -> [SeedRecord] {
        struct File: Decodable { var records: [SeedRecord] }
        return try JSONDecoder().decode(File.self, from: Data(PackageResources.seed_json)).records
    }
}
