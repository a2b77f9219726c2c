import AccordKit
import AccordReport
import Foundation
import Hummingbird

/// The confidential rooms' pages: `/rooms/new` creates a room (skeleton, disclosure policy, fairness rule) and shows
/// its invitations once; `/rooms/{id}` is the room as the visitor's role sees it — the invitation link
/// (`/rooms/{id}/join?token=…`) sets the room's cookie, and the page then asks for nothing else. The page is a frame:
/// `room.js` reads the role's view from the room's API and keeps it live from its event stream; a party's form is
/// `room-preferences.js`. Nothing private is ever written into the HTML.
struct RoomPages {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        router.get("rooms/new") { _, _ in
            html(try await newRoom())
        }
        router.get("rooms/:id") { request, context in
            let id = try context.parameters.require("id")
            let rooms = try RoomRoutes(workspace: workspace).service()
            let role = try await workspace.roomAccess.role(of: request, room: id, store: rooms.store)
            let view = try await rooms.view(room: id, for: role, now: .now)
            return html(Self.room(id: id, role: role, view: view))
        }
    }

    private func html(_ document: String) -> Response {
        var response = Response.text(document, contentType: "text/html; charset=utf-8")
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The form that creates a room.
    func newRoom() async throws -> String {
        let (bundled, stored) = try await workspace.scenarioList()
        let options = (bundled + stored).map {
            "<option value=\"\(xmlEscaped($0.id))\">\(xmlEscaped($0.name))</option>"
        }
        let disclosure = [
            ("zoneCount", "The mediator learns how many packages every party accepts"),
            ("suggestion", "The mediator may ask the engine for a suggested package"),
            ("blockingPartiesNamed", "The mediator learns which parties block"),
            ("partyObjectorsNamed", "Parties learn which parties would reject a proposal"),
        ].map { key, label in
            "<div class=\"field\"><input type=\"checkbox\" id=\"disclose-\(key)\" data-disclosure=\"\(key)\">"
                + "<label for=\"disclose-\(key)\">\(label)</label></div>"
        }
        let body = """
            <h1>A confidential room</h1>
            <p>Every party enters its preferences in confidence; the engine tells the table only what the disclosure \
            policy below allows. Each choice is off by default: the most private one. What the server keeps and who \
            can read it (its operator can): docs/privacy.md in Accord's documentation.</p>
            <form id="room-new">
            <div class="field"><label for="room-scenario">Issues and parties from</label>
            <select id="room-scenario">\(options.joined())</select></div>
            <div class="field"><label for="room-skeleton">or a skeleton as JSON (issues and parties; \
            preferences are left out)</label><textarea id="room-skeleton" rows="6" spellcheck="false"></textarea></div>
            <fieldset><legend>Disclosure policy (whether a package acceptable to all exists is always told to the \
            mediator)</legend>\(disclosure.joined())</fieldset>
            <div class="field"><label for="room-fairness">Fairness rule for suggestions and agreements</label>
            <select id="room-fairness"><option value="nash">Nash</option>\
            <option value="kalai-smorodinsky">Kalai–Smorodinsky</option></select></div>
            <button type="submit">Create the room</button>
            </form>
            <p id="room-new-status" role="status" aria-live="polite"></p>
            <section id="room-new-result" aria-live="polite"></section>
            """
        return PageLayout.document(title: "A confidential room", section: .rooms, body: body, scripts: ["room-new"])
    }

    /// The room's frame for `role`; `view` is what that role may see (its name and policy are shown here).
    static func room(id: String, role: RoomRole, view: JSONValue) -> String {
        let name = view["name"]?.scalarText ?? id
        let who: String
        switch role {
        case .mediator: who = "the mediator"
        case .observer: who = "an observer"
        case .party(let party):
            let names = view["parties"]?.items ?? []
            let entry = names.first { $0["id"]?.scalarText == party }
            who = (entry?["name"]?.scalarText ?? party) + ", a party"
        }
        let policy = view["disclosure"]
        let flag = { (key: String) in policy?[key] == .bool(true) }
        let rules = [
            "The mediator learns whether a package acceptable to every party exists.",
            flag("zoneCount") ? "The mediator learns how many there are." : "The mediator does not learn how many.",
            flag("suggestion")
                ? "The mediator may ask the engine for a package (\(view["fairness"]?.scalarText ?? "nash"))."
                : "The engine suggests no package.",
            flag("blockingPartiesNamed")
                ? "The mediator learns which parties block." : "Nobody learns which parties block.",
            flag("partyObjectorsNamed")
                ? "Parties learn who would reject a proposal." : "Parties never learn who would reject a proposal.",
        ]
        let partyID = role.partyID.map { " data-party=\"\(xmlEscaped($0))\"" } ?? ""
        var sections = ""
        if role.partyID != nil {
            sections += """
                <section aria-labelledby="room-preferences-heading"><h2 id="room-preferences-heading">Your \
                preferences (only you can see them)</h2><div id="room-preferences"></div></section>
                """
        }
        if role == .mediator {
            sections += """
                <section aria-labelledby="room-mediator-heading"><h2 id="room-mediator-heading">Mediation</h2>
                <p><button type="button" id="room-lock">Lock the room</button> \
                <button type="button" id="room-suggest">Ask the engine for a package</button></p>
                <div id="room-engine" aria-live="polite"></div><div id="room-suggestion" aria-live="polite"></div>
                <form id="room-propose"><h3>Put a package on the table</h3><div id="room-propose-issues"></div>
                <div class="field"><label for="room-expiry">Expires after (seconds; empty: never)</label>
                <input type="number" id="room-expiry" min="1" step="1" inputmode="numeric"></div>
                <div class="field"><input type="checkbox" id="room-as-text"><label for="room-as-text">as a revision \
                of the single negotiating text (it supersedes the previous one; revise it from the objections)\
                </label></div>
                <button type="submit" id="room-propose-submit">Put it on the table</button></form>
                <form id="room-credentials"><h3>Credentials</h3>
                <div class="field"><label for="room-credential-role">Whose</label>\
                <select id="room-credential-role"></select></div>
                <button type="button" id="room-credential-replace">Replace (a new invitation; the old one stops \
                working)</button> <button type="button" id="room-credential-revoke">Revoke</button>
                <p id="room-credential-result" aria-live="polite"></p></form>
                <h3>Audit log</h3><ol id="room-audit"></ol></section>
                """
        }
        let body = """
            <div id="room" data-room="\(xmlEscaped(id))" data-role="\(xmlEscaped(role.kind))"\(partyID)>
            <h1>\(xmlEscaped(name)) <small>room</small></h1>
            <p>You are <strong id="room-role">\(xmlEscaped(who))</strong>. State: <strong id="room-state">\
            \(xmlEscaped(view["state"]?.scalarText ?? ""))</strong>.</p>
            <details><summary>Disclosure policy</summary><ul id="room-policy">\
            \(rules.map { "<li>\(xmlEscaped($0))</li>" }.joined())</ul></details>
            <h2>Parties</h2><ul id="room-parties"></ul>
            \(sections)
            <section aria-labelledby="room-proposals-heading"><h2 id="room-proposals-heading">On the table</h2>
            <ol id="room-proposals"></ol></section>
            <section aria-labelledby="room-agreement-heading"><h2 id="room-agreement-heading">Agreement</h2>
            <div id="room-agreement"></div></section>
            <p id="room-status" role="status" aria-live="polite"></p>
            </div>
            """
        return PageLayout.document(title: "\(name) · room", section: nil, body: body, scripts: ["room"])
    }
}
