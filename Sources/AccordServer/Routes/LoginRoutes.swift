import AccordReport
import Foundation
import HTTPTypes
import Hummingbird

/// `GET /login` (the form) and `POST /login` (checks the token, sets an HttpOnly, SameSite=Strict session cookie
/// and goes on to the page asked for). Only when the server has an access token.
struct LoginRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.get("login") { request, _ in
            Response.text(
                Self.page(next: Self.next(request.uri.queryParameters["next"].map(String.init)), failed: false),
                contentType: "text/html; charset=utf-8")
        }
        router.post("login") { request, _ in try await login(request) }
    }

    private func login(_ request: Request) async throws -> Response {
        var request = request
        let text = try await request.text(limit: 16_384)
        let form = (try? URLEncodedFormDecoder().decode(LoginForm.self, from: text)) ?? LoginForm()
        let next = Self.next(form.next)
        guard workspace.access.isRequired, workspace.access.matches(form.token ?? "") else {
            return Response.text(
                Self.page(next: next, failed: true), contentType: "text/html; charset=utf-8", status: .unauthorized)
        }
        var response = Response.redirect(to: next, type: .normal)
        let session = workspace.access.openSession()
        response.headers[.setCookie] =
            "\(AccessControl.cookieName)=\(session); Path=/; HttpOnly; SameSite=Strict"
        return response
    }

    /// Where to go after signing in: a path on this server, never elsewhere.
    static func next(_ value: String?) -> String {
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\") else { return "/" }
        return value
    }

    static func page(next: String, failed: Bool) -> String {
        """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in · Accord</title><link rel="stylesheet" href="/assets/app.css"></head>
        <body><main class="login"><h1>Accord</h1>
        <form method="post" action="/login">
        <label for="token">Access token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
        <input type="hidden" name="next" value="\(xmlEscaped(next))">
        \(failed ? "<p class=\"error\" role=\"alert\">That token is not this server's.</p>" : "")
        <button type="submit">Sign in</button>
        </form></main></body></html>

        """
    }
}

/// The login form's fields.
struct LoginForm: Decodable {
    var token: String?
    var next: String?
}
