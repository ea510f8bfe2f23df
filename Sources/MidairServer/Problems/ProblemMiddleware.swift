import Hummingbird
import MidairCore
import MidairStore

/// Turns every error into an `application/problem+json` answer: the
/// problems handlers throw, store errors, the router's own 404 for unknown
/// paths, and anything unexpected (a 500 that is also logged).
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = MidairRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let problem as Problem {
            return problem.response()
        } catch let error as StoreError {
            return Problem(error).response()
        } catch let error as HTTPError where error.status == .notFound {
            return Problem.notFound("no such path: \(request.uri.path)").response()
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return Problem(.internalError, "the server failed to answer; its log says why").response()
        }
    }
}
