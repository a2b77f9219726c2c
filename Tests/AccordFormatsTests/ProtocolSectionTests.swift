import AccordCore
import AccordFormats
import AccordNegotiation
import Foundation
import Testing

// MARK: Fixtures

/// Three parties — us, ukraine, europe — on two issues, followed by a `protocol:` section (given as the lines
/// after `protocol:`, indented by two spaces; the section starts on line 20).
func threePartyScenario(protocol section: String) -> String {
    """
    accord: 1
    name: Three parties
    issues:
      - id: guarantee
        options: [none, article5_like]
      - id: army_cap
        range: [400, 900]
        step: 50
    parties:
      - id: us
        weights: {guarantee: 0.5, army_cap: 0.5}
        values: {guarantee: {none: 1.0, article5_like: 0.4}, army_cap: decreasing}
      - id: ukraine
        weights: {guarantee: 0.7, army_cap: 0.3}
        values: {guarantee: {none: 0.0, article5_like: 1.0}, army_cap: increasing}
      - id: europe
        weights: {guarantee: 0.6, army_cap: 0.4}
        values: {guarantee: {none: 0.2, article5_like: 0.9}, army_cap: increasing}
    protocol:
    \(section)

    """
}

/// A `protocol:` section broken in one place: where its one problem must be reported and what it must name.
let brokenProtocols: [BrokenScenario] = [
    BrokenScenario(
        "unknown mechanism", threePartyScenario(protocol: "  mechanism: auction"), path: "protocol.mechanism",
        mentions: "unknown mechanism 'auction'", "alternating, saop, mediated"),
    BrokenScenario(
        "unknown party at the table", threePartyScenario(protocol: "  parties: [us, russia]"),
        path: "protocol.parties[1]", mentions: "no party 'russia'", "us, ukraine, europe"),
    BrokenScenario(
        "party seated twice", threePartyScenario(protocol: "  parties: [us, ukraine, us]"),
        path: "protocol.parties[2]", mentions: "'us' is already at the table"),
    BrokenScenario(
        "no party at the table", threePartyScenario(protocol: "  parties: []"), path: "protocol.parties",
        mentions: "is empty"),
    BrokenScenario(
        "unknown mediator", threePartyScenario(protocol: "  mechanism: mediated\n  mediator: un"),
        path: "protocol.mediator", mentions: "no party 'un'", "us, ukraine, europe", "'neutral'"),
    BrokenScenario(
        "agent for an unknown party", threePartyScenario(protocol: "  agents: {russia: boulware}"),
        path: "protocol.agents.russia", mentions: "no party 'russia'", "us, ukraine, europe"),
    BrokenScenario(
        "agent for a party not at the table",
        threePartyScenario(protocol: "  parties: [us, ukraine]\n  agents: {europe: linear}"),
        path: "protocol.agents.europe", mentions: "'europe' is not at the table (us, ukraine)"),
    BrokenScenario(
        "unknown agent", threePartyScenario(protocol: "  agents: {us: bulware}"), path: "protocol.agents.us",
        mentions: "unknown agent 'bulware'", AgentSpecification.names.joined(separator: ", ")),
    BrokenScenario(
        "unknown agent parameter", threePartyScenario(protocol: "  agents: {us: 'conceder(x=1)'}"),
        path: "protocol.agents.us", mentions: "agent 'conceder'", "parameter 'x' is not a parameter"),
    BrokenScenario(
        "agent parameter out of range", threePartyScenario(protocol: "  agents: {ukraine: 'time-dependent(e=500)'}"),
        path: "protocol.agents.ukraine", mentions: "parameter 'e' must be a number from 0", "not '500'"),
    BrokenScenario(
        "unreadable agent", threePartyScenario(protocol: "  agents: {us: 'conceder(e=1'}"),
        path: "protocol.agents.us", mentions: "cannot read the agent 'conceder(e=1'", "name(key=value;...)"),
    BrokenScenario(
        "agent that is not text", threePartyScenario(protocol: "  agents: {us: [boulware]}"),
        path: "protocol.agents.us", mentions: "expected text"),
    BrokenScenario(
        "unknown default agent", threePartyScenario(protocol: "  default_agent: stubborn"),
        path: "protocol.default_agent", mentions: "unknown agent 'stubborn'"),
    BrokenScenario(
        "no rounds", threePartyScenario(protocol: "  deadline: {rounds: 0}"), path: "protocol.deadline.rounds",
        mentions: "from 1 to \(Deadline.roundCap)", "found 0"),
    BrokenScenario(
        "too many rounds", threePartyScenario(protocol: "  deadline: {rounds: 100000001}"),
        path: "protocol.deadline.rounds", mentions: "from 1 to \(Deadline.roundCap)"),
    BrokenScenario(
        "fractional rounds", threePartyScenario(protocol: "  deadline: {rounds: 2.5}"),
        path: "protocol.deadline.rounds", mentions: "whole number", "found 2.5"),
    BrokenScenario(
        "negative seconds", threePartyScenario(protocol: "  deadline: {seconds: -3}"),
        path: "protocol.deadline.seconds", mentions: "positive number of seconds", "found -3"),
    BrokenScenario(
        "deadline without a limit", threePartyScenario(protocol: "  deadline: {}"), path: "protocol.deadline",
        mentions: "{rounds: N}, {seconds: S} or both"),
    BrokenScenario(
        "deadline in minutes", threePartyScenario(protocol: "  deadline: {rounds: 10, minutes: 5}"),
        path: "protocol.deadline.minutes", mentions: "unknown key", "rounds, seconds"),
    BrokenScenario(
        "deadline as a number", threePartyScenario(protocol: "  deadline: 20"), path: "protocol.deadline",
        mentions: "expected {rounds: N}, {seconds: S} or both", "found the value '20'"),
    BrokenScenario(
        "negative seed", threePartyScenario(protocol: "  seed: -1"), path: "protocol.seed",
        mentions: "whole number from 0", "'-1'"),
    BrokenScenario(
        "fractional seed", threePartyScenario(protocol: "  seed: 1.5"), path: "protocol.seed",
        mentions: "whole number from 0", "'1.5'"),
    BrokenScenario(
        "unknown key", threePartyScenario(protocol: "  rounds: 20"), path: "protocol.rounds",
        mentions: "unknown key", "mechanism, parties, mediator, deadline, agents, default_agent, seed"),
    BrokenScenario(
        "alternating offers among three", threePartyScenario(protocol: "  mechanism: alternating"),
        path: "protocol.mechanism", mentions: "exactly 2", "not 3"),
    BrokenScenario(
        "offers with one party at the table", threePartyScenario(protocol: "  parties: [us]"),
        path: "protocol.parties", mentions: "at least 2", "not 1"),
    BrokenScenario(
        "a section that is not a mapping", threePartyScenario(protocol: "  - mediated"), path: "protocol",
        mentions: "expected a mapping"),
]

// MARK: Tests

@Suite struct ProtocolSectionTests {
    static func setup(_ section: String) throws -> SimulationSetup? {
        try ScenarioLoader.parseDocument(threePartyScenario(protocol: section), file: "test.yaml").simulation
    }

    static func bundledDocument(_ name: String) throws -> ScenarioDocument {
        try ScenarioLoader.loadDocument(path: try ScenarioLoader.bundledPath(name))
    }

    @Test func fullSectionReadsIntoTheSetup() throws {
        let setup = try Self.setup(
            """
              mechanism: mediated
              parties: [ukraine, us, europe]
              mediator: us
              deadline: {rounds: 20, seconds: 2.5}
              agents:
                us: conceder(ac=combi;T=0.95)
                ukraine: time-dependent(e=0.5)
              default_agent: linear
              seed: 42
            """)

        let expected = SimulationSetup(
            mechanism: .mediated, participants: ["ukraine", "us", "europe"], mediator: "us", rounds: 20,
            seconds: 2.5,
            agents: AgentAssignment([
                ("us", try AgentSpecification(parsing: "conceder(ac=combi;T=0.95)")),
                ("ukraine", try AgentSpecification(parsing: "time-dependent(e=0.5)")),
            ]),
            defaultAgent: try AgentSpecification(parsing: "linear"), seed: 42)
        #expect(setup == expected)
        #expect(setup?.agents.agent(for: "us")?.acceptance == .combi(0.95))
        #expect(setup?.agents.agent(for: "ukraine")?.exponent == 0.5)
    }

    @Test func omittedKeysStayUnsetForTheDefaults() throws {
        #expect(try Self.setup("  {}") == SimulationSetup())
        #expect(try Self.setup("  seed: 0") == SimulationSetup(seed: 0))
        #expect(try Self.setup("  deadline: {seconds: 1.5}") == SimulationSetup(seconds: 1.5))
        #expect(try Self.setup("  mediator: Neutral") == SimulationSetup(mediator: "neutral"))
        #expect(try Self.setup("  mechanism: SAOP") == SimulationSetup(mechanism: .saop))
        // A mediator is kept for a mechanism the command line may choose, though offers ignore it.
        #expect(try Self.setup("  mediator: europe") == SimulationSetup(mediator: "europe"))
    }

    @Test func documentWithoutTheSectionHasNoSetup() throws {
        let document = try ScenarioLoader.parseDocument(smallScenario())
        #expect(document.simulation == nil)
        #expect(try Self.setup("") == nil)  // `protocol:` with an empty value
    }

    @Test func jsonSectionReadsLikeYAML() throws {
        let yaml = try Self.setup("  mechanism: saop\n  parties: [europe, us]\n  agents: {us: linear}\n  seed: 7")
        let json = try ScenarioLoader.parseDocument(
            """
            {"accord": 1, "name": "Three parties",
             "issues": [{"id": "guarantee", "options": ["none", "article5_like"]}],
             "parties": [
               {"id": "us", "weights": {"guarantee": 1}, "values": {"guarantee": {"none": 1, "article5_like": 0}}},
               {"id": "ukraine", "weights": {"guarantee": 1}, "values": {"guarantee": {"none": 0, "article5_like": 1}}},
               {"id": "europe", "weights": {"guarantee": 1}, "values": {"guarantee": {"none": 0, "article5_like": 1}}}
             ],
             "protocol": {"mechanism": "saop", "parties": ["europe", "us"], "agents": {"us": "linear"}, "seed": 7}}
            """, file: "test.json"
        ).simulation
        #expect(yaml != nil)
        #expect(json == yaml)
    }

    @Test(arguments: brokenProtocols)
    func brokenSectionReportsOneProblemAtItsKeyPath(_ broken: BrokenScenario) throws {
        let found = problems(in: broken.text)
        #expect(found.count == 1, "\(found.map(\.description))")
        let problem = try #require(
            found.first { $0.path == broken.path }, "no problem at \(broken.path); found: \(found.map(\.description))")
        for fragment in broken.fragments {
            #expect(problem.message.contains(fragment), "'\(problem.message)' does not mention '\(fragment)'")
        }
    }

    @Test func problemsCarryTheirLineAndEveryOneIsReported() throws {
        let section = ["  mechanism: auction", "  parties: [us, us]", "  agents:", "    russia: boulware"]
        let found = problems(in: threePartyScenario(protocol: section.joined(separator: "\n")))
        #expect(
            found.map(\.description) == [
                "protocol.mechanism (line 20): unknown mechanism 'auction'; the mechanisms are alternating, saop, mediated",
                "protocol.parties[1] (line 21): 'us' is already at the table; each party takes one seat",
                "protocol.agents.russia (line 23): there is no party 'russia'; parties are: us, ukraine, europe",
            ])
    }

    // MARK: The bundled scenarios

    @Test func berlinSectionModelsTheMediatedTalksWithoutRussia() throws {
        let setup = try #require(try Self.bundledDocument("berlin-2025").simulation)
        let expected = SimulationSetup(
            mechanism: .mediated, participants: ["us", "ukraine", "europe"], mediator: "us", rounds: 20,
            agents: try AgentAssignment(parsing: "us=conceder,ukraine=boulware,europe=linear"), seed: 1)
        #expect(setup == expected)
    }

    @Test func jobOfferSectionIsAnAlternatingOffersNegotiation() throws {
        let document = try Self.bundledDocument("job-offer")
        let setup = try #require(document.simulation)
        let expected = SimulationSetup(
            mechanism: .alternating, participants: ["employer", "candidate"], rounds: 100,
            agents: try AgentAssignment(parsing: "candidate=boulware,employer=conceder"), seed: 1)
        #expect(setup == expected)
        let result = try setup.session(on: NegotiationDomain(scenario: document.scenario)).run()
        #expect(result.isAgreement)
    }

    /// Berlin's default run: the US drafts Article-5-like packages for ten rounds, Ukraine (boulware) objects to
    /// each, the offer lapses at the start of round 11, and the talks settle in round 18 on the European
    /// reassurance force — a package worse for all three than the Article-5-like draft of round 9.
    @Test func berlinDefaultRunOutlastsTheGuaranteeOffer() throws {
        let document = try Self.bundledDocument("berlin-2025")
        let scenario = document.scenario
        let setup = try #require(document.simulation)
        let domain = try NegotiationDomain(scenario: scenario)
        let result = try setup.session(on: domain).run()
        let guarantee = try #require(scenario.space.issueIndex(of: "guarantee"))
        let article5 = try level(scenario, "guarantee", "article5_like")
        let parties = ["us", "ukraine", "europe", "russia"].map { scenario.partyIndex(of: $0) }

        // The offer leaves the table at the start of round 11, with the talks still open.
        let expiries = result.trace.filter { $0.kind == .expire }
        #expect(expiries.map(\.round) == [11])
        #expect(expiries.first?.options == ["guarantee=article5_like"])
        let drafts = result.trace.filter { $0.kind == .offer }
        let draftsBefore = drafts.filter { $0.round <= 10 }
        #expect(draftsBefore.count == 10)
        #expect(draftsBefore.allSatisfy { domain.level(of: $0.outcome ?? 0, issue: guarantee) == article5 })
        #expect(
            drafts.filter { $0.round > 10 }.allSatisfy {
                domain.level(of: $0.outcome ?? 0, issue: guarantee) != article5
            })
        let ukraine = try #require(parties[1])
        #expect(
            draftsBefore.allSatisfy { draft in
                result.trace.contains { $0.round == draft.round && $0.party == ukraine && $0.kind == .object }
            })

        // The talks settle in round 18 of 20 on a lesser guarantee.
        #expect(result.ending == .agreement)
        #expect(result.round == 18)
        let agreement = try #require(result.agreement)
        #expect(
            scenario.space.describe(domain.outcome(agreement))
                == "guarantee=reassurance_force, territory=ukraine_keeps, army_cap=800, sanctions=phased_relief, "
                + "frozen_assets=us_led_fund")
        #expect(areClose(result.utilities, [0.7343333333333334, 0.7525, 0.679, 0.234], tolerance: 1e-9))

        // Every party at the table would have done better with the Article-5-like draft of round 9.
        let roundNine = try #require(draftsBefore.first { $0.round == 9 }?.outcome)
        for party in parties.prefix(3).compactMap({ $0 }) {
            #expect(domain.utilities[party][roundNine] > result.utilities[party])
        }
    }
}
