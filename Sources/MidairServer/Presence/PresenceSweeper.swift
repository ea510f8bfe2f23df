import ServiceLifecycle

/// Lapses presence whose heartbeat stopped, so followers hear that the
/// session is gone within a second or so of its TTL.
struct PresenceSweeper: Service {
    let board: PresenceBoard

    func run() async {
        let board = self.board
        let interval = min(board.ttl / 4, .seconds(1))
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                board.expire()
            }
        }
    }
}
