import AccordKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordServer

/// The room's pages: the invitation's cookie leads into the room page of that role, which holds no preference of
/// anyone's; the page that creates a room.
@Suite struct RoomPageTests {
    @Test func theInvitationLeadsIntoTheRoomPageOfItsRole() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.createRoom()
            _ = try await client.room(
                .put, "/api/v1/rooms/\(room.id)/preferences", token: room.token("b"),
                body: RoomScenario.preferences["b"]!)
            let cookie = try await client.execute(
                uri: "/rooms/\(room.id)/join?token=\(room.token("a"))", method: .get
            ) { response in
                #expect(response.status == .ok)
                return String((response.headers[.setCookie] ?? "").split(separator: ";").first ?? "")
            }
            #expect(cookie.contains("="))
            for (who, credential) in [("a", "Cookie"), ("mediator", "Authorization")] {
                var headers = HTTPFields()
                headers[HTTPField.Name(credential)!] = who == "a" ? cookie : "Bearer \(room.token(who))"
                try await client.execute(uri: "/rooms/\(room.id)", method: .get, headers: headers) { response in
                    #expect(response.status == .ok)
                    let page = TestServer.text(response)
                    #expect(page.contains("data-role=\"\(who == "a" ? "party" : "mediator")\""))
                    #expect(page.contains(who == "a" ? "Alpha, a party" : "the mediator"))
                    #expect(page.contains("room-lock") == (who == "mediator"))
                    #expect(page.contains("room-preferences\"") == (who == "a"))
                    // B's preferences never reach another role's page.
                    #expect(!page.contains("0.6") && !page.contains("reservation\": 0.3"))
                }
            }
            try await client.execute(uri: "/rooms/\(room.id)", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/rooms/new", method: .get) { response in
                #expect(response.status == .ok && TestServer.text(response).contains("Disclosure policy"))
            }
        }
    }
}
