import Foundation
import Testing

/// The Berlin talks as mediated by the US, three parties at the table and the Article-5-like option lapsing after
/// round 10: the options fix every part of the session, whatever the scenario's protocol section says.
let berlinMediated = [
    "simulate", "berlin-2025", "--mechanism", "mediated", "--mediator", "us", "--parties", "us,ukraine,europe",
    "--rounds", "20", "--agents", "us=conceder,ukraine=boulware,europe=linear", "--seed", "1",
]

/// The job offer between a hard and a soft bargainer, alternating offers.
let jobOfferBilateral = [
    "simulate", "job-offer", "--mechanism", "alternating", "--parties", "candidate,employer", "--rounds", "100",
    "--agents", "candidate=boulware,employer=conceder",
]

/// `simulate` mistakes: exit 2 and one sentence on standard error naming the problem.
let badSimulateInvocations: [BadInvocation] = [
    BadInvocation(
        "unknown agent", ["simulate", "--agents", "us=genius"],
        mentions: "unknown agent 'genius'", "boulware", "tit-for-tat"),
    BadInvocation(
        "unknown mechanism", ["simulate", "--mechanism", "auction"],
        mentions: "'auction' is invalid for '--mechanism", "'alternating', 'saop' or 'mediated'"),
    BadInvocation(
        "agent for a party that does not exist", ["simulate", "--agents", "nato=boulware"],
        mentions: "--agents", "no party 'nato'", "us, ukraine, europe, russia"),
    BadInvocation(
        "agent for a party not at the table",
        ["simulate", "--parties", "us,ukraine,europe", "--agents", "russia=boulware"],
        mentions: "'russia' is not at the table"),
    BadInvocation(
        "unknown party at the table", ["simulate", "--parties", "us,atlantis"], mentions: "--parties", "'atlantis'"),
    BadInvocation("zero rounds", ["simulate", "--rounds", "0"], mentions: "--rounds must be at least 1, found 0"),
    BadInvocation("negative rounds", ["simulate", "--rounds=-5"], mentions: "--rounds must be at least 1"),
    BadInvocation(
        "two-party mechanism with four parties",
        ["simulate", "--mechanism", "alternating", "--parties", "us,ukraine,europe,russia"],
        mentions: "alternating-offers mechanism needs exactly 2 parties", "not 4"),
    BadInvocation(
        "mediator without mediation", ["simulate", "--mechanism", "saop", "--mediator", "us"],
        mentions: "--mediator applies to the mediated mechanism"),
    BadInvocation(
        "unknown mediator", ["simulate", "--mechanism", "mediated", "--mediator", "un"],
        mentions: "--mediator: there is no party 'un'"),
]

@Suite struct SimulateCLITests {
    /// Runs `accord` with a scratch trace file; returns the run and the trace file's text.
    private func runWithTrace(_ arguments: [String]) throws -> (run: ToolRun, trace: String) {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.url.appendingPathComponent("trace.jsonl").path
        let run = try AccordTool.run(arguments + ["--trace", path])
        let trace = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return (run, trace)
    }

    /// A trace file that cannot be created is an I/O failure: exit 1, one line naming the path and the reason, no
    /// report on standard output.
    @Test(arguments: [
        ("no-such-folder/trace.jsonl", "the folder does not exist or is not writable"), ("traces", "it is a folder"),
    ])
    func anUnwritableTraceFileFailsWithOne(name: String, reason: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        if name == "traces" { _ = try scratch.directory(name) }
        let path = scratch.url.appendingPathComponent(name).path
        let run = try AccordTool.run(["simulate", "--trace", path])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines == ["accord: --trace: cannot write '\(path)': \(reason)."])
    }

    @Test func defaultRunReportsTheTalksAndTheAbsentParty() throws {
        let run = try AccordTool.run(["simulate"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        #expect(run.stdout.hasPrefix("Berlin talks on guarantees for Ukraine (Dec 2025): simulated negotiation\n"))
        for heading in ["\nOutcome\n", "\nParties\n", "\nEfficiency and fairness\n", "\nTrace\n"] {
            #expect(run.stdout.contains(heading), "no \(heading)")
        }
        #expect(run.stdout.contains("Russia"))
    }

    @Test func mediatedBerlinShowsTheExpiryAndTheCounterfactual() throws {
        let run = try AccordTool.run(berlinMediated)
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Mediated single negotiating text between United States, Ukraine and Europe"))
        #expect(run.stdout.contains("Not at the table: Russia."))
        #expect(run.stdout.contains("not at the table; would reject it (margin -"))
        #expect(run.stdout.contains("guarantee=article5_like left the table"))
        #expect(run.stdout.contains("\nHad the expiring options stayed on the table\n"))
        #expect(run.stdout.contains("had the options stayed"))
    }

    @Test(arguments: ["text", "markdown", "json", "html"])
    func everyFormatRenders(_ format: String) throws {
        let run = try AccordTool.run(berlinMediated + ["--format", format])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty, "\(run)")
        switch format {
        case "markdown":
            #expect(
                run.stdout.hasPrefix("# Berlin talks on guarantees for Ukraine (Dec 2025): simulated negotiation\n"))
            #expect(run.stdout.contains("\n## Had the expiring options stayed on the table\n"))
            #expect(run.stdout.contains("| party | agent | utility | discounted | reservation | margin | verdict |"))
        case "json":
            _ = try #require(try parseJSON(run.stdout) as? [String: Any])
        case "html":
            #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n"))
            #expect(run.stdout.hasSuffix("</html>\n"))
            for id in ["chart-offer-history", "chart-offer-space"] {
                #expect(run.stdout.contains("<figure id=\"\(id)\">"), "no \(id)")
            }
            #expect(!run.stdout.contains("<script"))
        default:
            #expect(run.stdout.contains("\nExpiring options\n"))
        }
    }

    @Test func jsonHasEveryContractKeyWithItsType() throws {
        let run = try AccordTool.run(berlinMediated + ["--format", "json"])
        #expect(run.status == 0, "\(run)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        let agreement = try #require(json["agreement"] as? [String: Any], "agreement is not an object")
        #expect(Set(agreement.keys) == ["guarantee", "territory", "army_cap", "sanctions", "frozen_assets"])
        #expect(agreement["army_cap"] is NSNumber)
        #expect(json["round"] is Int)
        #expect(json["t"] is Double)
        let utilities = try #require(json["utilities"] as? [String: Double])
        #expect(Set(utilities.keys) == ["us", "ukraine", "europe", "russia"])
        let discounted = try #require(json["discountedUtilities"] as? [String: Double])
        #expect(Set(discounted.keys) == Set(utilities.keys))
        #expect(json["welfare"] is Double)
        #expect(json["paretoDistance"] is NSNumber)
        #expect(json["nashDistance"] is NSNumber)
        #expect(json["ending"] as? String == "agreement")
        #expect(json["mechanism"] as? String == "mediated")
        #expect(json["mediator"] as? String == "us")
        #expect(json["participants"] as? [String] == ["us", "ukraine", "europe"])
        #expect(json["agents"] as? [String: String] == ["us": "conceder", "ukraine": "boulware", "europe": "linear"])
        let deadline = try #require(json["deadline"] as? [String: Any])
        #expect(deadline["rounds"] as? Int == 20)
        #expect(deadline["seconds"] is NSNull)
        #expect(json["seed"] as? String == "1")
        let expired = try #require(json["expired"] as? [[String: Any]])
        #expect(expired.count == 1)
        #expect(expired.first?["round"] as? Int == 11)
        #expect(expired.first?["options"] as? [String] == ["guarantee=article5_like"])
        let parties = try #require(json["parties"] as? [[String: Any]])
        let russia = try #require(parties.first { $0["id"] as? String == "russia" })
        #expect(russia["atTable"] as? Bool == false)
        #expect(russia["agent"] is NSNull)
        #expect(russia["accepts"] as? Bool == false)
        let counterfactual = try #require(json["withoutExpiry"] as? [String: Any], "withoutExpiry is not an object")
        for key in ["ending", "agreement", "round", "t", "utilities", "discountedUtilities", "welfare"] {
            #expect(counterfactual[key] != nil, "withoutExpiry has no \(key)")
        }
        let trace = try #require(json["trace"] as? [[String: Any]])
        #expect(!trace.isEmpty)
    }

    @Test func jsonWithoutAgreementHasNulls() throws {
        let run = try AccordTool.run([
            "simulate", "job-offer", "--agents", "candidate=hardliner,employer=hardliner", "--rounds", "10",
            "--format", "json",
        ])
        #expect(run.status == 0, "\(run)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(json["ending"] as? String == "deadline")
        #expect(json["agreement"] is NSNull)
        #expect(json["paretoDistance"] is NSNull)
        #expect(json["nashDistance"] is NSNull)
        #expect(json["withoutExpiry"] is NSNull)
        #expect(json["expired"] as? [Any] != nil)
        #expect(json["round"] as? Int == 10)
        #expect(json["t"] as? Double == 1)
    }

    @Test func traceFileHoldsOneJSONObjectPerActionEndingAsTheTalks() throws {
        for arguments in [berlinMediated, jobOfferBilateral] {
            let (run, trace) = try runWithTrace(arguments + ["--format", "json"])
            #expect(run.status == 0, "\(run)")
            let report = try #require(try parseJSON(run.stdout) as? [String: Any])
            let lines = trace.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.last == "", "the file does not end with a newline")
            let events = try lines.dropLast().map { line in
                try #require(try parseJSON(String(line)) as? [String: Any], "not an object: \(line)")
            }
            #expect(events.count == (report["trace"] as? [Any])?.count)
            for event in events {
                for key in ["round", "t", "party", "action", "outcome", "utilities"] {
                    #expect(event[key] != nil, "no \(key) in \(event)")
                }
                let action = try #require(event["action"] as? String)
                #expect(["offer", "accept", "end", "expire", "object"].contains(action))
                if action == "object" { #expect(event["issue"] is String) }
                if action == "expire" { #expect(event["options"] is [String]) }
                if action == "offer" { #expect(event["outcome"] is [String: Any]) }
            }
            let last = try #require(events.last)
            switch report["ending"] as? String {
            case "agreement":
                #expect(last["action"] as? String == "accept")
                #expect((last["outcome"] as? NSDictionary) == (report["agreement"] as? NSDictionary))
                #expect(last["round"] as? Int == report["round"] as? Int)
            case "walkAway", "violation": #expect(last["action"] as? String == "end")
            default: #expect(last["action"] as? String != "end")
            }
        }
    }

    @Test func sameSeedGivesIdenticalOutputAndTrace() throws {
        let arguments = [
            "simulate", "job-offer", "--agents", "candidate=random,employer=tit-for-tat", "--seed", "42", "--format",
            "json",
        ]
        let first = try runWithTrace(arguments)
        let second = try runWithTrace(arguments)
        #expect(first.run.status == 0, "\(first.run)")
        #expect(first.run.stdout == second.run.stdout)
        #expect(first.trace == second.trace)
        #expect(!first.trace.isEmpty)
        for format in ["text", "html"] {
            let a = try AccordTool.run(berlinMediated + ["--format", format])
            let b = try AccordTool.run(berlinMediated + ["--format", format])
            #expect(a.stdout == b.stdout, "\(format) differs")
        }
    }

    @Test func seedReachesTheAgents() throws {
        let outputs = try (1...4).map { seed in
            try AccordTool.run([
                "simulate", "job-offer", "--agents", "candidate=random,employer=random", "--seed", String(seed),
                "--format", "json",
            ]).stdout
        }
        #expect(Set(outputs).count > 1, "four seeds gave the same talks")
    }

    @Test func commandLineOverridesTheScenario() throws {
        let run = try AccordTool.run(
            jobOfferBilateral + ["--mechanism", "saop", "--rounds", "30", "--seed", "9", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let json = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(json["mechanism"] as? String == "saop")
        #expect((json["deadline"] as? [String: Any])?["rounds"] as? Int == 30)
        #expect(json["seed"] as? String == "9")
        #expect(json["agents"] as? [String: String] == ["candidate": "boulware", "employer": "conceder"])
        #expect(json["participants"] as? [String] == ["candidate", "employer"])
    }

    @Test func listAgentsPrintsTheRegistry() throws {
        let run = try AccordTool.run(["simulate", "--list-agents"])
        #expect(run.status == 0, "\(run)")
        for name in ["boulware", "conceder", "linear", "hardliner", "tit-for-tat", "random", "nash-seeker"] {
            #expect(run.stdout.contains("\n\(name) ") || run.stdout.hasPrefix("\(name) "), "no \(name)")
        }
    }

    @Test(arguments: badSimulateInvocations)
    func badInputExitsWithTwoAndOneSentence(_ bad: BadInvocation) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let run = try AccordTool.run(try bad.arguments.map { try $0.resolve(in: scratch) }, timeout: .seconds(60))
        #expect(run.exited, "the tool crashed: \(run)")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderrLines.count == 1, "\(run)")
        let first = try #require(run.stderrLines.first, "nothing on standard error")
        #expect(first.hasPrefix("accord: "))
        for fragment in bad.fragments {
            #expect(first.contains(fragment), "'\(first)' does not mention '\(fragment)'")
        }
    }

    @Test func geniusFolderAndFilesSimulateAlike() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let files = try AccordTool.run([
            "simulate", "--domain", genius.domain, "--profile", genius.alice, "--profile", genius.bob, "--format",
            "json",
        ])
        #expect(files.status == 0, "\(files)")
        let json = try #require(try parseJSON(files.stdout) as? [String: Any])
        #expect(json["participants"] as? [String] == ["alice", "bob"])
        #expect(json["mechanism"] as? String == "alternating")
        let folder = try AccordTool.run(["simulate", genius.folder, "--format", "json"])
        #expect(folder.status == 0, "\(folder)")
        #expect(folder.stdout == files.stdout)
    }
}
