import AccordKit
import Foundation
import HTTPTypes
import Hummingbird
import ServiceLifecycle

extension RoomRoutes {
    func addTalks(to room: RouterGroup<some RequestContext>) {
        room.post("proposals") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediatorOrParty)
            let body = try await object(&request, known: ["package", "expiresAt", "expiresInSeconds"])
            let proposal = try await service().propose(
                room: id, package: body["package"], expiresAt: try RequestBodies.expiry(body), kind: .proposal,
                by: role,
                now: Date())
            return Response.json(Self.created(proposal), status: .created)
        }
        room.get("proposals") { request, context in
            let (id, role) = try await authenticate(request, context, .anyone)
            return Response.json(try await service().proposals(room: id, for: role, now: Date()))
        }
        room.put("text") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediator)
            let body = try await object(&request, known: ["package", "expiresAt", "expiresInSeconds"])
            let proposal = try await service().propose(
                room: id, package: body["package"], expiresAt: try RequestBodies.expiry(body), kind: .text, by: role,
                now: Date())
            return Response.json(Self.created(proposal), status: .created)
        }
        room.post("proposals/:proposal/responses") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .party)
            let proposal = try context.parameters.require("proposal")
            let body = try await object(&request, known: ["accept", "objections"])
            guard case .bool(let accept) = body["accept"] else {
                throw Problem.badRequest("'accept' must be true or false.")
            }
            let objections = try (body["objections"]?.items ?? []).map { item in
                guard case .string(let issue) = item else {
                    throw Problem.badRequest("'objections' must be a list of issue ids.")
                }
                return issue
            }
            let rooms = try service()
            try await rooms.respond(
                room: id, proposal: proposal, accept: accept, objections: objections, by: role, now: Date())
            let view = try await rooms.view(room: id, for: role, now: Date())
            let status = view["proposals"]?.items?.first { $0["id"]?.scalarText == proposal }?["status"] ?? .null
            return Response.json(
                .object([("proposal", .string(proposal)), ("status", status), ("state", view["state"] ?? .null)]))
        }
        room.put("secret-acceptances") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .party)
            let body = try await object(&request, known: ["packages"])
            guard let packages = body["packages"]?.items else {
                throw Problem.badRequest("'packages' must be a list of packages {issue: option}.")
            }
            try await service().secretAcceptances(room: id, packages: packages, by: role, now: Date())
            return Response(status: .noContent)
        }
        room.get("improvements") { request, context in
            let (id, _) = try await authenticate(request, context, .anyone)
            return Response.json(try await service().improvements(room: id, now: Date()))
        }
        addRecords(to: room)
    }

    /// The routes that read what happened: the agreement, the audit log and the events, and the conjoint check.
    func addRecords(to room: RouterGroup<some RequestContext>) {
        room.get("agreement") { request, context in
            let (id, _) = try await authenticate(request, context, .anyone)
            let agreed = try await service().room(id)
            switch request.uri.queryParameters.get("format") ?? "json" {
            case "json": return Response.json(try agreed.agreementDocument())
            case "markdown":
                return Response.text(try agreed.agreementMarkdown(), contentType: "text/markdown; charset=utf-8")
            default: throw Problem.badRequest("format must be json or markdown.")
            }
        }
        room.get("audit") { request, context in
            let (id, role) = try await authenticate(request, context, .mediator)
            return Response.json(try await service().auditLog(room: id, by: role))
        }
        room.get("events") { request, context in
            let (id, role) = try await authenticate(request, context, .anyone)
            return try await events(id, role, follow: request.uri.queryParameters.get("follow") != "false")
        }
        room.post("previews") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .party)
            let body = try await object(&request, known: ["packages", "preferences"])
            guard let packages = body["packages"]?.items, packages.count <= 1000 else {
                throw Problem.badRequest("'packages' must be a list of at most 1,000 packages {issue: option}.")
            }
            return Response.json(
                try await service().preview(room: id, preferences: body["preferences"], packages: packages, by: role))
        }
        room.post("conjoint-checks") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .party)
            let body = try await object(&request, known: ["ratings", "preferences"])
            guard let ratings = body["ratings"]?.items else {
                throw Problem.badRequest("'ratings' must be a list of {\"package\": {issue: option}, \"rating\": 0…1}.")
            }
            return Response.json(
                try await service().conjoint(room: id, preferences: body["preferences"], ratings: ratings, by: role))
        }
    }

    static func created(_ proposal: RoomProposal) -> JSONValue {
        .object([
            ("id", .string(proposal.id)), ("kind", .string(proposal.kind.rawValue)),
            ("revision", proposal.revision.map(JSONValue.int) ?? .null),
            ("expiresAt", proposal.expiresAt.map { .string(Room.timestamp($0)) } ?? .null),
        ])
    }

    /// The room's events as server-sent events: those so far, then (unless `follow=false`) each new one.
    func events(_ id: String, _ role: RoomRole, follow: Bool) async throws -> Response {
        let rooms = try service()
        let live = follow ? rooms.hub.subscribe(room: id, role: role) : nil
        let past = try await rooms.events(room: id, for: role)
        let heartbeat = workspace.configuration.eventStreamHeartbeat
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                var last = 0
                for event in past {
                    last = Int(event["sequence"]?.scalarText ?? "0") ?? last
                    try await writer.write(ByteBuffer(string: Self.frame(event)))
                }
                if let live {
                    let seen = last
                    try await EventStream.send(live, heartbeat: heartbeat, to: &writer) { event in
                        (Int(event["sequence"]?.scalarText ?? "0") ?? 0) > seen ? Self.frame(event) : nil
                    }
                }
                try await writer.finish(nil)
            })
    }

    static func frame(_ event: JSONValue) -> String {
        "id: \(event["sequence"]?.scalarText ?? "")\nevent: \(event["action"]?.scalarText ?? "message")\ndata: "
            + event.serialized(indent: 0) + "\n\n"
    }
}
