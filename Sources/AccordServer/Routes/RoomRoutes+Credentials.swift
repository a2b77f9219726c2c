import AccordKit
import Foundation
import Hummingbird

extension RoomRoutes {
    func addCredentials(to room: RouterGroup<some RequestContext>) {
        room.post("credentials") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediator)
            let target = try await Self.role(try await object(&request, known: ["role", "party"]))
            let token = try await service().replaceCredential(room: id, of: target, by: role, now: Date())
            var response = Response.json(
                .object([("role", .string(target.description)), ("token", .string(token))]), status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        room.post("credentials/revocations") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediator)
            let target = try await Self.role(try await object(&request, known: ["role", "party"]))
            try await service().revokeCredential(room: id, of: target, by: role, now: Date())
            return Response(status: .noContent)
        }
    }

    /// The role a body names: `{"role": "mediator" | "observer"}` or `{"role": "party", "party": id}`.
    static func role(_ body: JSONValue) async throws -> RoomRole {
        switch (body["role"]?.scalarText, body["party"]?.scalarText) {
        case ("mediator", nil): return .mediator
        case ("observer", nil): return .observer
        case ("party", .some(let party)): return .party(party)
        default:
            throw Problem.badRequest(
                "name the role: {\"role\": \"mediator\"}, {\"role\": \"observer\"} or {\"role\": \"party\", \"party\": id}."
            )
        }
    }
}
