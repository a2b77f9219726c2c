import AccordKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordServer

/// A party's live preview (its own utilities under a draft or its saved preferences, nothing stored) and the room's
/// pages: the invitation's cookie leads into the room page of that role, which holds no preference of anyone's.
@Suite struct RoomPreviewAndPageTests {
    @Test func aPartyPreviewsItsOwnUtilitiesOfDraftAndSavedPreferences() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.createRoom()
            let packages =
                #"[\#(RoomScenario.package("high", "short", "some")), \#(RoomScenario.package("low", "long", "none"))]"#
            // Nothing saved yet: a preview needs a draft.
            let early = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"), body: #"{"packages": \#(packages)}"#
            )
            #expect(early.status == .conflict)
            // A's draft: price 0.6 (high = 1), term 0.2 (short = 1), extras 0.2 (some = 1): 1.0; the other 0.
            let draft = RoomScenario.preferences["a"]!
            let answer = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"),
                body: #"{"preferences": \#(draft), "packages": \#(packages)}"#)
            #expect(answer.status == .ok, "\(answer.text)")
            let json = try JSONValue(parsing: answer.text)
            let utilities = json["utilities"]?.items?.compactMap { $0.scalarText.flatMap(Double.init) } ?? []
            #expect(utilities.count == 2)
            #expect(abs(utilities[0] - 1) < 1e-9 && abs(utilities[1]) < 1e-9)
            #expect(json["accepted"] == .array([.bool(true), .bool(false)]))
            // The draft was not stored: the room still says A has entered nothing.
            let view = try JSONValue(
                parsing: try await client.room(.get, "/api/v1/rooms/\(room.id)", token: room.token("mediator")).text)
            let a = view["parties"]?.items?.first { $0["id"]?.scalarText == "a" }
            #expect(a?["preferencesEntered"] == .bool(false))
            // Saved, the preview reads the saved preferences; too many packages are refused.
            _ = try await client.room(.put, "/api/v1/rooms/\(room.id)/preferences", token: room.token("a"), body: draft)
            let saved = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"), body: #"{"packages": \#(packages)}"#
            )
            #expect(saved.status == .ok && saved.text.contains("utilities"))
            let many =
                "["
                + Array(repeating: RoomScenario.package("low", "long", "none"), count: 101).joined(
                    separator: ",") + "]"
            let refused = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"), body: #"{"packages": \#(many)}"#)
            #expect(refused.status.code == 422 && refused.text.contains("at most 100"), "\(refused.text)")
        }
    }

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

    @Test func theAgreementIsADocumentEveryRoleMayKeep() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            #expect(try await client.room(.get, base + "/agreement", token: room.token("a")).status == .conflict)
            let body = #"{"package": \#(RoomScenario.package("mid", "short", "none"))}"#
            _ = try await client.room(.post, base + "/proposals", token: room.token("mediator"), body: body)
            for party in ["a", "b", "c"] {
                _ = try await client.room(
                    .post, base + "/proposals/p1/responses", token: room.token(party), body: #"{"accept": true}"#)
            }
            let markdown = try await client.room(
                .get, base + "/agreement?format=markdown", token: room.token("observer"))
            #expect(markdown.status == .ok)
            #expect(markdown.text.hasPrefix("# Agreement: Supply talks"))
            #expect(markdown.text.contains("| price | mid |") && markdown.text.contains("| extras | none |"))
            #expect(markdown.text.contains("Alpha, Beta, Gamma") && markdown.text.contains("accepted proposal p1"))
            let json = try JSONValue(
                parsing: try await client.room(.get, base + "/agreement", token: room.token("b")).text)
            #expect(
                json["agreement"]?["package"] == (try JSONValue(parsing: RoomScenario.package("mid", "short", "none"))))
            #expect(json["agreement"]?["basis"] == .string("proposal"))
            // Nothing private: no utility, no reservation value of anyone's.
            for text in [markdown.text, json.serialized()] {
                #expect(!text.contains("utilit") && !text.contains("reservation") && !text.contains("0.3"))
            }
            let unknown = try await client.room(.get, base + "/agreement?format=pdf", token: room.token("a"))
            #expect(unknown.status == .badRequest && unknown.text.contains("formats: json, markdown"))
        }
    }
}
