import MidairClient

/// A failure an effect met, kept readable: the app shows every one of them
/// and never stops because of one.
public enum AppError: Error, Sendable, Hashable, CustomStringConvertible {
    case api(MidairAPIError)
    case connection(MidairConnectionError)
    case local(String)

    public init(_ error: any Error) {
        switch error {
        case let e as MidairAPIError: self = .api(e)
        case let e as MidairConnectionError: self = .connection(e)
        case let e as AppError: self = e
        default: self = .local(String(describing: error))
        }
    }

    public var description: String {
        switch self {
        case .api(let e): e.description
        case .connection(let e): e.description
        case .local(let message): message
        }
    }
}
