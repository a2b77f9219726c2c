import Foundation
import Testing

// MARK: Fixtures

/// A hand-made GENIUS domain: a discrete issue with three values and an integer issue from 1 to 4, 12 outcomes.
let geniusDomain = """
    <?xml version="1.0" encoding="UTF-8"?>
    <negotiation_template>
    <utility_space number_of_issues="2">
    <objective index="0" name="Deal" type="objective" etype="objective">
    <issue index="1" name="Colour" type="discrete" etype="discrete" vtype="discrete">
    <item index="1" value="red"/>
    <item index="2" value="blue"/>
    <item index="3" value="green"/>
    </issue>
    <issue index="2" name="Size" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="4"/>
    </objective>
    </utility_space>
    </negotiation_template>
    """

/// A linear GENIUS profile of ``geniusDomain`` with the given discrete evaluations, integer evaluator and weights.
func geniusProfile(red: Int, blue: Int, green: Int, slope: Double, offset: Double, colourWeight: Double) -> String {
    """
    <utility_space type="linear">
    <objective index="0" name="Deal" type="objective" etype="objective">
    <issue index="1" name="Colour" type="discrete" etype="discrete" vtype="discrete">
    <item index="1" value="red" evaluation="\(red)"/>
    <item index="2" value="blue" evaluation="\(blue)"/>
    <item index="3" value="green" evaluation="\(green)"/>
    </issue>
    <weight index="1" value="\(colourWeight)"/>
    <issue index="2" name="Size" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="4">
    <evaluator ftype="linear" slope="\(slope)" offset="\(offset)"/>
    </issue>
    <weight index="2" value="\(1 - colourWeight)"/>
    </objective>
    <reservation value="0.25"/>
    </utility_space>
    """
}

/// A folder holding ``geniusDomain`` and two opposed profiles, `alice` and `bob`.
struct GeniusFolder {
    let scratch: ScratchDirectory
    let folder: String
    var domain: String { folder + "/domain.xml" }
    var alice: String { folder + "/alice.xml" }
    var bob: String { folder + "/bob.xml" }

    init() throws {
        scratch = try ScratchDirectory()
        folder = try scratch.directory("deal")
        try geniusDomain.write(toFile: folder + "/domain.xml", atomically: true, encoding: .utf8)
        try geniusProfile(red: 4, blue: 2, green: 1, slope: 0.3, offset: 0.1, colourWeight: 0.6)
            .write(toFile: folder + "/alice.xml", atomically: true, encoding: .utf8)
        try geniusProfile(red: 1, blue: 3, green: 5, slope: -0.3, offset: 1, colourWeight: 0.5)
            .write(toFile: folder + "/bob.xml", atomically: true, encoding: .utf8)
    }
}

// MARK: Tests

@Suite("GENIUS inputs on the command line")
struct GeniusCLITests {
    @Test("analyze reads --domain and --profile files, and the folder form gives the same JSON")
    func analyzeFilesAndFolder() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let files = try AccordTool.run([
            "analyze", "--domain", genius.domain, "--profile", genius.alice, "--profile", genius.bob, "--format",
            "json",
        ])
        #expect(files.status == 0, "\(files)")
        #expect(files.stderr.isEmpty, "\(files)")
        let json = try #require(try parseJSON(files.stdout) as? [String: Any])
        #expect(json["outcomeCount"] as? Int == 12)
        let parties = try #require(json["parties"] as? [[String: Any]])
        #expect(parties.compactMap { $0["id"] as? String } == ["alice", "bob"])

        let folder = try AccordTool.run(["analyze", genius.folder, "--format", "json"])
        #expect(folder.status == 0, "\(folder)")
        #expect(folder.stdout == files.stdout)
    }

    @Test("evaluate reads GENIUS inputs: GENIUS's discrete and integer semantics")
    func evaluateGenius() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        for input in [
            [genius.folder], ["--domain", genius.domain, "--profile", genius.alice, "--profile", genius.bob],
        ] {
            let run = try AccordTool.run(
                ["evaluate"] + input + ["--outcome", "Colour=blue,Size=3", "--format", "json"])
            #expect(run.status == 0, "\(run)")
            // alice: 0.6 · 2/4 + 0.4 · clamp01(0.3 · (3 − 1) + 0.1) = 0.3 + 0.28 = 0.58.
            #expect(run.stdout.contains("0.58"), "\(run)")
        }
    }

    @Test(
        "bad GENIUS inputs exit 2 with one line",
        arguments: [
            ["--domain", "missing.xml", "--profile", "alice.xml"],
            ["--profile", "alice.xml"],
            ["--domain", "domain.xml"],
            ["--domain", "other.xml", "--profile", "alice.xml"],
            ["--domain", "domain.xml", "--profile", "other.xml"],
            ["mixed"],
            ["empty"],
            ["deal", "--domain", "domain.xml", "--profile", "alice.xml"],
        ])
    func badInputs(_ arguments: [String]) throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let mixed = try genius.scratch.directory("mixed")
        try geniusDomain.write(toFile: mixed + "/domain.xml", atomically: true, encoding: .utf8)
        try "<settings/>".write(toFile: mixed + "/other.xml", atomically: true, encoding: .utf8)
        _ = try genius.scratch.directory("empty")
        let paths: [String: String] = [
            "alice.xml": genius.alice, "domain.xml": genius.domain, "other.xml": mixed + "/other.xml",
            "missing.xml": genius.folder + "/missing.xml", "mixed": mixed,
            "empty": genius.scratch.url.appendingPathComponent("empty").path, "deal": genius.folder,
        ]
        for command in ["analyze", "evaluate"] {
            let extra = command == "evaluate" ? ["--outcome", "Colour=red"] : []
            let run = try AccordTool.run([command] + arguments.map { paths[$0] ?? $0 } + extra)
            #expect(run.status == 2, "\(arguments): \(run)")
            #expect(run.stdout.isEmpty, "\(arguments): \(run)")
            #expect(run.stderrLines.count == 1, "\(arguments): \(run)")
            #expect(run.stderr.hasPrefix("accord: "), "\(arguments): \(run)")
        }
    }

    @Test(
        "hostile GENIUS numbers and nesting exit 2 with one short line, fast",
        arguments: [
            ("<reservation value=\"0.25\"/>", "<reservation value=\"100000000\"/>", "which is outside [0, 1]"),
            ("<reservation value=\"0.25\"/>", "<reservation value=\"-1e8\"/>", "which is outside [0, 1]"),
            ("<weight index=\"1\" value=\"0.6\"/>", "<weight index=\"1\" value=\"-1e308\"/>", "which is negative"),
            ("<utility_space type=\"linear\">", "100,000 nested <a>", "nest more than 1000"),
        ])
    func hostileValues(_ original: String, _ replacement: String, _ expected: String) throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let alice = try String(contentsOfFile: genius.alice, encoding: .utf8)
        #expect(alice.contains(original))
        // The nesting is built here, so that the test's name and log stay short.
        let deep = replacement == "100,000 nested <a>" ? String(repeating: "<a>", count: 100_000) : replacement
        try alice.replacingOccurrences(of: original, with: deep)
            .write(toFile: genius.alice, atomically: true, encoding: .utf8)
        let start = Date()
        let run = try AccordTool.run(["analyze", genius.folder])
        #expect(Date().timeIntervalSince(start) < 10, "\(run)")
        #expect(run.status == 2, "\(run)")
        #expect(run.stdout.isEmpty, "\(run)")
        #expect(run.stderrLines.count == 1 && run.stderr.count < 300, "\(run)")
        #expect(run.stderr.hasPrefix("accord: \(genius.alice):") && run.stderr.contains(expected), "\(run)")
    }
}

@Suite struct ParityCLITests {
    @Test func parityFlagAddsOppositionAndDistribution() throws {
        let run = try AccordTool.run(["analyze", "job-offer", "--parity", "--format", "json"])
        #expect(run.status == 0)
        let root = try #require(try parseJSON(run.stdout) as? [String: Any])
        let opposition = try #require(root["opposition"] as? Double)
        let distribution = try #require(root["distribution"] as? Double)
        // Distances in a two-party utility square: between 0 and √2.
        #expect((0...2.0.squareRoot()).contains(opposition))
        #expect((0...2.0.squareRoot()).contains(distribution))
        let plain = try AccordTool.run(["analyze", "job-offer", "--format", "json"])
        let without = try #require(try parseJSON(plain.stdout) as? [String: Any])
        #expect(without["opposition"] == nil)
    }
}
