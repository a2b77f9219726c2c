import Hummingbird

/// Answers every error a route throws as `application/problem+json`, so no error leaves as an empty body or a
/// stack trace.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            return Problem.from(error).response
        }
    }
}
