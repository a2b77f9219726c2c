import AccordCore
import AccordFormats
import AccordNegotiation
import Testing

@Test func smokeJobOffer() throws {
    let scenario = try ScenarioLoader.bundled("job-offer")
    let domain = try NegotiationDomain(scenario: scenario)
    for agents in [
        "candidate=boulware,employer=conceder", "candidate=conceder,employer=conceder",
        "candidate=boulware,employer=boulware", "candidate=tit-for-tat,employer=conceder",
        "candidate=random,employer=linear", "candidate=nash-seeker,employer=boulware",
    ] {
        let setup = SimulationSetup(rounds: 100, agents: try AgentAssignment(parsing: agents))
        let session = try setup.session(on: domain)
        let result = session.run()
        let reference = try NegotiationReference(domain: domain, participants: result.participants)
        let metrics = reference.metrics(of: result, in: domain)
        print(agents, result.ending, result.round, result.t, result.utilities, metrics, result.trace.count)
    }
    let berlin = try ScenarioLoader.bundled("berlin-2025")
    let bd = try NegotiationDomain(scenario: berlin)
    for mech in ["mediated", "saop"] {
        let setup = SimulationSetup(
            mechanism: try MechanismKind(name: mech), participants: ["us", "ukraine", "europe"], mediator: "us",
            rounds: 30, agents: try AgentAssignment(parsing: "us=conceder,ukraine=boulware,europe=linear"))
        let result = try setup.session(on: bd).run()
        print(
            mech, result.ending, result.round, result.agreement.map { berlin.space.describe(bd.outcome($0)) } ?? "-",
            result.utilities)
        for e in result.trace.prefix(40) {
            print(
                e.round, e.party.map { berlin.parties[$0].id } ?? "-", e.kind,
                e.outcome.map { berlin.space.describe(bd.outcome($0)) } ?? "",
                e.issue.map { berlin.issues[$0].id } ?? "", e.options)
        }
    }
}
