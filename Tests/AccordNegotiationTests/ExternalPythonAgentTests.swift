import AccordCore
import AccordNegotiation
import Foundation
import Testing

/// Python agents through the external-agent protocol: the SDK's example (needs python3: skipped without it, failed in
/// CI) and NegMAS negotiators through the adapter (need `ACCORD_PYTHON`, a Python with accord-agents and NegMAS, which
/// scripts/ci/python-agent-tests.sh sets; skipped without it).
@Suite struct ExternalPythonAgentTests {
    static let environment = ProcessInfo.processInfo.environment
    static let isCI = environment["CI"] == "true"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let python3 = (environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/python3" }
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    static let negmasPython = environment["ACCORD_PYTHON"]

    /// An external agent running a Python module with the SDK on its path.
    static func agent(_ python: String, _ module: String, _ arguments: String = "") throws -> AgentSpecification {
        AgentSpecification.externalAgentsEnabled = true
        let sdk = root.appendingPathComponent("python").path
        return try AgentSpecification(
            parsing: "external(command=\"/usr/bin/env PYTHONPATH='\(sdk)' '\(python)' -m \(module) \(arguments)\";"
                + "timeout=60;startup=60)")
    }

    static func run(_ buyer: AgentSpecification, _ seller: AgentSpecification, rounds: Int = 10) throws
        -> SessionResult
    {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let configuration = SessionConfiguration(
            mechanism: .alternating, participants: [0, 1], deadline: try Deadline(rounds: rounds))
        return try Session(domain: domain, configuration: configuration, agents: [buyer, seller]).run()
    }

    /// The SDK's linear conceder against Accord's linear agent: both concede from 1 to 0 as t, so they meet in the
    /// middle (p2) — in round 3 of 4, where Accord's own linear agents meet (MechanismTests, worked by hand).
    @Test(.enabled(if: python3 != nil || isCI, "python3 is not on the PATH"))
    func theSDKsConcederMeetsAccordsLinearAgent() throws {
        let python = try #require(Self.python3, "python3 is required in CI")
        let result = try Self.run(
            Self.agent(python, "accord_agents.examples.conceder", "1"), try AgentSpecification(parsing: "linear"),
            rounds: 4)
        #expect(result.ending == .agreement)
        #expect(result.agreement == 2)
        #expect(result.round == 3)
    }

    /// NegMAS's Boulware (through the adapter) against Accord's conceder reaches an agreement, no agent fails.
    @Test(.enabled(if: negmasPython != nil, "set ACCORD_PYTHON to a Python with accord-agents and NegMAS"))
    func aNegMASNegotiatorPlaysThroughTheAdapter() throws {
        let python = try #require(Self.negmasPython)
        let result = try Self.run(
            Self.agent(python, "accord_agents.negmas_adapter", "negmas.sao.BoulwareTBNegotiator"),
            try AgentSpecification(parsing: "conceder"), rounds: 20)
        #expect(result.ending == .agreement)
        #expect(result.agreement != nil)
    }

    /// A tournament mixing Accord's agents, the SDK's example and a NegMAS negotiator plays every negotiation.
    @Test(.enabled(if: negmasPython != nil, "set ACCORD_PYTHON to a Python with accord-agents and NegMAS"))
    func aMixedTournamentPlaysEveryNegotiation() throws {
        let python = try #require(Self.negmasPython)
        let tournament = Tournament(
            name: "mixed",
            competitors: [
                .init(id: "boulware", agent: try AgentSpecification(parsing: "boulware")),
                .init(id: "sdk-conceder", agent: try Self.agent(python, "accord_agents.examples.conceder")),
                .init(
                    id: "negmas-conceder",
                    agent: try Self.agent(python, "accord_agents.negmas_adapter", "negmas.sao.ConcederTBNegotiator")),
            ],
            entries: [.init(name: "price", scenario: try priceScenario())], deadline: try Deadline(rounds: 20),
            selfPlay: false)
        let runner = try TournamentRunner(tournament: tournament)
        let records = try tournament.plan().map(runner.play)
        #expect(records.count == 6)
        #expect(records.allSatisfy { $0.ending != "failed" }, "\(records.compactMap(\.reason))")
    }
}
