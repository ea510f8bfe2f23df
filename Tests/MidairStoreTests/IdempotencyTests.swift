import Foundation
import MidairCore
import MidairStore
import Testing

@Suite struct IdempotencyTests {
    let order = WriteRequest(
        collection: "orders", operation: .create(id: nil, fields: ["order_no": "77", "product": "widget", "quantity": "1"]),
        idempotencyKey: "k-1")

    @Test func aRetryReplaysTheFirstOutcomeAndWritesNothing() async throws {
        let f = try StoreFixture(seed: true)
        let first = try await f.store.write(order, by: "ada")
        let retry = try await f.store.write(order, by: "ada")
        #expect(!first.replayed && retry.replayed)
        #expect(retry.outcome == first.outcome)
        #expect(try await f.store.list("orders", limit: 50, after: nil, query: "77").records.count == 1)
    }

    @Test func keysAreScopedToTheUser() async throws {
        let f = try StoreFixture(seed: true)
        _ = try await f.store.write(order, by: "ada")
        let bob = try await f.store.write(order, by: "bob")
        #expect(!bob.replayed)
        guard case .alreadyExists = bob.outcome.rejection else { Issue.record("got \(bob)"); return }
    }

    @Test func theSameKeyForAnotherRequestIsRefused() async throws {
        let f = try StoreFixture(seed: true)
        _ = try await f.store.write(order, by: "ada")
        var other = order
        other.operation = .create(id: nil, fields: ["order_no": "78", "product": "widget", "quantity": "1"])
        await #expect(throws: StoreError.idempotencyKeyReused(key: "k-1")) { try await f.store.write(other, by: "ada") }
    }

    @Test func aKeyInFlightIsInUseUntilAbandoned() async throws {
        let clock = TestClock()
        let f = try StoreFixture(seed: true, options: .init(idempotencyAbandonAfter: 120, now: { clock.now }))
        #expect(try await f.store.claimIdempotencyKey(user: "ada", key: "k-1", request: order) == .claimed)
        await #expect(throws: StoreError.idempotencyKeyInUse(key: "k-1")) { try await f.store.write(order, by: "ada") }
        clock.advance(121)
        let taken = try await f.store.write(order, by: "ada")
        #expect(!taken.replayed && taken.outcome.record != nil)
    }

    @Test func finishedKeysAreKeptForTheRetentionPeriod() async throws {
        let clock = TestClock()
        let f = try StoreFixture(seed: true, options: .init(idempotencyRetention: 86_400, now: { clock.now }))
        _ = try await f.store.write(order, by: "ada")
        clock.advance(86_000)
        #expect(try await f.store.write(order, by: "ada").replayed)
        clock.advance(1_000)
        // Past retention the key is forgotten: the write runs again (and meets the unique order number).
        let late = try await f.store.write(order, by: "ada")
        #expect(!late.replayed)
        guard case .alreadyExists = late.outcome.rejection else { Issue.record("got \(late)"); return }
    }

    @Test func rejectionsAreReplayedToo() async throws {
        let f = try StoreFixture(seed: true)
        var stale = order
        stale.operation = .replace(id: "o-1001", fields: ["order_no": "1001", "product": "widget"], ifMatch: 1)
        let first = try await f.store.write(stale, by: "ada")
        let again = try await f.store.write(stale, by: "ada")
        #expect(again.replayed && again.outcome == first.outcome)
        #expect(try await f.store.conflicts(since: 0, limit: 10).count == 1)
    }

    @Test func badKeysAreRefused() async throws {
        let f = try StoreFixture(seed: true)
        var bad = order
        bad.idempotencyKey = "has space"
        await #expect(throws: StoreError.invalidIdempotencyKey("has space")) { try await f.store.write(bad, by: "ada") }
    }
}
