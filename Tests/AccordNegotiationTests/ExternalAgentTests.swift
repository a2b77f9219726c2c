import AccordCore
import AccordNegotiation
import Foundation
import Testing

/// A tiny external agent written by the test as a shell script: it logs every line it reads to its first argument
/// and answers settings with `ready`; `turn` is the shell `case` branch for its turns.
struct ScriptAgent {
    let folder: URL
    let script: URL
    var log: URL { folder.appendingPathComponent("log.jsonl") }

    init(
        turn: String, settings: String = "echo '{\"type\":\"ready\",\"version\":1}'",
        draft: String = "echo '{\"type\":\"accept\"}'"
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-agent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        script = folder.appendingPathComponent("agent.sh")
        let text = """
            log="$1"
            echo $$ > "$log.pid"
            while IFS= read -r line; do
              printf '%s\\n' "$line" >> "$log"
              case "$line" in
                *'"type":"settings"'*) \(settings) ;;
                *'"type":"turn"'*) \(turn) ;;
                *'"type":"draft"'*) \(draft) ;;
              esac
            done
            """
        try text.write(to: script, atomically: true, encoding: .utf8)
    }

    /// The agent's specification with a reply limit of `timeout` seconds.
    func specification(timeout: Double = 5) throws -> AgentSpecification {
        AgentSpecification.externalAgentsEnabled = true
        return try AgentSpecification(
            parsing: "external(command=\"/bin/sh '\(script.path)' '\(log.path)'\";timeout=\(timeout))")
    }

    /// The `type` of every line the agent read.
    func receivedTypes() throws -> [String] {
        try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return object?["type"] as? String ?? "?"
        }
    }

    /// Whether a process is gone (no such process, or a zombie nobody has reaped yet).
    static func isGone(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
        return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
    }

    /// The buyer played by this agent against a native seller on the five-price scenario.
    func runAsBuyer(seller: String = "boulware", timeout: Double = 5) throws -> SessionResult {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let configuration = SessionConfiguration(
            mechanism: .alternating, participants: [0, 1], deadline: try Deadline(rounds: 10))
        let session = try Session(
            domain: domain, configuration: configuration,
            agents: [try specification(timeout: timeout), try AgentSpecification(parsing: seller)])
        return session.run()
    }
}

@Suite struct ExternalAgentTests {
    static let offerBest =
        "case \"$line\" in *'\"offer\":null'*) echo '{\"type\":\"offer\",\"outcome\":{\"price\":\"p0\"}}' ;; *) echo '{\"type\":\"accept\"}' ;; esac"

    /// Round 1: the script offers p0, Boulware (t = 1/11, far from conceding) counters with p4; round 2: the script
    /// accepts. The script was told its settings, its turns, the seller's offer and the end, in that order.
    @Test func aScriptNegotiatesThroughTheProtocol() throws {
        let agent = try ScriptAgent(turn: Self.offerBest)
        let result = try agent.runAsBuyer()
        #expect(result.ending == .agreement)
        #expect(result.agreement == 4)
        #expect(result.round == 2)
        #expect(try agent.receivedTypes() == ["settings", "turn", "action", "turn", "end"])
        let settings = try String(contentsOf: agent.log, encoding: .utf8).split(separator: "\n")[0]
        #expect(settings.contains("\"party\":\"buyer\""))
        #expect(settings.contains("\"utilities\":[1,0.75,0.5,0.25,0]"))
        #expect(!settings.contains("[0,0.25,0.5,0.75,1]"))  // never the seller's utilities
        let pid = Int32(
            try String(contentsOf: URL(fileURLWithPath: agent.log.path + ".pid"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines))!
        #expect(ScriptAgent.isGone(pid))
    }

    /// `reveal=utilities` (ANL's information setting) adds the other party's utilities to the settings, under
    /// `others`, and nothing else about it: not its reservation value.
    @Test func revealSendsTheOtherPartysUtilitiesOnly() throws {
        let agent = try ScriptAgent(turn: Self.offerBest)
        var buyer = try agent.specification()
        buyer.command?.revealsUtilities = true
        #expect(buyer.description.hasSuffix(";timeout=5.0;reveal=utilities)"))
        #expect(try AgentSpecification(parsing: buyer.description) == buyer)
        let session = try Session(
            domain: try NegotiationDomain(scenario: try priceScenario(reservations: (0, 0.3))),
            configuration: SessionConfiguration(
                mechanism: .alternating, participants: [0, 1], deadline: try Deadline(rounds: 10)),
            agents: [buyer, try AgentSpecification(parsing: "boulware")])
        #expect(session.run().ending == .agreement)
        let settings = try String(contentsOf: agent.log, encoding: .utf8).split(separator: "\n")[0]
        #expect(settings.hasSuffix(",\"others\":[{\"party\":\"seller\",\"utilities\":[0,0.25,0.5,0.75,1]}]}"))
        #expect(!settings.contains("0.3"))
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "external(command=x;reveal=all)") }
    }

    @Test func aCrashEndsTheTalksAsAFailure() throws {
        let result = try ScriptAgent(turn: "exit 3").runAsBuyer()
        guard case .agentFailed(let party, let reason) = result.ending else {
            Issue.record("expected a failure, got \(result.ending)")
            return
        }
        #expect(party == 0)
        #expect(reason == "exited with status 3 instead of answering")
        #expect(result.agreement == nil)
    }

    /// The script starts a child that sleeps for a minute and waits for it: after the one-second limit the session
    /// ends, and neither the script nor its child is left running.
    @Test func aHangPastTheLimitIsStoppedWithItsChildren() throws {
        let agent = try ScriptAgent(turn: "sleep 60 & echo $! > \"$log.child\"; wait")
        let clock = ContinuousClock()
        let start = clock.now
        let result = try agent.runAsBuyer(timeout: 1)
        #expect(clock.now - start < .seconds(5))
        #expect(result.ending == .agentFailed(party: 0, reason: "did not answer within 1 s"))
        for file in [".pid", ".child"] {
            let text = try String(contentsOf: URL(fileURLWithPath: agent.log.path + file), encoding: .utf8)
            let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))!
            var gone = ScriptAgent.isGone(pid)
            for _ in 0..<100 where !gone {
                usleep(20_000)
                gone = ScriptAgent.isGone(pid)
            }
            #expect(gone, "process \(pid) (\(file)) outlived its negotiation")
        }
    }

    @Test func malformedJSONFails() throws {
        let result = try ScriptAgent(turn: "echo '{\"type\": oops'").runAsBuyer()
        #expect(
            result.ending
                == .agentFailed(
                    party: 0,
                    reason: "answered with a line that is not a reply object (JSON with a string 'type'): "
                        + "'{\"type\": oops'"))
    }

    @Test func anOverLongLineFails() throws {
        let result = try ScriptAgent(turn: "head -c 70000 /dev/zero | tr '\\000' a; echo").runAsBuyer()
        #expect(result.ending == .agentFailed(party: 0, reason: "wrote a line longer than 65536 bytes"))
    }

    @Test func aLineNobodyAskedForFails() throws {
        let twice = "echo '{\"type\":\"ready\"}'; echo '{\"type\":\"ready\"}'"
        let result = try ScriptAgent(turn: "echo '{\"type\":\"end\"}'", settings: twice).runAsBuyer()
        guard case .agentFailed(_, let reason) = result.ending else {
            Issue.record("expected a failure, got \(result.ending)")
            return
        }
        // Which check sees the extra line depends on when it arrives: with the first, before the next request, or
        // as the answer to the next request.
        let reasons = [
            "wrote more than one line for one request", "wrote a line it was not asked for",
            "answered 'ready' where it should answer offer, accept or end",
        ]
        #expect(reasons.contains(reason))
    }

    @Test func unknownOptionsAndProgramsFail() throws {
        let wrong = try ScriptAgent(turn: "echo '{\"type\":\"offer\",\"outcome\":{\"price\":\"p9\"}}'").runAsBuyer()
        #expect(wrong.ending == .agentFailed(party: 0, reason: "offered 'p9', not an option of issue 'price'"))
        AgentSpecification.externalAgentsEnabled = true
        let missing = try AgentSpecification(parsing: "external(command=\"no-such-program-accord\")")
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let session = try Session(
            domain: domain,
            configuration: SessionConfiguration(
                mechanism: .alternating, participants: [0, 1], deadline: try Deadline(rounds: 5)),
            agents: [missing, try AgentSpecification(parsing: "linear")])
        let reason = "could not be started ('no-such-program-accord': No such file or directory)"
        #expect(session.run().ending == .agentFailed(party: 0, reason: reason))
    }

    /// In the mediated mechanism the script answers drafts: accepting every one agrees on the first draft both accept;
    /// objecting to an issue it names is passed on, and an unknown issue fails it.
    @Test func aScriptAnswersTheMediatorsDrafts() throws {
        let domain = try NegotiationDomain(scenario: try priceScenario())
        let configuration = SessionConfiguration(
            mechanism: .mediated, participants: [0, 1], deadline: try Deadline(rounds: 10))
        let agreeable = try ScriptAgent(turn: "exit 9")
        let agreed = try Session(
            domain: domain, configuration: configuration,
            agents: [try agreeable.specification(), try AgentSpecification(parsing: "linear")]
        ).run()
        #expect(agreed.ending == .agreement)
        #expect(try agreeable.receivedTypes().first == "settings")
        #expect(try agreeable.receivedTypes().contains("draft"))
        let confused = try ScriptAgent(turn: "exit 9", draft: "echo '{\"type\":\"object\",\"issue\":\"colour\"}'")
        let failed = try Session(
            domain: domain, configuration: configuration,
            agents: [try confused.specification(), try AgentSpecification(parsing: "linear")]
        ).run()
        #expect(failed.ending == .agentFailed(party: 0, reason: "objected to an unknown issue 'colour'"))
    }

    /// Two competitors, each in both roles: the crashing script's negotiations are recorded as failed, with the
    /// party and the reason, and the tournament goes on.
    @Test func aTournamentRecordsACrashingAgentAndGoesOn() async throws {
        let crash = try ScriptAgent(turn: "exit 3")
        let tournament = Tournament(
            name: "t",
            competitors: [
                .init(id: "linear", agent: try AgentSpecification(parsing: "linear")),
                .init(id: "crash", agent: try crash.specification()),
            ],
            entries: [.init(name: "price", scenario: try priceScenario())], deadline: try Deadline(rounds: 10),
            selfPlay: false)
        let runner = try TournamentRunner(tournament: tournament)
        let records = try tournament.plan().map(runner.play)
        #expect(records.map(\.ending) == ["failed", "failed"])
        #expect(records.map(\.endedBy) == ["seller", "buyer"])
        #expect(
            records[0].reason == "the agent of party 'seller' exited with status 3 instead of answering")
    }

    @Test func specificationsReadAndPrintBack() throws {
        AgentSpecification.externalAgentsEnabled = true
        let specification = try AgentSpecification(
            parsing: "external(command=\"python3 'my agent.py' --fast\"; timeout=2.5)")
        #expect(specification.command?.arguments == ["python3", "my agent.py", "--fast"])
        #expect(specification.command?.replyLimit == 2.5)
        #expect(specification.description == "external(command=\"python3 'my agent.py' --fast\";timeout=2.5)")
        #expect(try AgentSpecification(parsing: specification.description) == specification)
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "external(timeout=2)") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "external(command=\"a 'b\")") }
        #expect(throws: NegotiationError.self) { try AgentSpecification(parsing: "external(command=x;speed=2)") }
        #expect(try ExternalCommand.words(of: #"a "b c" d\ e 'f"g'"#) == ["a", "b c", "d e", "f\"g"])
    }
}
