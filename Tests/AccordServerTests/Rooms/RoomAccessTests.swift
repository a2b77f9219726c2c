import AccordKit
import AccordServer
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RoomAccessTests {
    @Test func aReplacedOrRevokedCredentialStopsWorking() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.createRoom()
            let base = "/api/v1/rooms/\(room.id)"
            let replaced = try await client.room(
                .post, base + "/credentials", token: room.token("mediator"), body: #"{"role": "party", "party": "a"}"#)
            #expect(replaced.status == .created)
            let fresh = try #require(try JSONValue(parsing: replaced.text)["token"]?.scalarText)
            #expect(try await client.room(.get, base, token: room.token("a")).status == .unauthorized)
            #expect(try await client.room(.get, base, token: fresh).status == .ok)
            #expect(
                try await client.room(
                    .post, base + "/credentials/revocations", token: room.token("mediator"),
                    body: #"{"role": "observer"}"#
                ).status == .noContent)
            #expect(try await client.room(.get, base, token: room.token("observer")).status == .unauthorized)
            #expect(
                try await client.room(
                    .post, base + "/credentials", token: room.token("mediator"),
                    body: #"{"role": "party", "party": "zeta"}"#
                ).status == .notFound)
        }
    }

    @Test func anInvitationLinkSetsAStrictHttpOnlyCookieThatOpensTheRoom() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.createRoom()
            let cookie = try await client.execute(uri: "/rooms/\(room.id)/join?token=\(room.token("b"))", method: .get)
            { response in
                #expect(response.status == .ok)
                let header = response.headers[.setCookie] ?? ""
                #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict"))
                return String(header.split(separator: ";").first ?? "")
            }
            var headers = HTTPFields()
            headers[.cookie] = cookie
            try await client.execute(uri: "/api/v1/rooms/\(room.id)", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                let role = try TestServer.json(response)["role"]
                #expect(role?["party"] == .string("b"))
            }
            try await client.execute(uri: "/rooms/\(room.id)/join?token=room_forged", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
        }
    }

    @Test func repeatedFailedCredentialsAreSlowedThenRefused() async throws {
        var server = try await RoomTestServer()
        server.limits = RoomCredentialLimits(slowAfter: 2, refuseAfter: 4, window: 600, delay: 0.01)
        try await server.run { client in
            let room = try await client.createRoom()
            var statuses: [Int] = []
            for attempt in 0..<6 {
                statuses.append(
                    try await client.room(.get, "/api/v1/rooms/\(room.id)", token: "room_guess\(attempt)").status.code)
            }
            #expect(statuses == [401, 401, 401, 401, 429, 429])
            #expect(
                try await client.room(.get, "/api/v1/rooms/\(room.id)", token: room.token("mediator")).status == .ok)
        }
    }

    @Test func roomRoutesTakeRoomCredentialsWhenTheServerHasAnAccessToken() async throws {
        let serverToken = "server-token-0123456789abcdef"
        try await RoomTestServer(token: serverToken).run { client in
            #expect(
                try await client.room(
                    .post, "/api/v1/rooms", token: nil, body: #"{"scenario": \#(RoomScenario.skeleton)}"#
                ).status == .unauthorized)
            let room = try await client.createRoom(serverToken: serverToken)
            #expect(
                try await client.room(.get, "/api/v1/rooms/\(room.id)", token: room.token("observer")).status == .ok)
            #expect(try await client.room(.get, "/api/v1/rooms/\(room.id)", token: serverToken).status == .unauthorized)
            #expect(
                try await client.room(.get, "/api/v1/scenarios", token: room.token("mediator")).status == .unauthorized)
        }
    }

    @Test func aRoomSurvivesARestartWithItsExpiryAndAuditLog() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-rooms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = folder.appendingPathComponent("accord.sqlite").path
        let keyFile = folder.appendingPathComponent("accord.sqlite.room-key").path
        let environment = ProcessInfo.processInfo.environment
        let usesPostgres = environment["ACCORD_SERVER_TEST_STORE"] == "postgres"
        let location: StoreLocation
        if usesPostgres, let url = environment["ACCORD_TEST_POSTGRES_URL"] {
            let schema =
                "accord_rooms_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
            location = .postgres(url: url + (url.contains("?") ? "&" : "?") + "schema=" + schema)
        } else {
            location = .sqlite(path: database)
        }
        let before = Captured()
        let first = try await location.open()
        try await RoomTestServer(store: first, keyFile: keyFile).run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            _ = try await client.room(
                .post, base + "/proposals", token: room.token("mediator"),
                body: #"{"package": \#(RoomScenario.package("mid", "short", "some")), "expiresInSeconds": 3600}"#)
            _ = try await client.room(
                .post, base + "/proposals/p1/responses", token: room.token("a"), body: #"{"accept": true}"#)
            before.room = room
            before.proposals = try await client.room(.get, base + "/proposals", token: room.token("mediator")).text
            before.audit = try await client.room(.get, base + "/audit", token: room.token("mediator")).text
        }
        try await first.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        if !usesPostgres {
            // The database and its write-ahead log hold the skeleton, never a preference in the clear.
            for file in [database, database + "-wal"] where FileManager.default.fileExists(atPath: file) {
                let bytes = String(decoding: try Data(contentsOf: URL(fileURLWithPath: file)), as: UTF8.self)
                #expect(!bytes.contains("\"weights\"") && !bytes.contains("reservation"))
            }
        }
        let second = try await location.open()
        try await RoomTestServer(store: second, keyFile: keyFile).run { client in
            let room = try #require(before.room)
            let base = "/api/v1/rooms/\(room.id)"
            let proposals = try await client.room(.get, base + "/proposals", token: room.token("mediator")).text
            let strip = { (text: String) in text.split(separator: "\n").filter { !$0.contains("serverTime") }.joined() }
            #expect(strip(proposals) == strip(before.proposals))
            #expect(try await client.room(.get, base + "/audit", token: room.token("mediator")).text == before.audit)
            #expect(try await client.room(.get, base + "/status", token: room.token("mediator")).status == .ok)
            for party in ["b", "c"] {
                _ = try await client.room(
                    .post, base + "/proposals/p1/responses", token: room.token(party), body: #"{"accept": true}"#)
            }
            let view = try JSONValue(parsing: try await client.room(.get, base, token: room.token("observer")).text)
            #expect(view["state"] == .string("agreed"))
        }
        try await second.close()
    }
}

/// What the first server run saw, for the second.
final class Captured: @unchecked Sendable {
    var room: CreatedRoom?
    var proposals = ""
    var audit = ""
}
