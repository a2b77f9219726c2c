import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Party b's preferences carry planted, unusual values; everything the mediator, party a and the observer can reach
/// — every response, every event, the audit log — and every log line the server wrote is searched for them, in any
/// rounding down to 4 digits, and for b's red line; none may appear.
@Suite struct RoomConfidentialityTests {
    static let planted = [0.1234567, 0.4321987, 0.7654321]
    static let redLineNote = "Beta-walks-away-if-term-is-long"

    /// b's entry: weight 0.1234567 on extras, reservation 0.4321987, option score 0.7654321, and a red line.
    static let plantedPreferences = """
        {"weights": {"price": 0.4, "term": 0.4765433, "extras": 0.1234567}, "reservation": 0.4321987,
         "values": {"price": {"low": 1, "mid": 0.7654321, "high": 0}, "term": {"short": 0.5, "long": 1},
                    "extras": {"none": 0, "some": 1}},
         "redLines": [{"issue": "price", "forbid": ["high"], "note": "\(redLineNote)"}]}
        """

    /// Every way a planted value could be written: 7 down to 4 decimals, with or without the leading zero.
    static func needles() -> [String] {
        var needles = [redLineNote, "red_lines", "forbid"]
        for value in planted {
            for digits in 4...7 {
                let text = String(format: "%.\(digits)f", value)
                needles += [text, String(text.dropFirst())]
            }
        }
        return needles
    }

    @Test func nothingAnotherRoleCanReachCarriesPartyBsValues() async throws {
        let server = try await RoomTestServer()
        let seen = SeenTexts()
        try await server.run { client in
            let disclosure =
                #"{"zoneCount": true, "suggestion": true, "blockingPartiesNamed": true, "partyObjectorsNamed": true}"#
            let room = try await client.createRoom(disclosure: disclosure)
            let base = "/api/v1/rooms/\(room.id)"
            let (mediator, a, observer, b) = (
                room.token("mediator"), room.token("a"), room.token("observer"), room.token("b")
            )
            // b first sends an invalid entry echoing its values (a 422 for b alone), then the real one.
            let invalid = Self.plantedPreferences.replacingOccurrences(
                of: #""reservation": 0.4321987"#, with: #""reservation": 1.4321987"#)
            #expect(
                try await client.room(.put, base + "/preferences", token: b, body: invalid).status
                    == .unprocessableContent)
            for (party, text) in RoomScenario.preferences {
                let body = party == "b" ? Self.plantedPreferences : text
                #expect(
                    try await client.room(.put, base + "/preferences", token: room.token(party), body: body).status
                        == .noContent)
            }
            #expect(try await client.room(.post, base + "/lock", token: mediator).status == .ok)
            try await Self.talk(client, base: base, room: room)
            for token in [mediator, a, observer] {
                for path in ["", "/proposals", "/improvements", "/events?follow=false", "/status", "/audit"] {
                    seen.add(try await client.room(.get, base + path, token: token).text)
                }
                seen.add(try await client.room(.post, base + "/suggestions", token: token).text)
            }
            // The search itself works: b's own view carries its reservation.
            let own = try await client.room(.get, base, token: b).text
            #expect(own.contains("0.4321987"))
        }
        let texts = seen.all + server.logs.all
        #expect(seen.all.count >= 21)
        #expect(server.logs.all.count > 0)
        for needle in Self.needles() {
            let hits = texts.filter { $0.contains(needle) }
            #expect(hits.isEmpty, "'\(needle)' appears in: \(hits.first.map { String($0.prefix(300)) } ?? "")")
        }
    }

    /// Proposals, responses, secret acceptances and an agreement, so that every output has something to show.
    static func talk(_ client: any TestClientProtocol, base: String, room: CreatedRoom) async throws {
        let suggestion = try await client.room(.post, base + "/suggestions", token: room.token("mediator"))
        #expect(suggestion.status == .ok, "\(suggestion.text)")
        let package = RoomScenario.package("mid", "short", "none")
        let created = try await client.room(
            .post, base + "/proposals", token: room.token("mediator"), body: #"{"package": \#(package)}"#)
        #expect(created.status == .created)
        _ = try await client.room(
            .post, base + "/proposals", token: room.token("b"),
            body: #"{"package": \#(RoomScenario.package("low", "long", "none"))}"#)
        _ = try await client.room(
            .post, base + "/proposals/p2/responses", token: room.token("a"),
            body: #"{"accept": false, "objections": ["price"]}"#)
        _ = try await client.room(
            .put, base + "/secret-acceptances", token: room.token("b"), body: #"{"packages": [\#(package)]}"#)
        for party in ["a", "b", "c"] {
            let answer = try await client.room(
                .post, base + "/proposals/p1/responses", token: room.token(party), body: #"{"accept": true}"#)
            #expect(answer.status == .ok, "\(answer.text)")
        }
    }
}

/// The texts a test saw.
final class SeenTexts: @unchecked Sendable {
    private let lock = NSLock()
    private var texts: [String] = []

    func add(_ text: String) { lock.withLock { texts.append(text) } }

    var all: [String] { lock.withLock { texts } }
}
