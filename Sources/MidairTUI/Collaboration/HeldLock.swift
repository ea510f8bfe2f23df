import MidairClient
import MidairCore

extension AppState {
    /// The answer to a renewal of the lock `midair edit --lock` took. Only
    /// someone else holding it (it lapsed: a suspended laptop, a long
    /// outage) or the record being gone ends it; other failures wait for
    /// the next renewal.
    mutating func lockRenewed(_ result: Result<APIReply, AppError>) {
        guard let key = heldLock else { return }
        switch result {
        case .success(.lock(let lock)):
            others.setLock(lock, on: key)
        case .failure(.api(.locked(let problem))):
            heldLock = nil
            notice = Notice(title: "You no longer hold the lock on \(key)", lines: [
                problem.lock.map { "\($0.holder) holds it now; saving waits until they release it." } ?? problem.detail,
            ])
        case .failure(.api(.notFound(let detail))):
            heldLock = nil
            notice = Notice(title: "The lock on \(key) ended", lines: [detail])
        case .failure, .success:
            break
        }
    }
}
