import Foundation
import HTTPTypes
import Hummingbird
import MidairCore
import MidairStore

/// `/v1/records/{c}/{id}/lock`: pessimistic locks, leases that writes by
/// anyone but the holder wait for (423). Every change is a `lock` event.
struct LockRoutes: Sendable {
    let store: any RecordStore
    let events: Broadcast<ServerEvent>

    func register(on router: Router<MidairRequestContext>) {
        router.endpoint("/v1/records/:collection/:id/lock", [.get: status, .post: lock, .delete: unlock])
    }

    /// 200 with the live lease, 404 when the record is free.
    @Sendable func status(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try RecordAddress.record(context, in: store.schema)
        guard let lock = try await store.lockStatus(collection, id) else {
            throw Problem.notFound("\(collection)/\(id) is not locked")
        }
        return JSONBody.response(.ok, lock, headers: LockHeaders.fields(lock))
    }

    /// Takes or renews the lease: 200 with it, 423 when another holds it.
    @Sendable func lock(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try RecordAddress.record(context, in: store.schema)
        let user = try context.requireIdentity().user
        let seconds = try await LockBody.read(request).seconds
        switch try await store.lock(collection, id, by: user, seconds: seconds) {
        case .acquired(let lock):
            announce(.acquired, lock)
            return JSONBody.response(.ok, lock, headers: LockHeaders.fields(lock))
        case .renewed(let lock):
            announce(.renewed, lock)
            return JSONBody.response(.ok, lock, headers: LockHeaders.fields(lock))
        case .heldByOther(let lock):
            throw Problem(WriteRejection.locked(lock))
        case .notFound:
            throw Problem.notFound("there is no record \(collection)/\(id) to lock")
        }
    }

    /// Releases the caller's lease: 204; 404 when none is live; 423 when it is another's.
    @Sendable func unlock(_ request: Request, context: MidairRequestContext) async throws -> Response {
        let (collection, id) = try RecordAddress.record(context, in: store.schema)
        let user = try context.requireIdentity().user
        switch try await store.unlock(collection, id, by: user) {
        case .released(let lock):
            announce(.released, lock)
            return Response(status: .noContent)
        case .notLocked:
            throw Problem.notFound("\(collection)/\(id) is not locked (a lease that ran out is released already)")
        case .heldByOther(let lock):
            throw Problem(WriteRejection.locked(lock))
        }
    }

    private func announce(_ kind: LockEvent.Kind, _ lock: LockInfo) {
        events.publish(.lock(LockEvent(kind: kind, lock: lock, at: Timestamp.string())))
    }
}

/// `Midair-Locked-By` and `Midair-Lock-Expires`: a locked record says who
/// holds it and until when on every GET, for clients and `curl -i` alike.
enum LockHeaders {
    static let lockedBy = HTTPField.Name("Midair-Locked-By")!
    static let expires = HTTPField.Name("Midair-Lock-Expires")!

    static func fields(_ lock: LockInfo) -> HTTPFields {
        [lockedBy: lock.holder, expires: lock.expiresAt]
    }
}

/// The optional body of a lock request: `{"ttl_seconds": 60}`.
struct LockBody: Decodable {
    var seconds: Int

    enum CodingKeys: String, CodingKey { case seconds = "ttl_seconds" }

    init(seconds: Int) { self.seconds = seconds }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        seconds = try c.decodeIfPresent(Int.self, forKey: .seconds) ?? LockLease.defaultSeconds
    }

    static func read(_ request: Request) async throws -> LockBody {
        let buffer = try await WriteBody.collect(request, limit: 4096)
        let body: LockBody
        if buffer.readableBytes == 0 {
            body = LockBody(seconds: LockLease.defaultSeconds)
        } else {
            do {
                body = try JSONDecoder().decode(LockBody.self, from: Data(buffer.readableBytesView))
            } catch let error as DecodingError {
                throw Problem(error)
            }
        }
        guard (1...LockLease.maxSeconds).contains(body.seconds) else {
            throw Problem(.invalid, "/ttl_seconds: must be from 1 to \(LockLease.maxSeconds)", members: ValidationErrors(errors: [
                ValidationError(pointer: "/ttl_seconds", detail: "must be from 1 to \(LockLease.maxSeconds) seconds; renew the lock to keep it longer")
            ]))
        }
        return body
    }
}
