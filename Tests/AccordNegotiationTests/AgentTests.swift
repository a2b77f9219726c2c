import AccordCore
import AccordFormats
import AccordNegotiation
import Testing

@Suite struct TimeDependentAgentTests {
    static let exponents: [(String, Double)] = [("boulware", 0.2), ("linear", 1), ("conceder", 2), ("hardliner", 0)]

    /// Every offer of a time-dependent agent is the outcome with the lowest utility at or above
    /// target(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)), t = round/(R + 1): never below the curve, and no outcome
    /// lies between the target and the offer.
    @Test(arguments: exponents)
    func offersFollowTheTargetCurve(name: String, exponent: Double) throws {
        let scenario = try ScenarioLoader.bundled("job-offer")
        let domain = try NegotiationDomain(scenario: scenario)
        let rounds = 60
        let result = try SimulationSetup(
            rounds: rounds, agents: try AgentAssignment(parsing: "candidate=\(name),employer=hardliner")
        ).session(on: domain).run()
        let utilities = domain.utilities[0]
        let sorted = utilities.sorted()
        let pMax = sorted.last!
        let pMin = max(sorted.first!, scenario.parties[0].reservation)
        let offers = result.trace.filter { $0.kind == .offer && $0.party == 0 }
        #expect(offers.count >= 1)
        for offer in offers {
            let t = Double(offer.round) / Double(rounds + 1)
            #expect(offer.t == t)
            let target = exponent == 0 ? pMax : pMin + (pMax - pMin) * (1 - Double.pow(t, 1 / exponent))
            let utility = utilities[offer.outcome!]
            #expect(utility >= target - 1e-12, "round \(offer.round): \(utility) below the target \(target)")
            #expect(!sorted.contains { $0 >= target - 1e-12 && $0 < utility - 1e-12 }, "round \(offer.round)")
        }
    }

    /// A Boulware agent facing a Conceder does better than a Conceder facing the same Conceder, and two
    /// Conceders agree earlier than two Boulwares — on every bundled bilateral domain.
    @Test(arguments: [("job-offer", "candidate", "employer"), ("synthetic-15k-2p", "a", "b")])
    func boulwareBeatsConcederAndConcedersAgreeEarlier(scenario name: String, first: String, second: String) throws {
        let scenario = try ScenarioLoader.bundled(name)
        let boulwareVsConceder = try run(scenario, "\(first)=boulware,\(second)=conceder", rounds: 200)
        let concederVsConceder = try run(scenario, "\(first)=conceder,\(second)=conceder", rounds: 200)
        let boulwareVsBoulware = try run(scenario, "\(first)=boulware,\(second)=boulware", rounds: 200)
        #expect(boulwareVsConceder.isAgreement && concederVsConceder.isAgreement && boulwareVsBoulware.isAgreement)
        #expect(boulwareVsConceder.utilities[0] > concederVsConceder.utilities[0])
        #expect(concederVsConceder.round < boulwareVsBoulware.round)
    }

    @Test func hardlinerNeverConcedes() throws {
        let result = try run(
            try ScenarioLoader.bundled("job-offer"), "candidate=hardliner,employer=boulware", rounds: 50)
        let offers = Set(result.trace.filter { $0.kind == .offer && $0.party == 0 }.map { $0.outcome! })
        #expect(offers.count == 1)
    }

    @Test func neverAcceptsBelowReservation() throws {
        let scenario = try priceScenario(reservations: (0.6, 0.6))
        for agents in [
            "buyer=conceder,seller=conceder", "buyer=random,seller=random", "buyer=tit-for-tat,seller=conceder",
        ] {
            let result = try run(scenario, agents, rounds: 30)
            #expect(result.agreement == nil, "\(agents): no price gives both 0.6")
        }
    }
}

@Suite struct OtherAgentTests {
    @Test func nashSeekersAgreeOnTheNashPoint() throws {
        let scenario = try ScenarioLoader.bundled("job-offer")
        let domain = try NegotiationDomain(scenario: scenario)
        let result = try SimulationSetup(
            rounds: 20, agents: try AgentAssignment(parsing: "candidate=nash-seeker,employer=nash-seeker")
        ).session(on: domain).run()
        let reference = try NegotiationReference(domain: domain, participants: [0, 1])
        #expect(result.round == 1)
        #expect(result.agreement == reference.nashOutcomes[0])
        let metrics = reference.metrics(of: result, in: domain)
        #expect(metrics.nashDistance == 0)
        #expect(metrics.paretoDistance == 0)
    }

    @Test func titForTatMirrorsConcessionAndAgrees() throws {
        let scenario = try ScenarioLoader.bundled("job-offer")
        let domain = try NegotiationDomain(scenario: scenario)
        let againstConceder = try run(scenario, "candidate=tit-for-tat,employer=conceder", rounds: 100)
        #expect(againstConceder.isAgreement)
        // Facing no concession, tit-for-tat does not concede either (its offers stay within its window of its best)…
        let againstHardliner = try run(scenario, "candidate=tit-for-tat,employer=hardliner", rounds: 100)
        let offers = Set(againstHardliner.trace.filter { $0.kind == .offer && $0.party == 0 }.map { $0.outcome! })
        #expect(offers.allSatisfy { domain.utilities[0][$0] >= domain.ranking(party: 0, epoch: 0).best - 0.02 - 1e-9 })
        // …and only its end game (t ≥ 0.98) accepts the best offer it received.
        if againstHardliner.isAgreement { #expect(againstHardliner.t >= 0.98) }
        // Two tit-for-tat agents wait for each other's first concession: neither moves, and neither opening is
        // acceptable to the other, so even the end game finds nothing to accept (a known limit of pure mirroring).
        let mirror = try run(scenario, "candidate=tit-for-tat,employer=tit-for-tat", rounds: 100)
        #expect(!mirror.isAgreement)
        #expect(Set(mirror.trace.filter { $0.party == 0 }.compactMap(\.outcome)).count == 1)
    }

    @Test func randomAgentsOfferOnlyRationalOutcomes() throws {
        let scenario = try priceScenario(reservations: (0.5, 0.25))
        let domain = try NegotiationDomain(scenario: scenario)
        let result = try run(scenario, "buyer=random,seller=random", rounds: 50, seed: 3)
        for offer in result.trace where offer.kind == .offer {
            #expect(domain.utilities[offer.party!][offer.outcome!] >= scenario.parties[offer.party!].reservation)
        }
    }

    /// HardHeaded-style learning: an opponent that never changes issue `y` gets the larger weight on it, and its
    /// most offered options the higher value.
    @Test func frequencyModelLearnsWeightsAndValues() throws {
        let domain = try NegotiationDomain(scenario: try threePartyScenario())
        var model = FrequencyModel(
            setup: AgentSetup(domain: domain, party: 0, participants: [0, 1], deadline: try Deadline(rounds: 10)))
        // Outcomes: index = x·5 + y. Opponent 1 keeps y = 1 and moves x.
        for x in [4, 3, 4, 2, 3] { model.observe(offer: x * 5 + 1, from: 1) }
        let weights = try #require(model.estimatedWeights(of: 1))
        #expect(weights[1] > weights[0])
        #expect(abs(weights.reduce(0, +) - 1) < 1e-12)
        #expect(model.utility(of: 3 * 5 + 1, for: 1) > model.utility(of: 0 * 5 + 4, for: 1))
        #expect(model.utility(of: 0, for: 2) == 0)
    }
}

@Suite struct AgentSpecificationTests {
    @Test func namesAndParameters() throws {
        #expect(try AgentSpecification(parsing: "boulware").exponent == 0.2)
        #expect(try AgentSpecification(parsing: "Conceder").exponent == 2)
        let custom = try AgentSpecification(parsing: "time-dependent(e=0.5; ac=combi; T=0.9; model=frequency)")
        #expect(custom.exponent == 0.5)
        #expect(custom.acceptance == .combi(0.9))
        #expect(custom.usesOpponentModel)
        #expect(custom.description == "time-dependent(e=0.5;ac=combi;T=0.9;model=frequency)")
        #expect(try AgentSpecification(parsing: custom.description) == custom)
        #expect(try AgentSpecification(parsing: "linear(ac=const)").acceptance == .constant(0.8))
        #expect(try AgentSpecification(parsing: "linear(ac=time;T=0.5)").acceptance == .time(0.5))
    }

    @Test func badSpecifications() {
        #expect(throws: NegotiationError.unknownAgent("bulware", known: AgentSpecification.names)) {
            try AgentSpecification(parsing: "bulware")
        }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "boulware(e=-1)") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "random(e=1)") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "linear(ac=maybe)") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "linear(T=0.5)") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "linear(e=1") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "linear(speed=3)") }
        let message = NegotiationError.unknownAgent("x", known: AgentSpecification.names).description
        #expect(message.contains("boulware") && message.contains("tit-for-tat") && message.contains("nash-seeker"))
    }

    @Test func assignments() throws {
        let assignment = try AgentAssignment(
            parsing: "us=boulware, ukraine=time-dependent(e=0.5,ac=combi),europe=linear")
        #expect(assignment.entries.map(\.party) == ["us", "ukraine", "europe"])
        #expect(assignment.agent(for: "ukraine")?.acceptance == .combi(0.98))
        #expect(throws: NegotiationError.duplicateParty("us")) { try AgentAssignment(parsing: "us=linear,us=boulware") }
        #expect(throws: NegotiationError.self) { try AgentAssignment(parsing: "us") }
    }

    @Test func unknownPartiesAndMediators() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let unknownParty = SimulationSetup(agents: try AgentAssignment(parsing: "nobody=linear"))
        #expect(throws: NegotiationError.unknownParty("nobody", known: ["buyer", "seller"])) {
            try unknownParty.session(on: domain)
        }
        #expect(throws: NegotiationError.unknownMediator("un", known: ["buyer", "seller"])) {
            try SimulationSetup(mechanism: .mediated, mediator: "un").session(on: domain)
        }
        #expect(throws: NegotiationError.unknownMechanism("auction")) { try MechanismKind(name: "auction") }
    }
}

@Suite struct DomainTests {
    @Test func tableMatchesTheScenario() throws {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let domain = try NegotiationDomain(scenario: scenario)
        #expect(domain.outcomeCount == scenario.space.count)
        for o in stride(from: 0, to: domain.outcomeCount, by: 37) {
            let expected = scenario.utilities(of: scenario.space.outcome(at: o))
            for p in scenario.parties.indices { #expect(abs(domain.utilities[p][o] - expected[p]) < 1e-12) }
        }
        // Rankings are sorted, hold only outcomes on the table and respect red lines.
        for epoch in 0...domain.expiryRounds.count {
            for p in scenario.parties.indices {
                let ranking = domain.ranking(party: p, epoch: epoch)
                #expect(zip(ranking.utilities, ranking.utilities.dropFirst()).allSatisfy { $0 >= $1 })
                for outcome in ranking.outcomes.prefix(200) {
                    #expect(!domain.crossesRedLine(Int(outcome), party: p))
                    let round = epoch == 0 ? 1 : domain.expiryRounds[epoch - 1] + 1
                    #expect(domain.isAvailable(Int(outcome), inRound: round))
                }
            }
        }
    }

    @Test func tooLargeIsRefused() throws {
        let scenario = try ScenarioLoader.bundled("synthetic-1m-2p")
        #expect(throws: NegotiationError.spaceTooLarge(outcomes: 1_000_000, limit: 1_000)) {
            try NegotiationDomain(scenario: scenario, outcomeLimit: 1_000)
        }
    }
}
