import AccordKit
import AccordServer
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RoomTalksTests {
    @Test func anExpiredProposalCannotBeAcceptedAndEveryoneIsToldItLapsed() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            let created = try await client.room(
                .post, base + "/proposals", token: room.token("mediator"),
                body: #"{"package": \#(RoomScenario.package("mid", "short", "some")), "expiresInSeconds": 0.5}"#)
            #expect(created.status == .created)
            #expect(try JSONValue(parsing: created.text)["expiresAt"]?.scalarText != nil)
            try await Task.sleep(for: .milliseconds(800))
            let late = try await client.room(
                .post, base + "/proposals/p1/responses", token: room.token("a"), body: #"{"accept": true}"#)
            #expect(late.status == .conflict)
            #expect(late.text.contains("lapsed"))
            let listed = try JSONValue(
                parsing: try await client.room(.get, base + "/proposals", token: room.token("b")).text)
            #expect(listed["proposals"]?.items?.first?["status"] == .string("lapsed"))
            let events = try await client.room(.get, base + "/events?follow=false", token: room.token("observer")).text
            #expect(events.contains("event: proposal.lapsed"))
            let past = try await client.room(
                .post, base + "/proposals", token: room.token("mediator"),
                body:
                    #"{"package": \#(RoomScenario.package("mid", "short", "some")), "expiresAt": "2020-01-01T00:00:00Z"}"#
            )
            #expect(past.status == .unprocessableContent)
        }
    }

    @Test func secretAcceptancesDeclareTheAgreementOnlyWhenEveryPartysMarksOverlap() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            let (mid, low) = (
                RoomScenario.package("mid", "short", "some"), RoomScenario.package("low", "short", "some")
            )
            let marks = ["a": [mid, low], "b": [low, mid], "c": [mid]]
            for party in ["a", "b"] {
                let body = #"{"packages": [\#(marks[party]!.joined(separator: ", "))]}"#
                #expect(
                    try await client.room(.put, base + "/secret-acceptances", token: room.token(party), body: body)
                        .status == .noContent)
                let view = try JSONValue(parsing: try await client.room(.get, base, token: room.token("mediator")).text)
                #expect(view["state"] == .string("locked"))
                #expect(view["agreement"] == .null)
            }
            let last = #"{"packages": [\#(mid)]}"#
            #expect(
                try await client.room(.put, base + "/secret-acceptances", token: room.token("c"), body: last).status
                    == .noContent)
            let view = try JSONValue(parsing: try await client.room(.get, base, token: room.token("observer")).text)
            #expect(view["state"] == .string("agreed"))
            #expect(view["agreement"]?["basis"] == .string("secret-acceptance"))
            #expect(view["agreement"]?["package"] == (try JSONValue(parsing: mid)))
            let audit = try await client.room(.get, base + "/audit", token: room.token("mediator")).text
            #expect(!audit.contains("party:a\", \"action\": \"secret"))
            #expect(audit.contains("secret-acceptances.updated"))
        }
    }

    @Test func afterAnAgreementTheEngineProposesThePackageEveryPartyPrefers() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            #expect(try await client.room(.get, base + "/improvements", token: room.token("a")).status == .conflict)
            #expect(try await client.room(.get, base + "/agreement", token: room.token("a")).status == .conflict)
            let body = #"{"package": \#(RoomScenario.package("mid", "short", "none"))}"#
            #expect(
                try await client.room(.post, base + "/proposals", token: room.token("mediator"), body: body).status
                    == .created)
            for party in ["a", "b", "c"] {
                _ = try await client.room(
                    .post, base + "/proposals/p1/responses", token: room.token(party), body: #"{"accept": true}"#)
            }
            let step = try JSONValue(
                parsing: try await client.room(.get, base + "/improvements", token: room.token("observer")).text)
            #expect(step["state"] == .string("agreed"))
            #expect(step["improvementExists"] == .bool(true))
            #expect(step["proposal"] == .string("p2"))
            let proposals = try JSONValue(
                parsing: try await client.room(.get, base + "/proposals", token: room.token("a")).text)
            let improvement = try #require(proposals["proposals"]?.items?.last)
            #expect(improvement["kind"] == .string("improvement"))
            #expect(improvement["package"] == (try JSONValue(parsing: RoomScenario.package("mid", "short", "some"))))
            for party in ["a", "b", "c"] {
                _ = try await client.room(
                    .post, base + "/proposals/p2/responses", token: room.token(party), body: #"{"accept": true}"#)
            }
            let view = try JSONValue(parsing: try await client.room(.get, base, token: room.token("mediator")).text)
            #expect(view["state"] == .string("improved"))
            let document = try JSONValue(
                parsing: try await client.room(.get, base + "/agreement", token: room.token("observer")).text)
            #expect(document["basis"] == .string("improvement"))
            #expect(document["terms"]?.items?.compactMap { $0["option"]?.scalarText } == ["mid", "short", "some"])
            let markdown = try await client.room(.get, base + "/agreement?format=markdown", token: room.token("b")).text
            #expect(markdown.hasPrefix("# Agreement: Supply talks"))
            #expect(
                view["agreement"]?["previous"] == (try JSONValue(parsing: RoomScenario.package("mid", "short", "none")))
            )
        }
    }

    @Test func theMediatorSeesWhatThePolicyAllowsAndNoMore() async throws {
        try await RoomTestServer().run { client in
            let closed = try await client.lockedRoom()
            let status = try JSONValue(
                parsing: try await client.room(
                    .get, "/api/v1/rooms/\(closed.id)/status", token: closed.token("mediator")
                ).text)
            #expect(status["zoneExists"] == .bool(true))
            #expect(status["zoneCount"] == nil && status["blockingParties"] == nil)
            #expect(
                try await client.room(.post, "/api/v1/rooms/\(closed.id)/suggestions", token: closed.token("mediator"))
                    .status == .forbidden)
            let open = try await client.lockedRoom(disclosure: #"{"zoneCount": true, "suggestion": true}"#)
            let counted = try JSONValue(
                parsing: try await client.room(.get, "/api/v1/rooms/\(open.id)/status", token: open.token("mediator"))
                    .text)
            #expect(counted["zoneCount"] == .int(1))
            let suggestion = try JSONValue(
                parsing: try await client.room(
                    .post, "/api/v1/rooms/\(open.id)/suggestions", token: open.token("mediator")
                ).text)
            #expect(suggestion["package"] == (try JSONValue(parsing: RoomScenario.package("mid", "short", "some"))))
            #expect(suggestion["basis"] == .string("nash"))
        }
    }

    @Test func invalidPreferencesAreListedWithTheirKeyPaths() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.createRoom()
            let answer = try await client.room(
                .put, "/api/v1/rooms/\(room.id)/preferences", token: room.token("a"),
                body: #"{"weights": {"price": -1, "colour": 2}, "values": {}}"#)
            #expect(answer.status == .unprocessableContent)
            let problems = try JSONValue(parsing: answer.text)["problems"]?.items ?? []
            let paths = problems.compactMap { $0["path"]?.scalarText }
            #expect(paths.contains("weights.price") && paths.contains("weights.colour"), "\(paths)")
            #expect(
                try await client.room(.post, "/api/v1/rooms/\(room.id)/lock", token: room.token("mediator")).status
                    == .conflict)
            // A draft previews the party's own utilities: a's (mid, short, some) = 0.6·0.5 + 0.2 + 0.2 = 0.7.
            let draft = RoomScenario.preferences["a"] ?? ""
            let preview = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"),
                body: #"{"preferences": \#(draft), "packages": [\#(RoomScenario.package("mid", "short", "some"))]}"#)
            #expect(preview.status == .ok, "\(preview.text)")
            let utility = try JSONValue(parsing: preview.text)["packages"]?.items?.first?["utility"]?.scalarText
            #expect(abs((utility.flatMap(Double.init) ?? 0) - 0.7) < 1e-12)
            let nothingEntered = try await client.room(
                .post, "/api/v1/rooms/\(room.id)/previews", token: room.token("a"), body: #"{"packages": []}"#)
            #expect(nothingEntered.status == .conflict)
        }
    }

    @Test func partiesAnsweringAtOnceAreRecordedOneAfterAnother() async throws {
        try await RoomTestServer().run { client in
            let room = try await client.lockedRoom()
            let base = "/api/v1/rooms/\(room.id)"
            let body = #"{"package": \#(RoomScenario.package("mid", "short", "some"))}"#
            #expect(
                try await client.room(.post, base + "/proposals", token: room.token("mediator"), body: body).status
                    == .created)
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for party in ["a", "b", "c"] {
                    group.addTask {
                        try await client.room(
                            .post, base + "/proposals/p1/responses", token: room.token(party),
                            body: #"{"accept": true}"#
                        ).status.code
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == [200, 200, 200])
            let view = try JSONValue(parsing: try await client.room(.get, base, token: room.token("mediator")).text)
            #expect(view["state"] == .string("agreed"))
            let audit = try JSONValue(
                parsing: try await client.room(.get, base + "/audit", token: room.token("mediator")).text)
            let sequences = (audit["entries"]?.items ?? []).compactMap {
                $0["sequence"]?.scalarText.flatMap { Int($0) }
            }
            #expect(sequences == Array(1...sequences.count))
        }
    }
}
