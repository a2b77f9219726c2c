import HTTPTypes
import Hummingbird

/// Turns the router's 404 for a path that exists under other methods into a 405 with an `Allow` header listing
/// them (RFC 9110), so a client sending the wrong method learns which ones the address takes.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Every route as its method and its path components (`:name` matches any one component).
    let routes: [(method: HTTPRequest.Method, components: [Substring])]

    init(routes: [(method: HTTPRequest.Method, path: String)]) {
        self.routes = routes.map { ($0.method, $0.path.split(separator: "/")) }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let components = request.uri.path.split(separator: "/")
            let allowed = routes.filter { Self.matches($0.components, components) }.map(\.method.rawValue)
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            var response = Problem(
                .methodNotAllowed,
                "this address does not take \(request.method.rawValue.cut()); it takes "
                    + Set(allowed).sorted().joined(separator: ", ") + "."
            ).response
            response.headers[.allow] = Set(allowed).sorted().joined(separator: ", ")
            return response
        }
    }

    static func matches(_ pattern: [Substring], _ path: [Substring]) -> Bool {
        pattern.count == path.count && zip(pattern, path).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }
}
