import AccordKit
import Foundation
import Testing

@Suite struct RoomEngineTests {
    @Test func theEngineFindsTheOnePackageAcceptableToAll() throws {
        let engine = try RoomFixture.engine()
        let agreed = try RoomFixture.outcome("mid", "short", "some")
        #expect(engine.zoneExists)
        #expect(engine.zoneCount == 1)
        #expect(engine.suggestion?.outcome == agreed)
        #expect(engine.suggestion?.basis == "nash")
        #expect(engine.isAcceptableToAll(agreed))
        #expect(engine.blockingParties.isEmpty)
    }

    @Test func kalaiSmorodinskyAgreesWhenTheZoneHoldsOnePackage() throws {
        let engine = try RoomFixture.engine(.kalaiSmorodinsky)
        #expect(engine.suggestion?.outcome == (try RoomFixture.outcome("mid", "short", "some")))
        #expect(engine.suggestion?.basis == "kalai-smorodinsky")
    }

    @Test func objectorsAreThePartiesThatWouldReject() throws {
        let engine = try RoomFixture.engine()
        // (high, short, some): b gets 0 + 0 + 0.2 = 0.2 < 0.3; (mid, long, some) crosses c's red line.
        #expect(engine.objectors(of: try RoomFixture.outcome("high", "short", "some")) == ["b"])
        #expect(engine.objectors(of: try RoomFixture.outcome("mid", "long", "some")) == ["c"])
        let utility = try #require(engine.utility(of: try RoomFixture.outcome("mid", "short", "some"), party: "b"))
        #expect(abs(utility - 0.44) < 1e-12)
    }

    @Test func theEngineNeedsEveryPartysPreferences() throws {
        let skeleton = try RoomFixture.skeleton()
        var preferences = try RoomFixture.checkedPreferences(skeleton)
        preferences["b"] = nil
        let error = try #require(throws: RoomError.self) {
            try RoomEngine(skeleton: skeleton, preferences: preferences, fairness: .nash)
        }
        #expect(error.kind == .conflict)
    }

    @Test func secretAcceptancesAgreeOnTheOverlapBestByTheFairnessRule() throws {
        let engine = try RoomFixture.engine()
        let (mid, low, high) = (
            try RoomFixture.outcome("mid", "short", "some"), try RoomFixture.outcome("low", "short", "some"),
            try RoomFixture.outcome("high", "short", "some")
        )
        #expect(engine.secretAgreement(marks: ["a": [high, low], "b": [low, mid], "c": [mid]]) == nil)
        #expect(engine.secretAgreement(marks: ["a": [high, low], "b": [low]]) == nil)
        // Both overlap: Nash gains at mid (0.4, 0.14, 0.6) beat low's (0.1, 0.3, max(0.36 − 0.4, 0) = 0).
        #expect(engine.secretAgreement(marks: ["a": [high, low, mid], "b": [low, mid], "c": [mid, low]]) == mid)
        #expect(engine.secretAgreement(marks: ["a": [low], "b": [low], "c": [low]]) == low)
    }

    @Test func postSettlementFindsThePackageEveryPartyPrefers() throws {
        let engine = try RoomFixture.engine()
        // (mid, short, none) gives a 0.5, b 0.24, c 0.8; adding extras raises each by 0.2.
        let improvement = try #require(try engine.improvement(on: try RoomFixture.outcome("mid", "short", "none")))
        #expect(improvement.outcome == (try RoomFixture.outcome("mid", "short", "some")))
        #expect(improvement.count == 1)
        #expect(try engine.improvement(on: try RoomFixture.outcome("mid", "short", "some")) == nil)
    }
}

@Suite struct ConjointCheckTests {
    @Test func ratingsFromTheModelGiveBackItsWeights() throws {
        let skeleton = try RoomFixture.skeleton()
        let party = try #require(try RoomFixture.checkedPreferences(skeleton)["a"]?.party("a", in: skeleton))
        let space = skeleton.space
        let ratings = (0..<12).map { index -> (Outcome, Double) in
            let outcome = space.outcome(at: index)
            return (outcome, party.utility.utility(of: outcome, in: space))
        }
        let check = try ConjointCheck(party: party, space: space, ratings: ratings)
        for (fitted, entered) in zip(check.fittedWeights, [0.6, 0.2, 0.2]) { #expect(abs(fitted - entered) < 1e-4) }
        #expect(check.inversions.isEmpty)
        #expect(check.ratings.allSatisfy { !$0.disagrees })
    }

    @Test func aRatingFarFromTheModelIsFlagged() throws {
        let skeleton = try RoomFixture.skeleton()
        let party = try #require(try RoomFixture.checkedPreferences(skeleton)["a"]?.party("a", in: skeleton))
        // a's model: (high, short, some) = 1.0, (low, long, none) = 0; the party rates them the other way round.
        let ratings = [
            (try RoomFixture.outcome("high", "short", "some"), 0.1),
            (try RoomFixture.outcome("low", "long", "none"), 0.9),
            (try RoomFixture.outcome("mid", "short", "none"), 0.5),
        ]
        let check = try ConjointCheck(party: party, space: skeleton.space, ratings: ratings)
        #expect(check.ratings[0].disagrees && check.ratings[1].disagrees)
        // Rated 0.1, 0.9, 0.5 where the model says 1.0, 0, 0.5: every pair is ordered the other way.
        #expect(check.inversions == [[0, 1], [0, 2], [1, 2]])
        #expect(abs(check.fittedWeights.reduce(0, +) - 1) < 1e-9)
        #expect(check.fittedWeights.allSatisfy { $0 >= 0 })
    }

    @Test func projectionOntoTheSimplexKeepsAPointAlreadyOnIt() {
        #expect(ConjointCheck.projectOntoSimplex([0.2, 0.3, 0.5]).map { ($0 * 1e9).rounded() } == [2e8, 3e8, 5e8])
        #expect(ConjointCheck.projectOntoSimplex([2, 0]) == [1, 0])
    }
}
