import Foundation
import Testing

// MARK: Fixtures

/// A valid two-issue scenario with 22 outcomes and one party.
let exampleScenario = """
    accord: 1
    name: CLI example
    issues:
      - id: guarantee
        options: [none, article5_like]
      - id: army_cap
        range: [400, 900]
        step: 50
    parties:
      - id: us
        reservation: 0.3
        weights: {guarantee: 0.6, army_cap: 0.4}
        values:
          guarantee: {none: 1.0, article5_like: 0.4}
          army_cap: {piecewise: [[400, 0.0], [900, 1.0]]}
    """

/// Two parties with opposed preferences on three issues: 27 outcomes, no option dominated on its issue.
let opposedScenario = """
    accord: 1
    name: Opposed
    issues:
      - {id: a, options: [x, y, z]}
      - {id: b, options: [x, y, z]}
      - {id: c, options: [x, y, z]}
    parties:
      - id: p
        weights: {a: 0.4, b: 0.3, c: 0.3}
        values: {a: {x: 0, y: 0.5, z: 1}, b: {x: 0, y: 0.5, z: 1}, c: {x: 0, y: 0.5, z: 1}}
      - id: q
        weights: {a: 0.3, b: 0.3, c: 0.4}
        values: {a: {x: 1, y: 0.5, z: 0}, b: {x: 1, y: 0.5, z: 0}, c: {x: 1, y: 0.5, z: 0}}
    """

/// Three independent problems: a wrong version, a weight for a missing issue and a value above 1.
let threeProblemScenario = """
    accord: 2
    name: Three problems
    issues:
      - id: guarantee
        options: [none, article5_like]
    parties:
      - id: us
        weights: {guarantee: 1, territory: 0.5}
        values:
          guarantee: {none: 1.0, article5_like: 1.4}
    """

/// ``exampleScenario`` with another definition of its `army_cap` range.
func scenario(withArmyCap range: String) -> String {
    exampleScenario.replacingOccurrences(of: "range: [400, 900]\n    step: 50", with: range)
}

/// Badly indented YAML: line 5 is indented less than the key above it.
let badlyIndentedScenario = "accord: 1\nname: x\nissues:\n  - id: a\n   bad: 1\n"

/// An argument of a CLI invocation: literal text, or a path made in a scratch directory when the test runs.
enum Argument: Sendable, CustomStringConvertible {
    case text(String)
    case file(name: String, contents: String)
    case missingFile(name: String)
    case directory(name: String)

    var description: String {
        switch self {
        case .text(let text): text
        case .file(let name, _), .missingFile(let name): "<tmp>/\(name)"
        case .directory(let name): "<tmp>/\(name)/"
        }
    }

    func resolve(in scratch: ScratchDirectory) throws -> String {
        switch self {
        case .text(let text): text
        case .file(let name, let contents): try scratch.file(name, contents)
        case .missingFile(let name): scratch.url.appendingPathComponent(name).path
        case .directory(let name): try scratch.directory(name)
        }
    }
}

extension Argument: ExpressibleByStringLiteral {
    init(stringLiteral value: String) { self = .text(value) }
}

/// A bad invocation: the tool must exit with 2 and say what is wrong in one line on standard error.
struct BadInvocation: Sendable, CustomTestStringConvertible {
    var label: String
    var arguments: [Argument]
    var fragments: [String]

    var testDescription: String { "\(label): accord \(arguments.map(\.description).joined(separator: " "))" }

    init(_ label: String, _ arguments: [Argument], mentions fragments: String...) {
        self.label = label
        self.arguments = arguments
        self.fragments = fragments
    }
}

let badInvocations: [BadInvocation] = [
    BadInvocation(
        "missing file", ["analyze", .missingFile(name: "missing.yaml")], mentions: "missing.yaml", "no such file"),
    BadInvocation(
        "wrong extension", ["analyze", .file(name: "scenario.txt", contents: exampleScenario)],
        mentions: "scenario.txt", "unknown file type", ".yaml, .yml or .json"),
    BadInvocation(
        "YAML syntax error", ["analyze", .file(name: "broken.yaml", contents: badlyIndentedScenario)],
        mentions: "broken.yaml:5: the line is indented less than the key above it ('id' on line 4)"),
    BadInvocation(
        "YAML syntax error when validating", ["validate", .file(name: "broken.yaml", contents: badlyIndentedScenario)],
        mentions: "broken.yaml:5: the line is indented less"),
    BadInvocation(
        "key given twice", ["validate", .file(name: "twice.yaml", contents: "accord: 1\nname: a\nname: b\n")],
        mentions: "twice.yaml", "'name'"),
    BadInvocation(
        "directory instead of a file", ["analyze", .directory(name: "scenario.yaml")], mentions: "it is a directory"),
    BadInvocation("misspelt command", ["analyse"], mentions: "unknown command 'analyse'; did you mean 'analyze'?"),
    BadInvocation("unknown command", ["frobnicate"], mentions: "the commands are analyze, evaluate, validate"),
    BadInvocation(
        "misspelt option", ["analyze", "--fromat", "json"], mentions: "Did you mean '--format'? See 'accord help'."),
    BadInvocation(
        "neither a file nor a bundled name", ["analyze", "atlantis"],
        mentions: "'atlantis' is neither a scenario file nor a bundled scenario", "berlin-2025"),
    BadInvocation(
        "invalid scenario",
        [
            "analyze",
            .file(name: "v2.yaml", contents: exampleScenario.replacingOccurrences(of: "accord: 1", with: "accord: 2")),
        ],
        mentions: "v2.yaml: accord (line 1): format version '2' is not supported"),
    BadInvocation(
        "round beyond Int.max (issue #15)",
        [
            "analyze",
            .file(
                name: "round.yaml",
                contents: exampleScenario.replacingOccurrences(
                    of: "[none, article5_like]",
                    with: "[none, {id: article5_like, available_until: {round: 9223372036854775808}}]")),
        ],
        mentions: "round.yaml: issues[0] (guarantee).options[1] (article5_like).available_until.round (line 5)",
        "a whole number from 1 to 100000000"),
    BadInvocation(
        "range with an astronomical number of levels",
        [
            "validate",
            .file(name: "huge.yaml", contents: scenario(withArmyCap: "range: [-1e15, 1e15]\n    step: 1e-300")),
        ],
        mentions: "issues[1] (army_cap).step", "more than the 1,000,000 an issue may have"),
    BadInvocation("unknown option", ["analyze", "--bogus"], mentions: "--bogus"),
    BadInvocation(
        "unknown format", ["analyze", "--format", "xml"], mentions: "'xml'", "text"),
    BadInvocation(
        "zero --max-outcomes", ["analyze", "--max-outcomes", "0"], mentions: "--max-outcomes must be at least 1"),
    BadInvocation(
        "--max-outcomes not a number", ["analyze", "--max-outcomes", "many"], mentions: "'many'"),
    BadInvocation(
        "zero --round", ["analyze", "--round", "0"], mentions: "--round must be at least 1"),
    BadInvocation("zero --samples", ["analyze", "--samples", "0"], mentions: "--samples must be between 1 and"),
    BadInvocation(
        "too many --samples", ["analyze", "--samples", "10000001"], mentions: "--samples must be between 1 and"),
    BadInvocation(
        "negative --diagnostics-limit", ["analyze", "--diagnostics-limit=-1"],
        mentions: "--diagnostics-limit must be at least 0"),
    BadInvocation(
        "bad --date", ["analyze", "--date", "2025-13-01"], mentions: "YYYY-MM-DD"),
    BadInvocation("unknown subcommand", ["frobnicate"], mentions: "'frobnicate'"),
    BadInvocation(
        "--outcome with an unknown issue", ["evaluate", "--outcome", "colour=red"],
        mentions: "--outcome: there is no issue 'colour'", "guarantee, territory"),
    BadInvocation(
        "--outcome with an unknown option", ["evaluate", "--outcome", "guarantee=nato"],
        mentions: "'nato' is not a level of issue 'guarantee'", "article5_like"),
    BadInvocation(
        "--outcome with a number off the grid", ["evaluate", "--outcome", "army_cap=625"],
        mentions: "'625' is not a level of issue 'army_cap'", "400 to 900"),
    BadInvocation(
        "--outcome with a malformed pair", ["evaluate", "--outcome", "guarantee"],
        mentions: "'guarantee' is not of the form issue=option"),
    BadInvocation("--outcome with no pairs", ["evaluate", "--outcome", ","], mentions: "--outcome is empty"),
    BadInvocation(
        "--outcome naming an issue twice", ["evaluate", "--outcome", "guarantee=none,guarantee=article5_like"],
        mentions: "'guarantee' is given twice"),
    BadInvocation("evaluate without --outcome", ["evaluate"], mentions: "--outcome"),
    BadInvocation(
        "slurm tournament with zero shards",
        ["slurm", "tournament", .missingFile(name: "t.yaml"), "--out", .directory(name: "out"), "--shards", "0"],
        mentions: "--shards must be at least 1, not 0."),
    BadInvocation(
        "slurm tournament of a missing specification",
        ["slurm", "tournament", .missingFile(name: "missing.yaml"), "--out", .directory(name: "out"), "--shards", "2"],
        mentions: "missing.yaml"),
    BadInvocation(
        "slurm tournament without --shards", ["slurm", "tournament", .missingFile(name: "t.yaml"), "--out", "out"],
        mentions: "--shards"),
]

// MARK: Tests

@Suite struct CLITests {
    @Test func toolIsFoundBesideTheTestBundle() throws {
        let executable = try #require(AccordTool.executable)
        #expect(executable.lastPathComponent == "accord")
        let run = try AccordTool.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }

    // MARK: analyze

    @Test func analyzeDefaultScenarioSaysWhoBlocks() throws {
        let run = try AccordTool.run(["analyze"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout.hasPrefix("Berlin talks on guarantees for Ukraine (Dec 2025)\n"))
        #expect(run.stdout.contains("\nWho blocks\n"))
        #expect(run.stdout.contains("Blocking: Russia"))
    }

    @Test func analyzeAsJSONParsesAndKeepsTheContract() throws {
        let run = try AccordTool.run(["analyze", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])

        #expect(root["outcomeCount"] as? Int == 1980)
        let zone = try #require(root["agreementZone"] as? [String: Any])
        #expect(zone["count"] as? Int == 0)
        let solutions = try #require(root["solutions"] as? [String: Any])
        #expect(solutions["nash"] is NSNull)
        #expect(solutions["geniusKalai"] is [String: Any])
        #expect((root["pareto"] as? [Any])?.isEmpty == false)
    }

    @Test func analyzeAsMarkdownHasHeadings() throws {
        let run = try AccordTool.run(["analyze", "berlin-2025", "--format", "markdown"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("# Berlin talks"))
        #expect(run.stdout.contains("\n## Agreement zone\n"))
        #expect(run.stdout.contains("\n## Who blocks\n"))
    }

    @Test func analyzeBundledScenarioByName() throws {
        let run = try AccordTool.run(["analyze", "job-offer"])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("Job offer (two-party textbook case)\n"))
        #expect(run.stdout.contains("2 parties, 5 issues, 729 possible packages."))
        #expect(!run.stdout.contains("Who blocks"))
    }

    @Test func analyzeScenarioFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.file("example.yml", exampleScenario)

        let run = try AccordTool.run(["analyze", path, "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(root["outcomeCount"] as? Int == 22)
        #expect((root["scenario"] as? [String: Any])?["name"] as? String == "CLI example")
    }

    @Test func analyzeAboveTheLimitGoesWithoutEnumeration() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        // One additive party: above the limit the space is analysed without enumeration, every outcome counted
        // (pruning dominated options, which would leave one outcome, is for five parties or more).
        let path = try scratch.file("example.yaml", exampleScenario)

        let run = try AccordTool.run(["analyze", path, "--max-outcomes", "10", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(root["outcomeCount"] as? Int == 22)
        #expect(root["analysedOutcomeCount"] as? Int == 22)
        #expect((root["notes"] as? [String])?.contains { $0.contains("without enumeration") } == true)
    }

    @Test func analyzeInALaterRoundDropsTheExpiredGuarantee() throws {
        let run = try AccordTool.run(["analyze", "--round", "11", "--format", "json"])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        let guarantee = try #require((root["issues"] as? [[String: Any]])?.first)

        #expect(guarantee["id"] as? String == "guarantee")
        let available = try #require(guarantee["analysedLevels"] as? [String])
        #expect(!available.contains("article5_like"))
        #expect(available.contains("none"))
        let pareto = try #require(root["pareto"] as? [[String: Any]])
        #expect(!pareto.isEmpty)
        #expect(pareto.allSatisfy { ($0["outcome"] as? [String: Any])?["guarantee"] as? String != "article5_like" })
    }

    // MARK: evaluate

    @Test func evaluateFullPackage() throws {
        let package =
            "guarantee=article5_like,territory=freeze_contact_line,army_cap=800,sanctions=phased_relief,frozen_assets=reparations_loan"
        let text = try AccordTool.run(["evaluate", "--outcome", package])
        #expect(text.status == 0, "\(text)")
        #expect(text.stdout.contains("Russia"))
        #expect(text.stdout.contains("rejects: below reservation"))
        #expect(text.stdout.contains("Not every party accepts this package."))
        #expect(!text.stdout.contains("Open issues"))

        let json = try AccordTool.run(["evaluate", "--outcome", package, "--format", "json"])
        let root = try #require(try parseJSON(json.stdout) as? [String: Any])
        #expect(root["complete"] as? Bool == true)
        let accepted = try #require(root["accepted"] as? [String: Bool])
        #expect(accepted == ["us": true, "ukraine": true, "europe": true, "russia": false])
    }

    @Test func evaluatePartialPackageJudgesItsBestCompletion() throws {
        let run = try AccordTool.run([
            "evaluate", "--outcome", "guarantee=article5_like, territory=freeze_contact_line",
        ])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("Open issues: army_cap, sanctions, frozen_assets."))
        #expect(run.stdout.contains("of 99 completions are acceptable to every party"))

        let json = try AccordTool.run(["evaluate", "job-offer", "--outcome", "remote=fully_remote", "--format", "json"])
        #expect(json.status == 0, "\(json)")
        let root = try #require(try parseJSON(json.stdout) as? [String: Any])
        #expect(root["complete"] as? Bool == false)
        #expect(root["openIssues"] as? [String] == ["salary", "vacation", "start_date", "signing_bonus"])
        #expect(root["completions"] as? Int == 243)
        #expect((root["outcome"] as? [String: Any])?["remote"] as? String == "fully_remote")
    }

    // MARK: validate

    @Test func validateAcceptsAValidFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.file("example.yaml", exampleScenario)

        let run = try AccordTool.run(["validate", path])
        #expect(run.status == 0, "\(run)")
        #expect(run.stderr.isEmpty)
        #expect(run.stdout == "\(path): valid — CLI example: 1 parties, 2 issues, 22 outcomes, 0 proposals.\n")
    }

    @Test func validateListsEveryProblemWithItsKeyPath() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.file("three.yaml", threeProblemScenario)

        let run = try AccordTool.run(["validate", path])
        #expect(run.status == 2, "\(run)")
        #expect(run.exited)
        #expect(run.stdout.isEmpty)
        let lines = run.stderrLines
        #expect(lines.first == "accord: \(path): 3 problems:")
        #expect(lines.count == 4)
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  - ") })
        for keyPath in [
            "accord (line 1)", "parties[0] (us).weights.territory (line 8)",
            "parties[0] (us).values.guarantee.article5_like (line 10)",
        ] {
            #expect(run.stderr.contains("  - \(keyPath): "), "\(keyPath)")
        }
    }

    @Test func validateAsJSONListsTheProblems() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.file("three.yaml", threeProblemScenario)

        let run = try AccordTool.run(["validate", path, "--format", "json"])
        #expect(run.status == 2, "\(run)")
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(root["valid"] as? Bool == false)
        let problems = try #require(root["problems"] as? [[String: Any]])
        #expect(
            problems.compactMap { $0["path"] as? String }
                == ["accord", "parties[0] (us).weights.territory", "parties[0] (us).values.guarantee.article5_like"])
        #expect(problems.allSatisfy { ($0["message"] as? String)?.isEmpty == false })
    }

    @Test func validateDefaultScenario() throws {
        let run = try AccordTool.run(["validate"])
        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.contains(
                "valid — Berlin talks on guarantees for Ukraine (Dec 2025): 4 parties, 5 issues, 1,980 outcomes, 3 proposals."
            ))
    }

    // MARK: scenarios

    @Test func scenariosListsTheBundledOnes() throws {
        let run = try AccordTool.run(["scenarios"])
        #expect(run.status == 0, "\(run)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("berlin-2025 (default): Berlin talks") })
        #expect(lines.contains { $0.hasPrefix("job-offer: Job offer") })

        let json = try AccordTool.run(["scenarios", "--format", "json"])
        let list = try #require(try parseJSON(json.stdout) as? [[String: Any]])
        #expect(list.filter { $0["default"] as? Bool == true }.compactMap { $0["name"] as? String } == ["berlin-2025"])
    }

    // MARK: Regressions

    /// A range whose span overflows to +∞ ([-1e308, 1e308] without a step) has a NaN level count; it must be
    /// refused with one line, not trap. A crash would end the test run, hence the subprocess.
    @Test func rangeWhoseSpanOverflowsIsRefusedWithoutACrash() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.file("overflow.yaml", scenario(withArmyCap: "range: [-1e308, 1e308]"))

        let run = try AccordTool.run(["validate", path], timeout: .seconds(30))
        #expect(!run.timedOut)
        #expect(run.exited, "the tool crashed")
        #expect(run.status == 2)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.hasPrefix("accord: ") && run.stderr.contains("issues[1] (army_cap)"))
    }

    // MARK: Bad input

    @Test(arguments: badInvocations)
    func badInputExitsWithTwoAndOneLineOnStandardError(_ bad: BadInvocation) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let arguments = try bad.arguments.map { try $0.resolve(in: scratch) }

        let run = try AccordTool.run(arguments, timeout: .seconds(60))

        #expect(!run.timedOut, "the tool hung: \(run)")
        #expect(run.exited, "the tool crashed: \(run)")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        let first = try #require(run.stderrLines.first, "nothing on standard error")
        #expect(first.hasPrefix("accord: "))
        for fragment in bad.fragments {
            #expect(first.contains(fragment), "'\(first)' does not mention '\(fragment)'")
        }
        for trace in ["Fatal error", "Stack dump", "Current stack trace", "Swift runtime failure"] {
            #expect(!run.stderr.contains(trace))
        }
        #expect(run.stderrLines.count == 1, "\(run.stderrLines)")
    }
}

@Suite struct MonteCarloCLITests {
    @Test func sameSeedGivesByteIdenticalOutputAndTheBerlinReportHasRussiasProbability() throws {
        let first = try AccordTool.run(["analyze", "--samples", "2000", "--seed", "5", "--format", "json"])
        let second = try AccordTool.run(["analyze", "--samples", "2000", "--seed", "5", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let root = try #require(try parseJSON(first.stdout) as? [String: Any])
        #expect(root["samples"] as? Int == 2000)
        #expect(root["seed"] as? String == "5")
        let proposals = try #require(root["proposals"] as? [[String: Any]])
        let berlin = try #require(proposals.first { $0["id"] as? String == "berlin_framework" })
        let acceptance = try #require(berlin["acceptanceProbability"] as? [String: Any])
        let russia = try #require(acceptance["russia"] as? [String: Any])
        // Moscow is unlikely to accept the Article-5-like package: low, with its interval.
        #expect((russia["p"] as? Double ?? 1) < 0.1)
        #expect(russia["low"] is Double && russia["high"] is Double)
        let text = try AccordTool.run(["analyze", "--samples", "2000"])
        #expect(text.stdout.contains("Acceptance under uncertainty"))
        #expect(text.stdout.contains("Under uncertainty, Russia accepts berlin_framework with probability"))
    }
}
