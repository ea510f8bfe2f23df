import Logging
import ServiceLifecycle

/// Ends (and so shuts the server down gracefully) once there has been no
/// connection for `limit`.
struct IdleExit: Service {
    let activity: ConnectionActivity
    let limit: Duration
    let logger: Logger

    func run() async {
        let activity = self.activity, limit = self.limit, logger = self.logger
        // Checked a few times per limit, so the server stops soon after it.
        let interval = min(limit / 4, .seconds(5))
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if activity.idleFor >= limit {
                    logger.info("no connection for \(limit): stopping (--idle-exit)")
                    return
                }
            }
        }
    }
}
