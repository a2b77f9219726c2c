import AccordFormats
import AccordNegotiation
import Testing

/// Tournament entries `{id, command, args, timeout, startup}`: external agents (docs/agents.md).
@Suite struct ExternalAgentEntryTests {
    static func specification(_ entry: String) -> String {
        """
        accord_tournament: 1
        agents: [linear, \(entry)]
        scenarios: [job-offer]
        deadline: {rounds: 5}
        """
    }

    static func problem(_ entry: String) -> String {
        do {
            _ = try TournamentLoader.parse(specification(entry), file: "t.yaml")
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func anEntryWithACommandIsAnExternalAgent() throws {
        AgentSpecification.externalAgentsEnabled = true
        let loaded = try TournamentLoader.parse(
            Self.specification("{id: mine, command: python3, args: ['my agent.py', '--fast'], timeout: 2, startup: 40}")
        )
        let competitor = try #require(loaded.tournament.competitors.last)
        #expect(competitor.id == "mine")
        #expect(competitor.agent.command?.arguments == ["python3", "my agent.py", "--fast"])
        #expect(competitor.agent.command?.replyLimit == 2)
        #expect(competitor.agent.command?.startupLimit == 40)
        #expect(competitor.agent.command?.revealsUtilities == false)
        let revealing = try TournamentLoader.parse(
            Self.specification("{id: anl, command: python3, args: [a.py], reveal: utilities}"))
        #expect(revealing.tournament.competitors.last?.agent.command?.revealsUtilities == true)
    }

    @Test func badEntries() {
        AgentSpecification.externalAgentsEnabled = true
        #expect(Self.problem("{command: python3}").contains("agents[1] (python3).id: is missing"))
        #expect(Self.problem("{id: x, command: python3, timeout: 0}").contains("'timeout'"))
        #expect(Self.problem("{id: x, command: python3, colour: red}").contains("colour"))
        #expect(Self.problem("{id: x, command: python3, reveal: all}").contains("agents[1] (x).reveal"))
        let args = Self.problem("{id: x, command: python3, args: a.py}")
        #expect(args.contains("agents[1] (x).args (line 2): expected a list"))
    }

    @Test func aLongCommandIsAcceptedUpToItsOwnLimit() throws {
        AgentSpecification.externalAgentsEnabled = true
        let path = "/home/someone/" + String(repeating: "deep/", count: 60) + "agent.py"
        #expect(path.count > 256)
        #expect(Self.problem("{id: x, command: python3, args: ['\(path)']}") == "accepted")
        let huge = String(repeating: "a", count: 5_000)
        let refused = Self.problem("{id: x, command: python3, args: ['\(huge)']}")
        #expect(refused.contains("agents[1] (x).command") && refused.contains("at most 4,096"), "\(refused)")
        #expect(refused.count < 400)
    }
}
