import AccordKit
import Foundation
import Hummingbird

extension RoomRoutes {
    func addCredentials(to room: RouterGroup<some RequestContext>) {
        room.post("credentials") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediator)
            let target = try RequestBodies.role(try await object(&request, known: ["role", "party"]))
            let token = try await service().replaceCredential(room: id, of: target, by: role, now: Date())
            var response = Response.json(
                .object([("role", .string(target.description)), ("token", .string(token))]), status: .created)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        room.post("credentials/revocations") { request, context in
            var request = request
            let (id, role) = try await authenticate(request, context, .mediator)
            let target = try RequestBodies.role(try await object(&request, known: ["role", "party"]))
            try await service().revokeCredential(room: id, of: target, by: role, now: Date())
            return Response(status: .noContent)
        }
    }
}
