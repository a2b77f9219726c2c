import AccordKit
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird

/// `/api/v1/rooms`: confidential negotiation rooms (docs/server.md, "Rooms"; docs/privacy.md). Creating a room
/// asks for the server's access token when it has one; every other room route asks for a credential of that room
/// (``RoomAccess``) and answers with what that role may see.
struct RoomRoutes {
    let workspace: Workspace

    /// Which roles a route admits before it reads the body; the room's own rules then decide the rest.
    enum Admits {
        case anyone, mediator, party, mediatorOrParty

        func check(_ role: RoomRole) throws {
            let admitted =
                switch (self, role) {
                case (.anyone, _), (.mediator, .mediator), (.party, .party), (.mediatorOrParty, .mediator),
                    (.mediatorOrParty, .party):
                    true
                default: false
                }
            guard admitted else { throw Problem(.forbidden, "this room route is not open to the \(role.kind).") }
        }
    }

    func add(to router: Router<some RequestContext>) {
        router.post("api/v1/rooms") { request, _ in try await create(request) }
        let room = router.group("api/v1/rooms/:id")
        room.get { request, context in
            let (id, role) = try await authenticate(request, context, .anyone)
            return Response.json(try await service().view(room: id, for: role, now: Date()))
        }
        room.put("preferences") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .party)
            let body = try await json(&request)
            try await service().enterPreferences(room: id, body, by: role, now: Date())
            return Response(status: .noContent)
        }
        room.post("lock") { request, context in
            let (id, role) = try await authenticate(request, context, .mediator)
            try await service().lock(room: id, by: role, now: Date())
            return Response.json(.object([("id", .string(id)), ("state", .string(RoomState.locked.rawValue))]))
        }
        room.get("status") { request, context in
            let (id, role) = try await authenticate(request, context, .mediator)
            return Response.json(try await service().status(room: id, by: role))
        }
        room.post("suggestions") { request, context in
            let (id, role) = try await authenticate(request, context, .mediator)
            return Response.json(try await service().suggestion(room: id, by: role, now: Date()))
        }
        addTalks(to: room)
        addCredentials(to: room)
        router.get("rooms/:id/join") { request, context in try await join(request, context) }
    }

    func service() throws -> RoomService {
        guard let rooms = workspace.rooms else {
            throw Problem(.serviceUnavailable, "this server's store does not keep rooms.")
        }
        return rooms
    }

    /// The room id of the path and the role the request's credential gives in it, admitted by the route.
    func authenticate(_ request: Request, _ context: some RequestContext, _ admits: Admits) async throws
        -> (String, RoomRole)
    {
        let id = try context.parameters.require("id")
        let role = try await workspace.roomAccess.role(of: request, room: id, store: try service().store)
        try admits.check(role)
        return (id, role)
    }

    /// The body as a JSON value (400 when it is not JSON).
    func json(_ request: inout Request) async throws -> JSONValue {
        try RequestBodies.roomJSON(try await request.text(limit: workspace.configuration.bodyLimit))
    }

    /// The members of a JSON object body, refusing keys other than `known` (400).
    func object(_ request: inout Request, known: [String]) async throws -> JSONValue {
        try RequestBodies.roomObject(try await request.text(limit: workspace.configuration.bodyLimit), known: known)
    }

    private func create(_ request: Request) async throws -> Response {
        var request = request
        let body = try await object(&request, known: ["scenario", "scenarioId", "disclosure", "fairness"])
        let skeleton: RoomSkeleton
        switch (body["scenario"], body["scenarioId"]) {
        case (.some(let scenario), nil): skeleton = try RoomSkeleton(json: scenario)
        case (nil, .some(.string(let id))):
            skeleton = try RoomSkeleton(scenario: try await workspace.scenario(id: id).source.scenario())
        default:
            throw Problem.badRequest(
                "the request body needs 'scenario' (an Accord scenario as JSON) or 'scenarioId' (a stored or bundled scenario)."
            )
        }
        let (room, tokens) = try await service().create(
            skeleton: skeleton, disclosure: body["disclosure"], fairness: body["fairness"], now: Date())
        let invitations =
            [("mediator", tokens.mediator), ("observer", tokens.observer)] + tokens.parties.map { ($0.0, $0.1) }
        var members: [JSONValue.Member] = [
            ("id", .string(room.id)), ("name", .string(room.skeleton.name)), ("state", .string(room.state.rawValue)),
            ("disclosure", room.disclosure.json), ("fairness", .string(room.fairness.rawValue)),
            ("tokens", tokens.json),
            (
                "invitations",
                .object(invitations.map { ($0.0, .string("/rooms/\(room.id)/join?token=\($0.1)")) })
            ),
        ]
        if room.skeleton.leftOutPreferences {
            members.append(
                (
                    "notes",
                    .array([.string("The preferences in the scenario were left out: each party enters its own.")])
                ))
        }
        var response = Response.json(.object(members), status: .created)
        response.headers[.cacheControl] = "no-store"
        response.headers[.location] = "/api/v1/rooms/\(room.id)"
        return response
    }

    /// `GET /rooms/{id}/join?token=…`: the invitation link. A valid token of the room sets the room's cookie
    /// (HttpOnly, SameSite=Strict) and leads to the room's page; the token leaves the address bar.
    private func join(_ request: Request, _ context: some RequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let token = request.uri.queryParameters.get("token") ?? ""
        _ = try await workspace.roomAccess.role(token: token, room: id, store: try service().store)
        let target = "/rooms/\(id)"
        var response = Response.text(
            """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">
            <meta http-equiv="refresh" content="0;url=\(target)"><link rel="icon" href="data:,">
            <title>Accord room</title></head>
            <body><p><a href="\(target)">Enter the room</a></p></body></html>

            """, contentType: "text/html; charset=utf-8")
        response.headers[.setCookie] =
            "\(RoomToken.cookieName(room: id))=\(token); Path=/; HttpOnly; SameSite=Strict"
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
