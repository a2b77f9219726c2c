import AccordKit
import Foundation
import Testing

@Suite struct RoomStateTests {
    static func lockedRoom() throws -> Room {
        var room = Room(
            id: "r1", skeleton: try RoomFixture.skeleton(), disclosure: DisclosurePolicy(), fairness: .nash,
            createdAt: RoomFixture.start)
        for party in ["a", "b", "c"] { try room.enterPreferences(by: .party(party)) }
        try room.lock(by: .mediator)
        return room
    }

    @Test func theRoomLocksOnlyOnceEveryPartyHasEnteredPreferences() throws {
        var room = Room(
            id: "r1", skeleton: try RoomFixture.skeleton(), disclosure: DisclosurePolicy(), fairness: .nash,
            createdAt: RoomFixture.start)
        try room.enterPreferences(by: .party("a"))
        #expect(throws: RoomError(.forbidden, "only the mediator locks the room")) { try room.lock(by: .party("a")) }
        let early = try #require(throws: RoomError.self) { try room.lock(by: .mediator) }
        #expect(early.kind == .conflict)
        #expect(throws: RoomError.self) { try room.enterPreferences(by: .observer) }
        try room.enterPreferences(by: .party("b"))
        try room.enterPreferences(by: .party("c"))
        try room.lock(by: .mediator)
        #expect(room.state == .locked)
        let late = try #require(throws: RoomError.self) { try room.enterPreferences(by: .party("a")) }
        #expect(late.kind == .conflict)
    }

    @Test func anExpiredProposalCannotBeAccepted() throws {
        var room = try Self.lockedRoom()
        let now = RoomFixture.start
        let proposal = try room.propose(
            try RoomFixture.outcome("mid", "short", "some"), expiresAt: now.addingTimeInterval(60), by: .mediator,
            now: now)
        #expect(try room.respond(to: proposal.id, accept: true, objections: [], by: .party("a"), now: now) == .recorded)
        let later = now.addingTimeInterval(61)
        #expect(proposal.status(at: later, parties: room.partyIDs) == .lapsed)
        let error = try #require(throws: RoomError.self) {
            try room.respond(to: proposal.id, accept: true, objections: [], by: .party("b"), now: later)
        }
        #expect(error.kind == .conflict)
        #expect(error.description.contains("lapsed"))
    }

    @Test func everyPartyAcceptingMakesTheAgreement() throws {
        var room = try Self.lockedRoom()
        let now = RoomFixture.start
        let first = try room.propose(
            try RoomFixture.outcome("low", "short", "some"), expiresAt: nil, by: .party("b"), now: now)
        let second = try room.propose(
            try RoomFixture.outcome("mid", "short", "some"), expiresAt: nil, by: .mediator, now: now)
        #expect(
            try room.respond(to: first.id, accept: false, objections: ["price"], by: .party("c"), now: now) == .recorded
        )
        #expect(throws: RoomError.self) {
            try room.respond(to: first.id, accept: false, objections: ["colour"], by: .party("a"), now: now)
        }
        for party in ["a", "b"] {
            #expect(
                try room.respond(to: second.id, accept: true, objections: [], by: .party(party), now: now) == .recorded)
        }
        #expect(try room.respond(to: second.id, accept: true, objections: [], by: .party("c"), now: now) == .agreed)
        #expect(room.state == .agreed)
        #expect(room.agreement?.proposalID == second.id)
        #expect(try room.proposal(first.id).status(at: now, parties: room.partyIDs) == .superseded)
        #expect(throws: RoomError.self) {
            try room.propose(try RoomFixture.outcome("mid", "short", "some"), expiresAt: nil, by: .mediator, now: now)
        }
    }

    @Test func anImprovementAcceptedByAllReplacesTheAgreement() throws {
        var room = try Self.lockedRoom()
        let now = RoomFixture.start
        try room.declareSecretAgreement(try RoomFixture.outcome("mid", "short", "none"), now: now)
        let improvement = try room.proposeImprovement(try RoomFixture.outcome("mid", "short", "some"), now: now)
        for party in ["a", "b"] {
            _ = try room.respond(to: improvement.id, accept: true, objections: [], by: .party(party), now: now)
        }
        #expect(
            try room.respond(to: improvement.id, accept: true, objections: [], by: .party("c"), now: now) == .agreed)
        #expect(room.state == .improved)
        #expect(room.agreement?.basis == .improvement)
        #expect(room.agreement?.previous == (try RoomFixture.outcome("mid", "short", "none")))
    }

    @Test func onlyTheMediatorRevisesTheTextAndANewRevisionSupersedesTheLast() throws {
        var room = try Self.lockedRoom()
        let now = RoomFixture.start
        let package = try RoomFixture.outcome("mid", "short", "some")
        #expect(throws: RoomError.self) {
            try room.propose(package, kind: .text, expiresAt: nil, by: .party("a"), now: now)
        }
        #expect(throws: RoomError.self) { try room.propose(package, expiresAt: nil, by: .observer, now: now) }
        let first = try room.propose(package, kind: .text, expiresAt: nil, by: .mediator, now: now)
        let second = try room.propose(package, kind: .text, expiresAt: nil, by: .mediator, now: now)
        #expect((first.revision, second.revision) == (1, 2))
        #expect(try room.proposal(first.id).isClosed)
    }

    @Test func theStoredDocumentReadsBackWithItsExpiryToTheMillisecond() throws {
        var room = try Self.lockedRoom()
        let expiry = Date(timeIntervalSince1970: 1_800_000_123.456)
        let proposal = try room.propose(
            try RoomFixture.outcome("mid", "short", "some"), expiresAt: expiry, by: .mediator, now: RoomFixture.start)
        _ = try room.respond(
            to: proposal.id, accept: false, objections: ["term"], by: .party("a"), now: RoomFixture.start)
        let read = try Room(document: room.document, revision: 4)
        #expect(read.document == room.document)
        #expect(read.revision == 4)
        #expect(read.proposals.first?.expiresAt == expiry)
        #expect(read.proposals.first?.responses.first?.objections == ["term"])
        #expect(read.state == .locked)
    }

    @Test func aPartySeesItsOwnUtilityAndAcceptabilityButNotWhoObjects() throws {
        var room = try Self.lockedRoom()
        let engine = try RoomFixture.engine()
        let now = RoomFixture.start
        _ = try room.propose(try RoomFixture.outcome("high", "short", "some"), expiresAt: nil, by: .mediator, now: now)
        let partyView = room.view(for: .party("a"), engine: engine, now: now)
        let seen = try #require(partyView["proposals"]?.items?.first)
        let own = try #require(seen["ownUtility"]?.scalarText.flatMap(Double.init))
        #expect(abs(own - 1) < 1e-12)
        #expect(seen["acceptableToAll"] == .bool(false))
        #expect(seen["objectors"] == nil)
        let observed = try #require(room.view(for: .observer, engine: engine, now: now)["proposals"]?.items?.first)
        #expect(observed["ownUtility"] == nil && observed["acceptableToAll"] == nil)
        let mediated = try #require(room.view(for: .mediator, engine: engine, now: now)["proposals"]?.items?.first)
        #expect(mediated["acceptableToAll"] == .bool(false) && mediated["objectors"] == nil)
        room.disclosure.blockingPartiesNamed = true
        let named = try #require(room.view(for: .mediator, engine: engine, now: now)["proposals"]?.items?.first)
        #expect(named["objectors"] == .array([.string("b")]))
    }

    @Test func eventsHideWhoRespondedFromOtherParties() {
        let entry = RoomAuditEntry(sequence: 3, at: RoomFixture.start, actor: "party:b", action: "response.recorded")
        #expect(entry.event(for: .mediator)?["actor"] == .string("party:b"))
        #expect(entry.event(for: .party("b"))?["actor"] == .string("party:b"))
        #expect(entry.event(for: .party("a"))?["actor"] == .string("party"))
        let marks = RoomAuditEntry(
            sequence: 4, at: RoomFixture.start, actor: "party", action: "secret-acceptances.updated")
        #expect(marks.event(for: .observer) == nil)
        #expect(marks.event(for: .party("a")) == nil)
    }
}
