import MidairCore
import MidairStore

extension Problem {
    /// The answer to a store call that failed without a write outcome.
    init(_ error: StoreError) {
        switch error {
        case .unknownCollection(let name):
            self = .unknownCollection(name)
        case .invalidID, .invalidIdempotencyKey:
            self.init(.badRequest, error.description)
        case .idempotencyKeyInUse:
            self.init(.idempotencyKeyInUse, error.description + "; retry when it has finished")
        case .idempotencyKeyReused:
            self.init(.idempotencyKeyReused, error.description + "; use a new key for a new request")
        case .unusable:
            self.init(.unavailable, error.description)
        }
    }
}
