import AccordCore
import AccordFormats
import AccordNegotiation

/// One issue, five prices: the buyer prefers low, the seller high, values 1, .75, .5, .25, 0 (and reversed).
func priceScenario(reservations: (Double, Double) = (0, 0), discount: Double? = nil, expiry: Int? = nil) throws
    -> Scenario
{
    let expiryText = expiry.map { ", available_until: {round: \($0)}" } ?? ""
    let discountText = discount.map { "\n    discount: \($0)" } ?? ""
    return try ScenarioLoader.parse(
        """
        accord: 1
        name: Price
        issues:
          - id: price
            options:
              - {id: p0\(expiryText)}
              - {id: p1}
              - {id: p2}
              - {id: p3}
              - {id: p4}
        parties:
          - id: buyer
            reservation: \(reservations.0)\(discountText)
            weights: {price: 1}
            values: {price: {p0: 1, p1: 0.75, p2: 0.5, p3: 0.25, p4: 0}}
          - id: seller
            reservation: \(reservations.1)\(discountText)
            weights: {price: 1}
            values: {price: {p0: 0, p1: 0.25, p2: 0.5, p3: 0.75, p4: 1}}
        """)
}

/// Three parties over two issues (25 outcomes) with partly opposed preferences.
func threePartyScenario() throws -> Scenario {
    try ScenarioLoader.parse(
        """
        accord: 1
        name: Three
        issues:
          - {id: x, options: [x0, x1, x2, x3, x4]}
          - {id: y, options: [y0, y1, y2, y3, y4]}
        parties:
          - id: a
            weights: {x: 0.7, y: 0.3}
            values: {x: {x0: 1, x1: 0.8, x2: 0.5, x3: 0.2, x4: 0}, y: {y0: 0, y1: 0.25, y2: 0.5, y3: 0.75, y4: 1}}
          - id: b
            weights: {x: 0.4, y: 0.6}
            values: {x: {x0: 0, x1: 0.3, x2: 0.6, x3: 0.9, x4: 1}, y: {y0: 1, y1: 0.8, y2: 0.5, y3: 0.3, y4: 0}}
          - id: c
            weights: {x: 0.5, y: 0.5}
            values: {x: {x0: 0.2, x1: 1, x2: 0.6, x3: 0.4, x4: 0}, y: {y0: 0, y1: 0.5, y2: 1, y3: 0.5, y4: 0}}
        """)
}

func run(
    _ scenario: Scenario, _ agents: String, rounds: Int = 100, mechanism: MechanismKind? = nil, seed: UInt64 = 1,
    mediator: String? = nil, participants: [String]? = nil
) throws -> SessionResult {
    let domain = try NegotiationDomain(scenario: scenario)
    let setup = SimulationSetup(
        mechanism: mechanism, participants: participants, mediator: mediator, rounds: rounds,
        agents: try AgentAssignment(parsing: agents), seed: seed)
    return try setup.session(on: domain).run()
}

/// An agent that plays a fixed script of actions (then repeats the last), to test the mechanisms' rules.
struct ScriptedAgent: NegotiationAgent {
    var actions: [Action]
    var replies: [DraftReply] = []
    var turn = 0

    mutating func respond(to state: TurnState, generator: inout SeededGenerator) -> Action {
        defer { turn += 1 }
        return actions[min(turn, actions.count - 1)]
    }

    mutating func reply(toDraft draft: Int, state: TurnState, generator: inout SeededGenerator) -> DraftReply {
        defer { turn += 1 }
        return replies[min(turn, replies.count - 1)]
    }
}

func scripted(
    _ domain: NegotiationDomain, mechanism: MechanismKind, rounds: Int, _ scripts: [[Action]],
    replies: [[DraftReply]]? = nil
) throws -> SessionResult {
    let configuration = SessionConfiguration(
        mechanism: mechanism, participants: Array(scripts.indices), deadline: try Deadline(rounds: rounds))
    let makers: [@Sendable (AgentSetup) -> any NegotiationAgent] = scripts.indices.map { k in
        let actions = scripts[k]
        let reply = replies?[k] ?? [.accept]
        return { _ in ScriptedAgent(actions: actions, replies: reply) }
    }
    return try Session(
        domain: domain, configuration: configuration, names: scripts.indices.map { "script\($0)" }, makers: makers
    ).run()
}

enum ScenarioLoaderFixture {
    static func jobOffer() throws -> Scenario { try ScenarioLoader.bundled("job-offer") }
}
