import AccordCore
import AccordFormats
import AccordNegotiation
import RealModule
import Testing

/// One turn of a champion driven against a scripted opponent.
struct ChampionTurn {
    var round: Int
    var t: Double
    /// The agent's utility of the offer on the table when it moved (nil: none).
    var offered: Double?
    var action: Action
    /// The agent's threshold at t, read right after its move.
    var threshold: Double
}

/// Plays `agent` (party 0, moving first) against a scripted party 1 that offers `opponent(round)` after each of the
/// agent's turns and never accepts; stops when the agent accepts or walks away.
func drive<Agent: NegotiationAgent>(
    _ agent: inout Agent, domain: NegotiationDomain, rounds: Int, seed: UInt64 = 1,
    threshold: (Agent, Double) -> Double, opponent: (Int) -> Int
) throws -> [ChampionTurn] {
    let deadline = try Deadline(rounds: rounds)
    var generator = SeededGenerator(seed: seed)
    var turns: [ChampionTurn] = []
    var onTable = -1
    for round in 1...rounds {
        let t = deadline.time(ofRound: round)
        let state = TurnState(round: round, t: t, epoch: 0, offer: onTable, offerer: onTable >= 0 ? 1 : -1)
        let action = agent.respond(to: state, generator: &generator)
        turns.append(
            ChampionTurn(
                round: round, t: t, offered: onTable >= 0 ? domain.utilities[0][onTable] : nil, action: action,
                threshold: threshold(agent, t)))
        guard case .offer(let own) = action else { break }
        onTable = opponent(round)
        agent.observe(.offer(onTable), by: 1, state: TurnState(round: round, t: t, epoch: 0, offer: own, offerer: 0))
    }
    return turns
}

/// The setup of party 0 in a two-party domain.
func firstPartySetup(_ domain: NegotiationDomain, rounds: Int) throws -> AgentSetup {
    AgentSetup(domain: domain, party: 0, participants: [0, 1], deadline: try Deadline(rounds: rounds))
}

/// The outcome of a two-party domain best for party 1 (the other side's opening demand).
func opponentsBest(_ domain: NegotiationDomain) -> Int {
    Int(domain.ranking(party: 1, epoch: 0).outcomes[0])
}

@Suite struct HardHeadedTests {
    /// Against an opponent that never moves, HardHeaded's offers stay within 2 % of the way from Pmax to its
    /// minimum until t = 0.8 ((0.8/0.99)^20 ≈ 0.014, its schedule ending at the second-to-last round), never lie
    /// below its threshold, and the threshold reaches the minimum only at the end.
    @Test func concedesLittleUntilTheDeadlineAndNeverOffersBelowItsThreshold() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        let rounds = 200
        var agent = HardHeadedAgent(setup: try firstPartySetup(domain, rounds: rounds))
        let stubborn = opponentsBest(domain)
        let turns = try drive(&agent, domain: domain, rounds: rounds, threshold: { $0.threshold(at: $1) }) { _ in
            stubborn
        }
        let high = agent.view.best
        let low = agent.minimum
        #expect(low >= max(agent.view.floor, HardHeadedAgent.minimumUtility * high) - 1e-12)
        #expect(turns.count == rounds, "it never accepts the opponent's opening demand")
        for turn in turns {
            guard case .offer(let outcome) = turn.action else { continue }
            let utility = domain.utilities[0][outcome]
            #expect(utility >= turn.threshold - 1e-9, "round \(turn.round): \(utility) < \(turn.threshold)")
            if turn.t <= 0.8 { #expect(utility >= high - 0.02 * (high - low), "round \(turn.round)") }
        }
        #expect(turns.last!.threshold < high - 0.6 * (high - low), "it concedes at the very end")
    }

    /// It accepts an offer worth at least its next bid, and an offer worth at least the lowest bid it has made.
    @Test func acceptsWhatItsOwnBidsWouldGive() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        var agent = HardHeadedAgent(setup: try firstPartySetup(domain, rounds: 100))
        let ownBest = Int(domain.ranking(party: 0, epoch: 0).outcomes[0])
        let turns = try drive(&agent, domain: domain, rounds: 100, threshold: { $0.threshold(at: $1) }) { round in
            round < 10 ? opponentsBest(domain) : ownBest
        }
        #expect(turns.count == 11)
        #expect(turns.last!.action == .accept)
        #expect(turns.dropLast().allSatisfy { $0.action != .accept })
    }
}

@Suite struct AgentKTests {
    /// Buyer utilities of p0…p4 are 1, .75, .5, .25, 0. Offers alternating p4, p2 give μ = 0.25 and σ = 0.25, so
    /// d = √12·0.25 ≈ 0.866 and emax = 0.25 + 0.75·0.866 ≈ 0.9; α = 3 + 6·0.25 = 4.5 and
    /// target(t) = 1 − 0.1·t^4.5. A constant offer p4 gives σ = 0, emax = μ = 0 and target(t) = 1 − t³.
    @Test func targetFollowsTheEstimateFromTheMeanAndSpreadOfOffers() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        var spread = AgentK(setup: try firstPartySetup(domain, rounds: 100))
        _ = try drive(&spread, domain: domain, rounds: 20, threshold: { $0.target(at: $1) }) { $0 % 2 == 0 ? 2 : 4 }
        #expect(spread.meanReceived.isApproximatelyEqual(to: 0.25))
        #expect(spread.estimatedMaximum.isApproximatelyEqual(to: 0.25 + 0.75 * 12.0.squareRoot() * 0.25))
        #expect(
            spread.target(at: 0.5).isApproximatelyEqual(to: 1 - (1 - spread.estimatedMaximum) * Double.pow(0.5, 4.5)))

        var constant = AgentK(setup: try firstPartySetup(domain, rounds: 100))
        _ = try drive(&constant, domain: domain, rounds: 20, threshold: { $0.target(at: $1) }) { _ in 4 }
        #expect(constant.estimatedMaximum.isApproximatelyEqual(to: 0, absoluteTolerance: 1e-12))
        #expect(constant.target(at: 0.5).isApproximatelyEqual(to: 1 - Double.pow(0.5, 3)))
        #expect(constant.target(at: 0.9) < spread.target(at: 0.9))
    }

    /// Against an opponent that always offers the same outcome (σ = 0, so emax = μ = its utility), every AgentK
    /// offer lies at or above the target, no offer below the target is accepted early, and AgentK ends up accepting
    /// it: at the deadline its target reaches emax, and the acceptance probability t^α/5 + (u − target) turns
    /// positive first.
    @Test func acceptsAConstantOfferLateAndOffersAboveItsTarget() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        var agent = AgentK(setup: try firstPartySetup(domain, rounds: 200))
        let ranking = domain.ranking(party: 0, epoch: 0)
        let middle = Int(ranking.outcomes[ranking.position(atLeast: 0.7)])
        let turns = try drive(&agent, domain: domain, rounds: 200, threshold: { $0.target(at: $1) }) { _ in middle }
        for turn in turns {
            switch turn.action {
            case .offer(let outcome):
                #expect(domain.utilities[0][outcome] >= turn.threshold - 1e-9, "round \(turn.round)")
            case .accept:
                #expect(turn.t > 0.5, "accepted at t = \(turn.t)")
            case .end:
                Issue.record("AgentK walked away")
            }
        }
        let accepted = turns.last!.action == .accept
        #expect(accepted, "it ends up accepting the constant offer")
        #expect(agent.estimatedMaximum.isApproximatelyEqual(to: domain.utilities[0][middle]))
    }
}

@Suite struct CUHKAgentTests {
    /// λ = δ·(0.7 + 0.25·c): later against a conceding opponent, earlier under a strong discount.
    @Test func nonExploitationPointFollowsConcessionAndDiscount() {
        #expect(CUHKAgent.nonExploitationPoint(concession: 0, discount: 1).isApproximatelyEqual(to: 0.7))
        #expect(CUHKAgent.nonExploitationPoint(concession: 1, discount: 1).isApproximatelyEqual(to: 0.95))
        #expect(CUHKAgent.nonExploitationPoint(concession: 0.5, discount: 0.5).isApproximatelyEqual(to: 0.4125))
    }

    /// Against an opponent that concedes, CUHKAgent has conceded a smaller share of its room at t ≈ 0.8 than against
    /// one that never moves: it exploits the conceder longer.
    @Test func concedesLessToAConcedingOpponent() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        let rounds = 100
        let own = domain.ranking(party: 0, epoch: 0)
        let stubborn = opponentsBest(domain)
        let start = domain.utilities[0][stubborn]
        // The conceder's offers climb the agent's own ranking from its opening demand toward half-way.
        let climbing = (0..<own.count).reversed().map { Int(own.outcomes[$0]) }.filter {
            domain.utilities[0][$0] >= start
        }
        func share(_ opponent: (Int) -> Int) throws -> (share: Double, concession: Double) {
            var agent = CUHKAgent(setup: try firstPartySetup(domain, rounds: rounds))
            let turns = try drive(
                &agent, domain: domain, rounds: 80, threshold: { $0.threshold(at: $1) }, opponent: opponent)
            let high = agent.view.best
            let t = try Deadline(rounds: rounds).time(ofRound: 80)
            #expect(turns.count == 80 || turns.last!.t >= t)
            return ((high - agent.threshold(at: t)) / max(high - agent.view.floor, 1e-12), agent.opponentConcession)
        }
        let tough = try share { _ in stubborn }
        let soft = try share { round in climbing[min(climbing.count - 1, round * climbing.count / 200)] }
        #expect(tough.concession == 0)
        #expect(soft.concession > 0.2)
        #expect(soft.share < tough.share)
    }
}

@Suite struct Atlas3Tests {
    /// A = 1, b = 0.6, r = 0: m = 0.8, p = 0.2/(0.2 + 0.6) = 0.25, LL = 0.25·0 + 0.75·1 = 0.75.
    @Test func lowerLimitIsTheExpectedUtilityOfTheStableMix() {
        #expect(Atlas3Agent.lowerLimit(best: 1, bestReceived: 0.6, breakdown: 0).isApproximatelyEqual(to: 0.75))
        #expect(Atlas3Agent.lowerLimit(best: 1, bestReceived: 0.3, breakdown: 0.4).isApproximatelyEqual(to: 0.4))
        #expect(Atlas3Agent.lowerLimit(best: 1, bestReceived: 1, breakdown: 0).isApproximatelyEqual(to: 1))
        let low = Atlas3Agent.lowerLimit(best: 1, bestReceived: 0.5, breakdown: 0)
        let high = Atlas3Agent.lowerLimit(best: 1, bestReceived: 0.7, breakdown: 0)
        #expect(low < high)
    }

    /// Before its final rounds it accepts exactly the offers at or above its threshold, which never falls below the
    /// lower limit; in its final rounds it offers back the opponent's offer best for itself.
    @Test func acceptsAboveItsThresholdAndOffersPopularOutcomesAtTheEnd() throws {
        let domain = try NegotiationDomain(scenario: try ScenarioLoader.bundled("job-offer"))
        let rounds = 100
        var agent = Atlas3Agent(setup: try firstPartySetup(domain, rounds: rounds))
        let theirs = domain.ranking(party: 1, epoch: 0)
        let offers = (0..<5).map { Int(theirs.outcomes[$0 * 7]) }
        let turns = try drive(&agent, domain: domain, rounds: rounds, threshold: { $0.threshold(at: $1) }) { round in
            offers[round % offers.count]
        }
        let bestOffered = offers.map { domain.utilities[0][$0] }.max()!
        for turn in turns {
            #expect(turn.threshold >= agent.lowerLimit - 1e-9)
            if turn.round <= rounds - Atlas3Agent.finalRounds, let offered = turn.offered {
                #expect((turn.action == .accept) == (offered >= turn.threshold - 1e-9), "round \(turn.round)")
            }
        }
        #expect(agent.lowerLimit > bestOffered, "the lower limit lies above what the opponent offered")
        let final = turns.last!
        #expect(final.round >= rounds - Atlas3Agent.finalRounds + 1)
        if case .offer(let outcome) = final.action {
            #expect(domain.utilities[0][outcome].isApproximatelyEqual(to: bestOffered))
        } else {
            #expect(final.action == .accept && final.offered!.isApproximatelyEqual(to: bestOffered))
        }
    }
}

@Suite struct ChampionCommonTests {
    static let champions = ["hardheaded", "agent-k", "cuhk-agent", "atlas3"]

    /// No price gives both sides 0.6: a champion never agrees below its reservation value, whoever it meets.
    @Test(arguments: champions)
    func neverAgreesBelowTheReservationValue(name: String) throws {
        let scenario = try priceScenario(reservations: (0.6, 0.6))
        for other in ["conceder", "random", name] {
            let result = try run(scenario, "buyer=\(name),seller=\(other)", rounds: 40)
            #expect(result.agreement == nil, "\(name) vs \(other)")
        }
    }

    /// The same seed gives the same trace; champions agree with a conceder before the deadline on job-offer, at a
    /// utility above the reservation value; in a three-party stacked negotiation with two conceders nobody walks
    /// away and all but AgentK agree.
    @Test(arguments: champions)
    func deterministicAgreeableAndMultilateral(name: String) throws {
        let scenario = try ScenarioLoader.bundled("job-offer")
        let first = try run(scenario, "candidate=\(name),employer=conceder", rounds: 200, seed: 7)
        let second = try run(scenario, "candidate=\(name),employer=conceder", rounds: 200, seed: 7)
        let same = Array(first.trace) == Array(second.trace)
        let agreed = first.isAgreement
        let utility = first.utilities[0]
        #expect(same)
        #expect(agreed, "\(name) and a conceder agree")
        #expect(utility >= scenario.parties[0].reservation)
        let three = try run(try threePartyScenario(), "a=\(name),b=conceder,c=conceder", rounds: 60, mechanism: .saop)
        let walkedAway = three.trace.contains { $0.kind == .end }
        let threeAgreed = three.isAgreement
        #expect(!walkedAway, "nobody walks away: every outcome is rational at reservation 0")
        // AgentK pools both conceders' offers into one stream; their spread is so wide that its estimated maximum
        // (μ + (1 − μ)·√12·σ) saturates at 1 and it never concedes: documented in docs/agents.md.
        #expect(threeAgreed == (name != "agent-k"), "\(name) with two conceders")
    }

    @Test func namesAreRegisteredAndTakeNoParameters() throws {
        for name in Self.champions {
            let specification = try AgentSpecification(parsing: name)
            #expect(specification.isChampion && specification.description == name)
            #expect(AgentSpecification.names.contains(name))
            #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "\(name)(e=0.5)") }
        }
        let message = NegotiationError.unknownAgent("x", known: AgentSpecification.names).description
        #expect(Self.champions.allSatisfy { message.contains($0) })
    }
}
