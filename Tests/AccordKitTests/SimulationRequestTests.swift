import AccordKit
import Foundation
import Synchronization
import Testing

@Suite struct SimulationRequestTests {
    /// `accord simulate job-offer --format json` before AccordKit printed these 59,008 bytes; these are its first
    /// lines of result.
    @Test func theJSONIsTheCommandLinesOutput() async throws {
        let json = try await SimulationRequest(source: .bundled("job-offer")).run().render(.json)
        #expect(json.utf8.count == 59_008)
        #expect(
            json.contains(
                """
                  "mechanism": "alternating",
                  "participants": ["employer", "candidate"],
                  "mediator": null,
                  "agents": {
                    "employer": "conceder",
                    "candidate": "boulware"
                  },
                """))
        #expect(
            json.contains(
                """
                  "round": 74,
                  "t": 0.7326732673267327,
                  "utilities": {
                    "candidate": 0.8825,
                    "employer": 0.45
                  },
                """))
        #expect(json.contains("\n  \"nashDistance\": 0.2952991068391505,\n"))
        #expect(json.contains("\n  \"traceTruncated\": false,\n  \"trace\": [\n"))
        let text = try await SimulationRequest(source: .bundled("job-offer")).run().render(.text)
        #expect(text.contains("147 actions; the first and the last 6 below (the whole trace is in the JSON report"))
    }

    /// The options override the scenario's protocol section; a table that leaves a party out sets its agent aside.
    @Test func optionsOverrideTheProtocolSection() async throws {
        let request = SimulationRequest(
            source: .bundled("berlin-2025"), parties: ["us", "ukraine"], rounds: 30, seed: 7)
        let result = try await request.run()
        let session = result.report.session
        #expect(session.configuration.mechanism == .mediated)
        #expect(session.configuration.mediator == .party(0))
        #expect(session.configuration.participants == [0, 1])
        #expect(session.configuration.deadline.rounds == 30)
        #expect(session.configuration.seed == 7)
        #expect(session.agentNames == ["conceder", "boulware"])
        #expect(
            result.report.notes.contains(
                "The scenario's agents for europe are set aside: --parties leaves that party out."))
        let saop = try await SimulationRequest(
            source: .bundled("berlin-2025"), mechanism: .saop, agents: "us=linear", parties: ["ukraine", "us"]
        ).run()
        #expect(saop.report.session.configuration.mechanism == .saop)
        #expect(saop.report.session.agentNames == ["boulware", "linear"])
    }

    @Test(
        arguments: [
            (SimulationRequest(parties: []), "--parties is empty; give party ids such as us, ukraine, europe, russia."),
            (
                SimulationRequest(parties: ["us", "atlantis"]),
                "--parties: there is no party 'atlantis'; parties are: us, ukraine, europe, russia."
            ),
            (SimulationRequest(parties: ["us", "us"]), "--parties: party 'us' is given twice."),
            (
                SimulationRequest(agents: "nato=boulware"),
                "--agents: there is no party 'nato'; parties are: us, ukraine, europe, russia."
            ),
            (
                SimulationRequest(agents: "russia=boulware"),
                "--agents: party 'russia' is not at the table (us, ukraine, europe); add it with --parties or leave "
                    + "its agent out."
            ),
            (
                SimulationRequest(mechanism: .saop, mediator: "us"),
                "--mediator applies to the mediated mechanism, not saop; add --mechanism mediated."
            ),
            (
                SimulationRequest(mediator: "un"),
                "--mediator: there is no party 'un'; name one of us, ukraine, europe, russia, or neutral."
            ),
            (SimulationRequest(rounds: 0), "--rounds must be at least 1, found 0."),
            (SimulationRequest(seconds: -1), "--seconds must be a positive number, found -1.0."),
            (
                SimulationRequest(mechanism: .alternating, parties: ["us", "ukraine", "europe"]),
                "the alternating-offers mechanism needs exactly 2 parties at the table, not 3."
            ),
            (SimulationRequest(agents: "us=genius"), "unknown agent 'genius'; the agents are "),
            (SimulationRequest(issues: ["nosuch"]), "--issues: "),
        ] as [(SimulationRequest, String)])
    func aBadRequestSaysWhyInOneSentence(request: SimulationRequest, sentence: String) async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        var request = request
        request.trace = .file(scratch.path + "/trace.jsonl")
        await #expect {
            try await request.run()
        } throws: { error in
            let accordError = error as? any AccordError
            return accordError?.exitStatus == .badInput && accordError?.sentence.hasPrefix(sentence) == true
        }
        // Every check runs before the trace file is created.
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/trace.jsonl"))
    }

    @Test func aTracePathThatCannotBeWrittenFailsBeforeTheRun() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        await #expect(throws: IOFailure("--trace: cannot write '\(scratch.path)'", reason: "it is a folder")) {
            try await SimulationRequest(trace: .file(scratch.path)).run()
        }
        let missing = scratch.path + "/no-such-folder/trace.jsonl"
        await #expect(
            throws: IOFailure(
                "--trace: cannot write '\(missing)'", reason: "the folder does not exist or is not writable")
        ) {
            try await SimulationRequest(trace: .file(missing)).run()
        }
    }

    /// The file and the monitor see every action, the same lines; the report's trace is the same actions.
    @Test func theTraceDestinationSeesEveryAction() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let monitor = RecordingMonitor()
        let request = SimulationRequest(
            source: .bundled("berlin-2025"),
            trace: TraceDestination(file: scratch.path + "/trace.jsonl", sendsToMonitor: true))
        let result = try await request.run(monitor: monitor)
        let lines = try scratch.lines(of: "trace.jsonl")
        #expect(lines.count == result.outcome.trace.actionCount)
        #expect(lines.map(String.init) == monitor.actions)
        #expect(lines == result.report.traceLines().split(separator: "\n"))
        #expect(lines.last?.contains("\"action\":\"accept\"") == true)
        // One report per round of the 20, the last when the talks ended: every round done.
        let progress = monitor.progress
        #expect(progress.first == RunProgress(done: 1, total: 20, unit: "rounds"))
        #expect(progress.last == RunProgress(done: 20, total: 20, unit: "rounds"))
        #expect(zip(progress, progress.dropFirst()).allSatisfy { $0.done < $1.done })
    }

    @Test func theListOfAgentsNamesEveryAgent() throws {
        let json = SimulationResult.agentList(.json)
        let entries = try #require(
            try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]])
        #expect(entries.map { $0["name"] } == AgentSpecification.registry.map(\.name))
        #expect(SimulationResult.agentList(.text).hasPrefix("boulware "))
    }

    @Test func parametersNameTheOptions() {
        let request = SimulationRequest(
            source: .bundled("job-offer"), mechanism: .saop, parties: ["candidate", "employer"], rounds: 30,
            seed: 9, trace: .file("t.jsonl"))
        let expected =
            #"{"scenario":{"bundled":"job-offer"},"mechanism":"saop","agents":null,"#
            + #""parties":["candidate","employer"],"mediator":null,"rounds":30,"seconds":null,"seed":"9","#
            + #""trace":{"file":"t.jsonl","monitor":false},"issues":null}"#
        #expect(request.parameters.serialized(indent: 0) == expected)
    }
}
