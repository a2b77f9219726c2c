import AccordFormats
import AccordNegotiation
import Foundation
import Testing

@Suite struct TournamentLoaderTests {
    let base = """
        accord_tournament: 1
        name: T
        agents: [boulware, {id: fast, agent: "conceder(ac=combi;T=0.9)"}]
        scenarios: [job-offer, {name: job2, bundled: job-offer}]
        mechanism: alternating
        deadline: {rounds: 200}
        repetitions: 3
        roles: fixed
        self_play: false
        seed: 9
        time_limit: 5
        """

    @Test func readsEveryKey() throws {
        let specification = try TournamentLoader.parse(base)
        let tournament = specification.tournament
        #expect(tournament.name == "T")
        #expect(tournament.competitors.map(\.id) == ["boulware", "fast"])
        #expect(tournament.competitors[1].agent.acceptance == .combi(0.9))
        #expect(tournament.entries.map(\.name) == ["job-offer", "job2"])
        #expect(tournament.deadline.rounds == 200)
        #expect(tournament.repetitions == 3)
        #expect(tournament.roles == .fixed)
        #expect(!tournament.selfPlay)
        #expect(tournament.seed == 9)
        #expect(tournament.timeLimit == 5)
        #expect(try tournament.plan().count == 2 * 1 * 3)
        #expect(specification.fingerprint.count == 16)
    }

    @Test func fingerprintFollowsThePlan() throws {
        let a = try TournamentLoader.parse(base).fingerprint
        #expect(try TournamentLoader.parse(base + "\n").fingerprint == a)
        #expect(try TournamentLoader.parse(base.replacingOccurrences(of: "seed: 9", with: "seed: 8")).fingerprint != a)
        #expect(
            try TournamentLoader.parse(base.replacingOccurrences(of: "repetitions: 3", with: "repetitions: 4"))
                .fingerprint != a)
    }

    @Test(arguments: [
        ("accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\n", "deadline: is missing"),
        (
            "accord_tournament: 2\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\n",
            "accord_tournament"
        ),
        (
            "accord_tournament: 1\nagents: [bulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\n",
            "unknown agent 'bulware'"
        ),
        (
            "accord_tournament: 1\nagents: [boulware]\nscenarios: [nowhere]\ndeadline: {rounds: 5}\n",
            "'nowhere' is neither"
        ),
        ("accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 0}\n", "at least 1"),
        (
            "accord_tournament: 1\nagents: [boulware, boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\n",
            "listed twice"
        ),
        (
            "accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\nroles: some\n",
            "roles"
        ),
        (
            "accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\ncolour: red\n",
            "unknown key"
        ),
        ("accord_tournament: 1\nagents: [boulware]\nscenarios: [berlin-2025]\ndeadline: {rounds: 5}\n", "exactly 2"),
        (
            "accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\nself_play: false\n",
            "self-play is off"
        ),
        ("accord_tournament: 1\nagents: [boulware]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\nseed: -1\n", "seed"),
    ])
    func badSpecifications(text: String, fragment: String) {
        do {
            _ = try TournamentLoader.parse(text, file: "t.yaml")
            Issue.record("accepted a bad specification")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.hasPrefix("t.yaml"))
        }
    }

    /// Agents and scenarios are named in their key paths, as parties are in a scenario's.
    @Test func keyPathsNameTheAgentsAndScenarios() throws {
        let text = """
            accord_tournament: 1
            agents: [boulware, {id: fast, agent: "conceder(x=1)"}]
            scenarios: [job-offer, {name: atlantis, path: atlantis.yaml}]
            deadline: {rounds: 5}
            """
        let error = try #require(throws: ScenarioError.self) { try TournamentLoader.parse(text, file: "t.yaml") }
        guard case .invalid(_, let problems) = error else {
            Issue.record("expected invalid, got \(error)")
            return
        }
        #expect(problems.map(\.path) == ["agents[1] (fast)", "scenarios[1] (atlantis)"])
    }

    @Test func scenarioFilesAreRelativeToTheSpecification() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-tl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try String(contentsOfFile: ScenarioLoader.bundledPath("job-offer"), encoding: .utf8)
        try scenario.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let spec = folder.appendingPathComponent("spec.yaml")
        try "accord_tournament: 1\nagents: [linear]\nscenarios: [mine.yaml]\ndeadline: {rounds: 5}\n".write(
            to: spec, atomically: true, encoding: .utf8)
        let loaded = try TournamentLoader.load(path: spec.path)
        #expect(loaded.tournament.entries.map(\.name) == ["mine"])
        // Editing the scenario file changes the fingerprint.
        try (scenario + "\n# edited\n").write(
            to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        #expect(try TournamentLoader.load(path: spec.path).fingerprint != loaded.fingerprint)
    }

    /// A 10 MB agent id (it never finished before #15) is one short problem naming the field, found at once; so is
    /// a 10 MB agent specification given alone (then also its id).
    @Test(arguments: [false, true])
    func aTenMegabyteAgentIdIsOneShortProblem(alone: Bool) throws {
        let long = String(repeating: "a", count: 10_000_000)
        let agent = alone ? "\"boulware(\(long))\"" : "{id: \(long), agent: boulware}"
        let text = "accord_tournament: 1\nagents: [\(agent), linear]\nscenarios: [job-offer]\ndeadline: {rounds: 5}\n"
        let start = ContinuousClock.now
        let error = try #require(throws: ScenarioError.self) { try TournamentLoader.parse(text, file: "t.yaml") }
        #expect(ContinuousClock.now - start < .seconds(20))
        let cut = String(repeating: "a", count: alone ? 31 : 40)
        #expect(
            error.description
                == (alone
                    ? "t.yaml: agents[0] (boulware(\(cut)…) (line 2): the agent specification 'boulware(\(cut)…' is "
                        + "10,000,010 characters long; one has at most 256."
                    : "t.yaml: agents[0] (\(cut)…).id (line 2): the identifier '\(cut)…' is 10,000,000 characters "
                        + "long; an identifier has at most 256."))
    }

    /// Agent parameters outside their range, or not numbers at all, are one sentence naming the agent and key.
    @Test(arguments: [
        ("conceder(e=1e308)", "parameter 'e' must be a number from 0.0 to 100.0, not '1e308'"),
        ("conceder(e=-1)", "parameter 'e' must be a number from 0.0 to 100.0, not '-1'"),
        ("conceder(e=nan)", "not 'nan'"),
        ("conceder(ac=const;c=2)", "parameter 'c' must be a number from 0.0 to 1.0, not '2'"),
        ("linear(window=-0.5)", "parameter 'window' must be a number from 0.0 to 1.0"),
        ("linear(T=\(String(repeating: "9", count: 200)))", "not '9999999999999999999999999999999999999999…'"),
    ])
    func agentParametersOutOfRangeAreOneSentence(agent: String, message: String) {
        let text = """
            accord_tournament: 1
            agents: ["\(agent)", linear2]
            scenarios: [job-offer]
            deadline: {rounds: 5}
            """
        #expect {
            try TournamentLoader.parse(text.replacingOccurrences(of: "linear2", with: "boulware"), file: "t.yaml")
        } throws: { error in
            let description = "\(error)"
            return description.contains(message) && description.count < 250 && !description.contains("\n")
        }
    }
}
