import MidairCore
import NIOHTTP1

extension MidairClient {
    /// Takes the lease on a record, or renews yours: others' writes get
    /// `.locked` until it lapses, `ttl` seconds from now (the server's
    /// default when nil). Throws `.locked` when someone else holds it.
    @discardableResult
    public func lock(_ collection: String, _ id: String, ttl: Int? = nil) async throws -> LockInfo {
        try decode(LockInfo.self, try await call(.POST, Target.lock(collection, id), body: LockBody(ttlSeconds: ttl)))
    }

    /// Releases your lease. Throws `.notFound` when none is live, `.locked`
    /// when it is another's.
    public func unlock(_ collection: String, _ id: String) async throws {
        _ = try await call(.DELETE, Target.lock(collection, id))
    }

    /// The live lease on a record, or nil when it is free.
    public func lockStatus(_ collection: String, _ id: String) async throws -> LockInfo? {
        do {
            return try decode(LockInfo.self, try await call(.GET, Target.lock(collection, id)))
        } catch MidairAPIError.notFound {
            return nil
        }
    }
}

struct LockBody: Encodable {
    var ttlSeconds: Int?

    enum CodingKeys: String, CodingKey { case ttlSeconds = "ttl_seconds" }
}

extension Target {
    static func lock(_ collection: String, _ id: String) -> String {
        records(collection, id) + "/lock"
    }
}
