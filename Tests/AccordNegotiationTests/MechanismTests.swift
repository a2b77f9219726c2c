import AccordCore
import AccordNegotiation
import Testing

@Suite struct TimelineTests {
    @Test func geniusDiscreteTime() throws {
        let deadline = try Deadline(rounds: 4)
        #expect((1...4).map { deadline.time(ofRound: $0) } == [0.2, 0.4, 0.6, 0.8])
        #expect(deadline.lastRound == 4)
    }

    @Test func wallClockTimeIsTheLargerFraction() throws {
        let deadline = try Deadline(rounds: 9, seconds: 2)
        #expect(deadline.time(ofRound: 1, elapsed: 1) == 0.5)
        #expect(deadline.time(ofRound: 8, elapsed: 1) == 0.8)
        #expect(try Deadline(seconds: 2).time(ofRound: 1_000, elapsed: 3) == 1)
    }

    @Test func badDeadlines() {
        #expect(throws: NegotiationError.self) { try Deadline(rounds: 0) }
        #expect(throws: NegotiationError.self) { try Deadline(rounds: -3) }
        #expect(throws: NegotiationError.self) { try Deadline(seconds: -1) }
        #expect(throws: NegotiationError.self) { try Deadline(seconds: .nan) }
        #expect(throws: NegotiationError.self) { try Deadline() }
    }

    @Test func discounting() {
        #expect(discounted(0.8, factor: 0.5, at: 1) == 0.4)
        #expect(discounted(0.8, factor: nil, at: 1) == 0.8)
        #expect(discounted(0.8, factor: 1, at: 0.5) == 0.8)
    }

    @Test func wallClockDeadlineEndsTheTalks() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let setup = SimulationSetup(
            seconds: 0.05, agents: try AgentAssignment(parsing: "buyer=hardliner,seller=hardliner"))
        let clock = ContinuousClock()
        let start = clock.now
        let result = try setup.session(on: domain, recordsTrace: false).run()
        #expect(clock.now - start < .seconds(5))
        #expect(result.ending == .deadline)
        #expect(result.t == 1)
        #expect(result.round > 1)
    }
}

@Suite struct AlternatingOffersTests {
    /// Linear (e = 1) against linear over five prices, 4 rounds, t = r/5; worked by hand:
    /// r1 (t .2): buyer's target .8 → offers p0; seller's target .8 → p4. r2 (t .4): targets .6 → p1 and p3.
    /// r3 (t .6): buyer's target .4 → offers p2 (.5); seller's target .4, its next bid p2 gives .5 and the offer
    /// gives .5 → AC_next accepts. Agreement p2 in round 3 at t = .6.
    @Test func linearAgainstLinearByHand() throws {
        let scenario = try priceScenario()
        let result = try run(scenario, "buyer=linear,seller=linear", rounds: 4)
        #expect(result.ending == .agreement)
        #expect(result.agreement == 2)
        #expect(result.round == 3)
        #expect(abs(result.t - 0.6) < 1e-12)
        #expect(result.utilities == [0.5, 0.5])
        let offers = result.trace.filter { $0.kind == .offer }.map { $0.outcome! }
        #expect(offers == [0, 4, 1, 3, 2])
        #expect(result.trace.last?.kind == .accept)
        #expect(result.trace.last?.party == 1)
    }

    /// A hard-liner never concedes and a conceder (e = 2) never reaches utility 0 before t = 1: no deal. Seller's
    /// targets 1 − √t over t = .2, .4, .6, .8 → p3, p2, p1, p1.
    @Test func hardlinerAgainstConcederBreaksDown() throws {
        let result = try run(try priceScenario(), "buyer=hardliner,seller=conceder", rounds: 4)
        #expect(result.ending == .deadline)
        #expect(result.agreement == nil)
        #expect(result.t == 1)
        let offers = result.trace.filter { $0.kind == .offer }
        #expect(offers.filter { $0.party == 0 }.map { $0.outcome! } == [0, 0, 0, 0])
        #expect(offers.filter { $0.party == 1 }.map { $0.outcome! } == [3, 2, 1, 1])
        #expect(result.utilities == [0, 0])
    }

    @Test func discountedUtilitiesAndDisagreementPayoff() throws {
        let agreed = try run(try priceScenario(discount: 0.5), "buyer=linear,seller=linear", rounds: 4)
        #expect(abs(agreed.discountedUtilities[0] - 0.5 * Double.pow(0.5, 0.6)) < 1e-12)
        let failed = try run(
            try priceScenario(reservations: (0.3, 0.2), discount: 0.5), "buyer=hardliner,seller=hardliner", rounds: 4)
        #expect(failed.utilities == [0.3, 0.2])
        #expect(failed.discountedUtilities == [0.15, 0.1])
    }

    @Test func acceptingNothingOrOfferingOutsideTheSpaceBreaksTheRules() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let early = try scripted(domain, mechanism: .alternating, rounds: 5, [[.accept], [.accept]])
        #expect(early.agreement == nil)
        guard case .violation(0, _) = early.ending else { Testing.Issue.record("expected a violation"); return }
        let outside = try scripted(domain, mechanism: .alternating, rounds: 5, [[.offer(1)], [.offer(99)]])
        guard case .violation(1, _) = outside.ending else { Testing.Issue.record("expected a violation"); return }
    }

    @Test func walkingAway() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario(reservations: (0.4, 0.3)))
        let result = try scripted(domain, mechanism: .alternating, rounds: 5, [[.offer(0)], [.end]])
        #expect(result.ending == .walkAway(party: 1))
        #expect(result.utilities == [0.4, 0.3])
        #expect(result.round == 1)
    }

    @Test func wrongNumberOfParties() throws {
        let domain = try NegotiationDomain(scenario: try threePartyScenario())
        let setup = SimulationSetup(mechanism: .alternating)
        #expect(
            throws: NegotiationError.wrongPartyCount(mechanism: "alternating-offers", expected: "exactly 2", got: 3)
        ) {
            try setup.session(on: domain)
        }
    }
}

@Suite struct StackedAlternatingOffersTests {
    /// Agreement needs every other party's acceptance since the last offer; a counter-offer resets the count.
    @Test func agreementOnlyWhenEveryoneAccepted() throws {
        let domain = try NegotiationDomain(scenario: try threePartyScenario())
        // a offers 5; b accepts; c counter-offers 7; a accepts; b accepts → agreement on 7 in round 2.
        let result = try scripted(
            domain, mechanism: .saop, rounds: 10, [[.offer(5), .accept], [.accept, .accept], [.offer(7), .offer(7)]])
        #expect(result.ending == .agreement)
        #expect(result.agreement == 7)
        #expect(result.round == 2)
        #expect(result.trace.map(\.kind) == [.offer, .accept, .offer, .accept, .accept])
    }

    @Test func oneAcceptanceIsNotEnough() throws {
        let domain = try NegotiationDomain(scenario: try threePartyScenario())
        let result = try scripted(
            domain, mechanism: .saop, rounds: 3, [[.offer(5)], [.accept], [.offer(6)]])
        #expect(result.ending == .deadline)
        #expect(result.agreement == nil)
    }

    @Test func timeDependentAgentsAgreeAmongThree() throws {
        let result = try run(try threePartyScenario(), "a=conceder,b=conceder,c=conceder", rounds: 50)
        #expect(result.mechanism == .saop)
        #expect(result.ending == .agreement)
        let accepts = result.trace.suffix(2)
        #expect(accepts.allSatisfy { $0.kind == .accept })
        #expect(Set(accepts.map(\.party)).count == 2)
    }
}

@Suite struct ExpiryTests {
    /// p0 (the buyer's best) leaves the table after round 2.
    @Test func nobodyOffersOrAcceptsAnExpiredOption() throws {
        let scenario = try priceScenario(expiry: 2)
        let domain = try NegotiationDomain(scenario: scenario)
        #expect(domain.expiryRounds == [2])
        #expect(domain.isAvailable(0, inRound: 2))
        #expect(!domain.isAvailable(0, inRound: 3))
        for agents in ["buyer=boulware,seller=conceder", "buyer=hardliner,seller=linear", "buyer=random,seller=random"]
        {
            let result = try run(scenario, agents, rounds: 20)
            for event in result.trace where event.round > 2 && (event.kind == .offer || event.kind == .accept) {
                #expect(event.outcome != 0, "\(agents): \(event)")
            }
            let expiry = result.trace.first { $0.kind == .expire }
            if result.round > 2 {
                #expect(expiry?.round == 3)
                #expect(expiry?.options == ["price=p0"])
            }
        }
    }

    @Test func anOfferOnTheTableIsWithdrawnWhenItsOptionExpires() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario(expiry: 1))
        // The seller offers p0 in round 1; in round 2 it has left the table, so the buyer cannot accept it.
        let result = try scripted(
            domain, mechanism: .alternating, rounds: 3, [[.offer(4), .accept], [.offer(0), .offer(2)]])
        let expiry = try #require(result.trace.first { $0.kind == .expire })
        #expect(expiry.round == 2)
        #expect(expiry.outcome == 0)
        guard case .violation(0, _) = result.ending else {
            Testing.Issue.record("accepting a withdrawn offer must fail"); return
        }
    }

    @Test func offeringAnExpiredOptionBreaksTheRules() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario(expiry: 1))
        let result = try scripted(domain, mechanism: .alternating, rounds: 3, [[.offer(4), .offer(0)], [.offer(3)]])
        guard case .violation(0, let reason) = result.ending else {
            Testing.Issue.record("expected a violation"); return
        }
        #expect(reason.contains("no longer on the table"))
        #expect(result.round == 2)
    }

    @Test func agentsWalkAwayWhenNothingRationalIsLeft() throws {
        // The buyer needs at least 0.9: only p0 qualifies, and it leaves after round 1.
        let result = try run(
            try priceScenario(reservations: (0.9, 0), expiry: 1), "buyer=boulware,seller=boulware", rounds: 10)
        #expect(result.ending == .walkAway(party: 0))
        #expect(result.round == 2)
    }
}

@Suite struct MediatedTests {
    /// The first draft is the Nash point; with everyone accepting it, the talks end in round 1.
    @Test func firstDraftIsTheNashPoint() throws {
        let scenario = try threePartyScenario()
        let domain = try NegotiationDomain(scenario: scenario)
        let reference = try NegotiationReference(domain: domain, participants: [0, 1, 2])
        let result = try scripted(
            domain, mechanism: .mediated, rounds: 5, [[], [], []], replies: [[.accept], [.accept], [.accept]])
        #expect(result.ending == .agreement)
        #expect(result.round == 1)
        #expect(result.agreement == reference.nashOutcomes[0])
        #expect(result.trace.map(\.kind) == [.offer, .accept, .accept, .accept])
        #expect(result.trace[0].party == nil)
    }

    /// An objection naming an issue makes the mediator change that issue in the objector's favour.
    @Test func revisionMeetsTheObjection() throws {
        let scenario = try threePartyScenario()
        let domain = try NegotiationDomain(scenario: scenario)
        let result = try scripted(
            domain, mechanism: .mediated, rounds: 2, [[], [], []],
            replies: [[.object(issue: 0), .accept], [.accept], [.accept]])
        let drafts = result.trace.filter { $0.kind == .offer }.map { $0.outcome! }
        #expect(drafts.count == 2)
        let before = drafts[0]
        let after = drafts[1]
        #expect(domain.level(of: after, issue: 0) != domain.level(of: before, issue: 0))
        let changed = domain.replacing(issue: 0, level: domain.level(of: after, issue: 0), in: before)
        #expect(domain.utilities[0][changed] > domain.utilities[0][before])
        #expect(result.ending == .agreement)
        #expect(result.agreement == after)
    }

    @Test func timeDependentPartiesSettleUnderAMediator() throws {
        let result = try run(
            try threePartyScenario(), "a=boulware,b=linear,c=conceder", rounds: 40, mechanism: .mediated, mediator: "a")
        #expect(result.ending == .agreement)
        let draftRounds = result.trace.filter { $0.kind == .offer }.map(\.round)
        #expect(draftRounds == Array(1...result.round))
        #expect(result.trace.allSatisfy { $0.kind != .offer || $0.party == 0 })
    }

    @Test func aMediatingPartyDraftsOnlyWhatItCanAccept() throws {
        var scenario = try threePartyScenario()
        scenario.parties[0].reservation = 0.6
        let domain = try NegotiationDomain(scenario: scenario)
        let result = try SimulationSetup(
            mechanism: .mediated, mediator: "a", rounds: 30,
            agents: try AgentAssignment(parsing: "b=conceder,c=conceder")
        ).session(on: domain).run()
        for event in result.trace where event.kind == .offer {
            #expect(domain.utilities[0][event.outcome!] >= 0.6 - 1e-9)
        }
    }
}

@Suite struct ReproducibilityTests {
    @Test func sameSeedSameTrace() throws {
        let scenario = try ScenarioLoaderFixture.jobOffer()
        let first = try run(scenario, "candidate=random,employer=random", rounds: 200, seed: 7)
        let again = try run(scenario, "candidate=random,employer=random", rounds: 200, seed: 7)
        let other = try run(scenario, "candidate=random,employer=random", rounds: 200, seed: 8)
        #expect(first.trace == again.trace)
        #expect(first.agreement == again.agreement)
        #expect(first.trace != other.trace)
    }
}

@Suite struct SessionTraceTests {
    /// Hard-liner against hard-liner over 100 rounds: 200 offers, never an agreement.
    private func hardliners(rounds: Int = 100, excerpt: Int) throws -> Session {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        var configuration = SessionConfiguration(
            mechanism: .alternating, participants: [0, 1], deadline: try Deadline(rounds: rounds))
        configuration.traceExcerpt = excerpt
        let agents = try [AgentSpecification(parsing: "hardliner"), AgentSpecification(parsing: "hardliner")]
        return try Session(domain: domain, configuration: configuration, agents: agents)
    }

    /// A long session keeps its first and last actions and counts every one; the session itself goes on to its end.
    @Test func aLongTraceKeepsItsEndsAndCountsEveryAction() throws {
        let result = try hardliners(excerpt: 10).run()
        #expect(result.round == 100)
        #expect(result.ending == .deadline)
        let trace = result.trace
        #expect(!trace.isComplete)
        #expect(trace.actionCount == 200)
        #expect(trace.count == 20)
        #expect(trace.omittedCount == 180)
        #expect(trace.count(of: .offer) == 200)
        #expect(trace.count(of: .accept) == 0)
        // Two offers a round: the first ten actions are rounds 1 to 5, the last ten rounds 96 to 100.
        #expect(trace.prefix(10).map(\.round) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(trace.suffix(10).map(\.round) == [96, 96, 97, 97, 98, 98, 99, 99, 100, 100])
        #expect(trace.offers.offerCount(by: 0) == 100)
        #expect(trace.offers.offers(by: 1).map(\.event.round) == Array(1...100))
    }

    @Test func aShortTraceIsWhole() throws {
        let result = try hardliners(excerpt: SessionTrace.defaultExcerpt).run()
        #expect(result.trace.isComplete)
        #expect(result.trace.count == 200)
        #expect(result.trace.actionCount == 200)
        #expect(result.trace.omittedCount == 0)
    }

    /// Records every action and every round's end.
    private struct Recorder: SessionObserver {
        typealias Failure = Stop
        var events: [TraceEvent] = []
        var rounds: [Int] = []
        var stopAfter: Int?
        struct Stop: Error {}

        mutating func observe(_ event: TraceEvent) { events.append(event) }

        mutating func roundEnded(_ round: Int) throws(Stop) {
            rounds.append(round)
            if let stopAfter, round >= stopAfter { throw Stop() }
        }
    }

    @Test func anObserverSeesEveryActionInOrderAndTheEndOfEveryRound() throws {
        var recorder = Recorder()
        let result = try hardliners(excerpt: 10).run(observer: &recorder)
        #expect(recorder.events.count == 200)
        #expect(Array(result.trace.prefix(10)) == Array(recorder.events.prefix(10)))
        #expect(Array(result.trace.suffix(10)) == Array(recorder.events.suffix(10)))
        // After every round but the last, where the session ends.
        #expect(recorder.rounds == Array(1...99))
    }

    @Test func anObserverStopsTheSessionBetweenRounds() throws {
        var recorder = Recorder(stopAfter: 3)
        #expect(throws: Recorder.Stop.self) { try hardliners(excerpt: 10).run(observer: &recorder) }
        #expect(recorder.events.map(\.round) == [1, 1, 2, 2, 3, 3])
        #expect(recorder.rounds == [1, 2, 3])
    }

    /// A party's offers are thinned evenly once it has made more than the sample's capacity: every multiple of a
    /// stride, and the last. 10,000 offers with capacity 4,096: stride 2 from the 4,097th, 4 from the 8,193rd.
    @Test func theOfferSampleThinsEvenlyAndKeepsTheLastOffer() {
        var trace = SessionTrace(excerpt: 5)
        for k in 0..<10_000 {
            trace.append(TraceEvent(round: k + 1, t: 0, party: 0, kind: .offer, outcome: k % 5))
        }
        let sample = trace.offers.offers(by: 0)
        #expect(trace.offers.offerCount(by: 0) == 10_000)
        #expect(sample.count == 2_501)
        #expect(sample.first?.ordinal == 0)
        #expect(sample.last?.ordinal == 9_999)
        #expect(sample.dropLast().allSatisfy { $0.ordinal % 4 == 0 })
        #expect(Set(zip(sample.dropLast(), sample.dropLast().dropFirst()).map { $1.ordinal - $0.ordinal }) == [4])
        #expect(trace.count == 10)
    }

    /// a offers 5, b accepts, c counter-offers 7, a and b accept it: each acceptance goes to the offer it answered.
    @Test func theOfferSampleRecordsWhoAcceptedEachOffer() throws {
        let domain = try NegotiationDomain(scenario: try threePartyScenario())
        let result = try scripted(
            domain, mechanism: .saop, rounds: 10, [[.offer(5), .accept], [.accept, .accept], [.offer(7), .offer(7)]])
        let offers = result.trace.offers
        #expect(offers.parties == [0, 2])
        #expect(offers.offers(by: 0).map(\.acceptedBy) == [[1]])
        #expect(offers.offers(by: 2).map(\.acceptedBy) == [[0, 1]])
        #expect(offers.offers(by: 1).isEmpty)
    }
}
