import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordServer

/// Every room route of the OpenAPI document × every kind of caller: the roles its `x-room-roles` admits get past
/// the credential check (neither 401 nor 403, nor a failure), any other role of the room a 403, a credential of
/// another room a 403, a forged credential and none a 401.
@Suite struct RoomRouteMatrixTests {
    struct RoomOperation: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var roles: Set<String>

        var description: String { "\(method) \(path)" }
    }

    /// The room operations of the document: those with `x-room-roles`.
    static func operations() throws -> [RoomOperation] {
        let document = try JSONValue(parsing: OpenAPIRoutes.json)
        var found: [RoomOperation] = []
        for (path, item) in document["paths"]?.members ?? [] {
            for (method, operation) in item.members ?? [] {
                guard let roles = operation["x-room-roles"]?.items else { continue }
                found.append(
                    RoomOperation(method: method.uppercased(), path: path, roles: Set(roles.compactMap(\.scalarText))))
            }
        }
        return found
    }

    /// A body each route reads without a 400 when the role is admitted (its outcome may still be a 409 or 422).
    static func body(for operation: RoomOperation) -> String? {
        let package = RoomScenario.package("mid", "short", "some")
        switch (operation.method, operation.path.split(separator: "/").last ?? "") {
        case ("PUT", "preferences"): return RoomScenario.preferences["a"]
        case ("POST", "proposals"), ("PUT", "text"): return #"{"package": \#(package)}"#
        case ("POST", "responses"): return #"{"accept": false, "objections": ["price"]}"#
        case ("PUT", "secret-acceptances"), ("POST", "previews"): return #"{"packages": [\#(package)]}"#
        case ("POST", "conjoint-checks"):
            return #"{"ratings": [{"package": \#(package), "rating": 0.5}, {"package": \#(package), "rating": 0.6}]}"#
        case ("POST", "credentials"), ("POST", "revocations"): return #"{"role": "party", "party": "c"}"#
        default: return nil
        }
    }

    @Test func theDocumentDescribesEveryRoomRouteWithItsRoles() throws {
        let operations = try Self.operations()
        #expect(operations.count >= 15)
        #expect(
            operations.allSatisfy { !$0.roles.isEmpty && $0.roles.isSubset(of: ["mediator", "party", "observer"]) })
    }

    @Test func everyRoomRouteAnswersEveryCallerAsItsRoleDeserves() async throws {
        let operations = try Self.operations()
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom(disclosure: #"{"suggestion": true}"#)
            let other = try await client.createRoom()
            _ = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/proposals", token: room.token("mediator"),
                body: #"{"package": \#(RoomScenario.package("low", "short", "some"))}"#)
            let callers: [(name: String, role: String?, token: String?)] = [
                ("mediator", "mediator", room.token("mediator")), ("party a", "party", room.token("a")),
                ("party b", "party", room.token("b")), ("observer", "observer", room.token("observer")),
                ("another room's mediator", nil, other.token("mediator")),
                ("a forged token", nil, "room_" + String(repeating: "A", count: 43)), ("no credential", nil, nil),
            ]
            for operation in operations {
                let uri =
                    operation.path.replacingOccurrences(of: "{id}", with: room.id)
                    .replacingOccurrences(of: "{proposal}", with: "p1")
                    + (operation.path.hasSuffix("events") ? "?follow=false" : "")
                for caller in callers {
                    let status = try await client.room(
                        HTTPRequest.Method(operation.method)!, uri, token: caller.token, body: Self.body(for: operation)
                    ).status
                    let expected: String
                    switch (caller.role, caller.token) {
                    case (.some(let role), _) where operation.roles.contains(role): expected = "admitted"
                    case (.some, _): expected = "403"
                    case (nil, nil): expected = "401"
                    case (nil, .some(let token)) where token == other.token("mediator"): expected = "403"
                    default: expected = "401"
                    }
                    switch expected {
                    case "admitted":
                        #expect(
                            ![401, 403].contains(status.code) && status.code < 500,
                            "\(operation) as \(caller.name): \(status.code)")
                    default:
                        #expect(String(status.code) == expected, "\(operation) as \(caller.name): \(status.code)")
                    }
                }
            }
        }
    }
}
