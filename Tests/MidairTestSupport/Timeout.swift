/// Runs `body`, failing with `TimedOut` if it takes longer than `limit`,
/// so a test that waits for something that never comes fails instead of
/// hanging the suite.
public func withTimeout<T: Sendable>(_ limit: Duration = .seconds(30), _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut(limit: limit)
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

public struct TimedOut: Error, CustomStringConvertible {
    public var limit: Duration
    public var description: String { "timed out after \(limit)" }
}
