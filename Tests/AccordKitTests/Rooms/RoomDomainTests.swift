import AccordKit
import Foundation
import Testing

@Suite struct RoomSkeletonTests {
    @Test func aSkeletonWithoutPreferencesReadsItsIssuesAndParties() throws {
        let skeleton = try RoomFixture.skeleton()
        #expect(skeleton.partyIDs == ["a", "b", "c"])
        #expect(skeleton.partyNames == ["Alpha", "Beta", "Gamma"])
        #expect(skeleton.space.issues.map(\.id) == ["price", "term", "extras"])
        #expect(!skeleton.leftOutPreferences)
    }

    @Test func preferencesInTheSkeletonAreLeftOut() throws {
        // The bundled scenario, with every party's preferences: the room keeps none of them.
        let skeleton = try RoomSkeleton(scenario: try ScenarioLoader.bundled("berlin-2025"))
        #expect(skeleton.leftOutPreferences)
        #expect(skeleton.partyIDs == ["us", "ukraine", "europe", "russia"])
        let text = skeleton.document.serialized(indent: 0)
        #expect(!text.contains("weights") && !text.contains("reservation") && !text.contains("red_lines"))
    }

    @Test func aBrokenSkeletonListsItsProblemsWithKeyPaths() throws {
        let text = RoomFixture.skeletonText.replacingOccurrences(of: #"{"id": "short"}, {"id": "long"}"#, with: "")
        let error = try #require(throws: RoomError.self) { try RoomSkeleton(json: RoomFixture.json(text)) }
        #expect(error.kind == .invalid)
        #expect(error.problems.contains { $0.path.hasPrefix("issues[1]") })
    }
}

@Suite struct RoomPreferencesTests {
    @Test func validPreferencesAreKeptInTheScenarioFormat() throws {
        let skeleton = try RoomFixture.skeleton()
        let checked = try RoomFixture.checkedPreferences(skeleton)
        #expect(checked["c"]?.entry["red_lines"] != nil)
        #expect(checked["c"]?.entry["redLines"] == nil)
        let party = try #require(try checked["a"]?.party("a", in: skeleton))
        #expect(party.reservation == 0.3)
    }

    @Test func everyProblemIsListedWithItsPathInsideTheEntry() throws {
        let skeleton = try RoomFixture.skeleton()
        let body = RoomFixture.json(
            #"{"weights": {"price": -1, "colour": 1}, "values": {"price": {"low": 0}}, "mood": 3}"#)
        let error = try #require(throws: RoomError.self) {
            try RoomPreferences(json: body, party: "a", skeleton: skeleton)
        }
        let paths = error.problems.map(\.path)
        #expect(paths.contains("mood"))
        #expect(paths.contains("weights.price"))
        #expect(paths.contains("weights.colour"))
        #expect(!paths.contains { $0.hasPrefix("parties") })
    }

    @Test func aReservationPackageBecomesTheUtilityOfThatPackage() throws {
        let skeleton = try RoomFixture.skeleton()
        var text = RoomFixture.preferences["a"] ?? ""
        text = text.replacingOccurrences(of: #""reservation": 0.3,"#, with: "")
        text = text.replacingOccurrences(
            of: #"{"weights""#,
            with: #"{"reservationPackage": {"price": "mid", "term": "short", "extras": "none"}, "weights""#)
        let checked = try RoomPreferences(json: RoomFixture.json(text), party: "a", skeleton: skeleton)
        // a's utility of (mid, short, none): 0.6·0.5 + 0.2·1 + 0 = 0.5.
        let reservation = try #require(checked.entry["reservation"]?.scalarText.flatMap(Double.init))
        #expect(abs(reservation - 0.5) < 1e-12)
    }

    @Test func anUnknownPartyIsNotFound() throws {
        let error = try #require(throws: RoomError.self) {
            try RoomPreferences(json: .object([]), party: "zeta", skeleton: RoomFixture.skeleton())
        }
        #expect(error.kind == .notFound)
    }
}

@Suite struct DisclosurePolicyTests {
    @Test func theDefaultIsTheMostPrivate() throws {
        let policy = try DisclosurePolicy(json: nil)
        #expect(!policy.zoneCount && !policy.suggestion && !policy.blockingPartiesNamed && !policy.partyObjectorsNamed)
    }

    @Test func itReadsBackItsOwnJSONAndRefusesUnknownKeys() throws {
        let policy = DisclosurePolicy(zoneCount: true, suggestion: true)
        #expect(try DisclosurePolicy(json: policy.json) == policy)
        #expect(throws: RoomError.self) { try DisclosurePolicy(json: RoomFixture.json(#"{"everything": true}"#)) }
        #expect(throws: RoomError.self) { try DisclosurePolicy(json: RoomFixture.json(#"{"zoneExists": false}"#)) }
    }
}
