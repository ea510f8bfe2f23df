import Hummingbird
import MidairCore

typealias Handler = @Sendable (Request, MidairRequestContext) async throws -> Response

extension Router<MidairRequestContext> {
    /// The methods a router can be asked for; on a known path, those without
    /// a handler answer 405 with `Allow`. (Hummingbird's router answers 404
    /// for a known path with an unknown method.)
    private static let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .delete, .patch, .options, .trace, .connect]

    /// Registers the handlers of one path, and 405 for every other method.
    /// HEAD comes with GET (the router derives it).
    func endpoint(_ path: RouterPath, _ handlers: [HTTPRequest.Method: Handler]) {
        let allowed = Self.methods.filter { handlers[$0] != nil || ($0 == .head && handlers[.get] != nil) }
        let allow = allowed.map(\.rawValue).joined(separator: ", ")
        for method in Self.methods {
            if let handler = handlers[method] {
                on(path, method: method, use: handler)
            } else if !allowed.contains(method) {
                on(path, method: method) { request, _ -> Response in
                    throw Problem(.methodNotAllowed, "\(request.uri.path) answers \(allow), not \(method.rawValue)", headers: [.allow: allow])
                }
            }
        }
    }
}
