import Foundation
import MidairCore
import MidairStore
import Synchronization

/// A real SQLite store in a fresh temporary directory, removed when the
/// test process exits (not when the fixture goes: Swift may release it
/// after its last use, while the store is still open).
struct StoreFixture {
    let directory: String
    let store: SQLiteRecordStore

    init(seed: Bool = false, options: SQLiteRecordStore.Options = .init()) throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("midair-store-\(UUID().uuidString)").path
        store = try SQLiteRecordStore(
            directory: directory, schema: try DefaultAssets.schema(),
            seed: seed ? try DefaultAssets.seed() : [], options: options)
        StoreDirectories.removeAtExit(directory)
    }

    /// The same directory opened again, as after a restart.
    func reopened() throws -> SQLiteRecordStore {
        try SQLiteRecordStore(directory: directory, schema: try DefaultAssets.schema(), seed: try DefaultAssets.seed())
    }

    @discardableResult
    func create(_ c: String, id: String? = nil, _ fields: Fields, by user: String = "ada", key: String? = nil) async throws -> WriteOutcome {
        try await store.write(WriteRequest(collection: c, operation: .create(id: id, fields: fields), idempotencyKey: key), by: user).outcome
    }

    func replace(_ c: String, _ id: String, _ fields: Fields, ifMatch: Int64, by user: String = "ada") async throws -> WriteOutcome {
        try await store.write(WriteRequest(collection: c, operation: .replace(id: id, fields: fields, ifMatch: ifMatch)), by: user).outcome
    }

    func delete(_ c: String, _ id: String, ifMatch: Int64, by user: String = "ada") async throws -> WriteOutcome {
        try await store.write(WriteRequest(collection: c, operation: .delete(id: id, ifMatch: ifMatch)), by: user).outcome
    }
}

/// The fixtures' directories, removed as the test process exits.
enum StoreDirectories {
    private static let paths = Mutex<[String]>([])
    private static let registered: Void = {
        atexit { for path in StoreDirectories.paths.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: path) } }
    }()

    static func removeAtExit(_ path: String) {
        _ = registered
        paths.withLock { $0.append(path) }
    }
}

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let seconds = Mutex<Double>(1_800_000_000)
    var now: Date { Date(timeIntervalSince1970: seconds.withLock { $0 }) }
    func advance(_ s: Double) { seconds.withLock { $0 += s } }
}

extension WriteOutcome {
    /// The written record, or nil for a rejection.
    var record: Record? {
        switch self {
        case .created(let r), .updated(let r), .deleted(let r): r
        case .rejected: nil
        }
    }

    var rejection: WriteRejection? {
        if case .rejected(let r) = self { r } else { nil }
    }
}
