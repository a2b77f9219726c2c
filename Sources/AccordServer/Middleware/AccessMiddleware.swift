import Foundation
import HTTPTypes
import Hummingbird

/// Asks for the access token when the server has one: API routes take `Authorization: Bearer <token>` or the
/// session cookie, pages the session cookie (set by the login form) and otherwise send the browser to `/login`.
/// `/health`, the login form, the OpenAPI document and the static files are open.
///
/// A room's own routes (`/api/v1/rooms/{id}/…`, and `/rooms/{id}/…` for its pages and invitation links) do not ask
/// for the access token: they ask for a credential of that room (``RoomAccess``), which participants hold instead
/// of the server's token. Creating a room (`POST /api/v1/rooms`) asks for the access token like any other route.
struct AccessMiddleware<Context: RequestContext>: RouterMiddleware {
    let access: AccessControl

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard access.isRequired, !Self.isOpen(request.uri.path) else { return try await next(request, context) }
        if access.allows(request) { return try await next(request, context) }
        if request.uri.path.hasPrefix("/api/") {
            throw Problem(.unauthorized, "this server asks for an access token: send 'Authorization: Bearer <token>'.")
        }
        let target = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        return Response.redirect(to: "/login?next=" + (target.addingPercentEncodingForQuery()), type: .normal)
    }

    static func isOpen(_ path: String) -> Bool {
        path == "/health" || path == "/login" || path == "/openapi.yaml" || path == "/openapi.json"
            || path.hasPrefix("/assets/") || isRoomPath(path)
    }

    /// Whether the path is one room's (its credential guards it): `/api/v1/rooms/{id}…` or `/rooms/{id}…`, not the
    /// page that creates a room (`/rooms/new`, which asks for the access token like every workspace page).
    static func isRoomPath(_ path: String) -> Bool {
        if path == "/rooms/new" { return false }
        for prefix in ["/api/v1/rooms/", "/rooms/"] where path.hasPrefix(prefix) {
            return path.count > prefix.count
        }
        return false
    }
}

extension String {
    /// The string percent-encoded for a query value (`&`, `=`, `+`, `?` and `#` too).
    func addingPercentEncodingForQuery() -> String {
        addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+?#")))
            ?? ""
    }

    /// The string with zeros before it up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
