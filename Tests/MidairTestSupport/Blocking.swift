import Foundation

/// Runs blocking work (waiting for a process, reading a pipe to its end,
/// opening a store) on a thread of its own.
///
/// Not on Swift's concurrency pool, and not on `DispatchQueue.global()`
/// either: on Linux both are the same few threads (one per core), so a
/// blocked call there starves every in-process server of the test run.
public func runBlocking<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}
