import Foundation
import Testing

// MARK: Fixtures

/// A GeniusWeb domain: a discrete issue and an integer range 0…2, 9 outcomes.
let geniusWebDomain = """
    {"name": "deal", "issuesValues": {
      "colour": {"values": ["red", "blue", "green"]},
      "size": {"range": {"low": 0, "high": 2, "step": 1}}}}
    """

/// A GeniusWeb profile of ``geniusWebDomain`` in the older dialect, with its reservation as a bid.
func geniusWebProfile(red: Double, blue: Double, green: Double, sizeAtZero: Double, sizeAtTwo: Double) -> String {
    """
    {"LinearAdditiveUtilitySpace": {
      "issueUtilities": {
        "colour": {"discreteutils": {"valueUtilities": {"red": \(red), "blue": \(blue), "green": \(green)}}},
        "size": {"numberutils":
          {"lowValue": 0, "lowUtility": \(sizeAtZero), "highValue": 2, "highUtility": \(sizeAtTwo)}}},
      "issueWeights": {"colour": 0.6, "size": 0.4},
      "domain": \(geniusWebDomain),
      "reservationBid": {"issuevalues": {"colour": "blue", "size": 1}}}}
    """
}

/// A folder with ``geniusWebDomain`` and two opposed profiles, `ann` and `ben`.
struct GeniusWebFolder {
    let scratch: ScratchDirectory
    let folder: String
    var domain: String { folder + "/deal.json" }
    var ann: String { folder + "/ann.json" }
    var ben: String { folder + "/ben.json" }

    init() throws {
        scratch = try ScratchDirectory()
        folder = try scratch.directory("deal")
        try geniusWebDomain.write(toFile: domain, atomically: true, encoding: .utf8)
        try geniusWebProfile(red: 1, blue: 0.5, green: 0, sizeAtZero: 0, sizeAtTwo: 1)
            .write(toFile: ann, atomically: true, encoding: .utf8)
        try geniusWebProfile(red: 0, blue: 0.25, green: 1, sizeAtZero: 1, sizeAtTwo: 0.5)
            .write(toFile: ben, atomically: true, encoding: .utf8)
    }
}

/// The numbers of an `analyze --format json` report that a conversion must keep.
private struct AnalysisNumbers: Equatable, CustomStringConvertible {
    var outcomes: Int
    var frontier: [[Double]]
    var zone: Int
    var nash: [Double]?

    init(_ run: ToolRun) throws {
        let root = try #require(try parseJSON(run.stdout) as? [String: Any], "\(run)")
        let parties = try #require(root["parties"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        func utilities(_ scored: Any?) -> [Double]? {
            guard let object = scored as? [String: Any], let values = object["utilities"] as? [String: Double] else {
                return nil
            }
            return parties.map { ((values[$0] ?? .nan) * 1e9).rounded() / 1e9 }
        }
        outcomes = try #require(root["outcomeCount"] as? Int)
        frontier = try #require(root["pareto"] as? [Any]).compactMap(utilities)
        zone = try #require((root["agreementZone"] as? [String: Any])?["count"] as? Int)
        nash = utilities((root["solutions"] as? [String: Any])?["nash"])
    }

    var description: String { "\(outcomes) outcomes, zone \(zone), frontier \(frontier), Nash \(nash ?? [])" }
}

// MARK: Tests

@Suite("accord convert")
struct ConvertCLITests {
    @Test("A GENIUS folder converted to every format analyses to the same numbers")
    func everyFormat() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let original = try AnalysisNumbers(try AccordTool.run(["analyze", genius.folder, "--format", "json"]))
        #expect(original.outcomes == 12)
        for (target, converted) in [
            ("genius", "."), ("accord-yaml", "domain.yaml"), ("accord-json", "domain.json"), ("geniusweb", "."),
        ] {
            let out = genius.scratch.url.appendingPathComponent(target).path
            let run = try AccordTool.run(["convert", genius.folder, "--to", target, "--out", out])
            #expect(run.status == 0, "\(target): \(run)")
            #expect(run.stderr.isEmpty, "\(target): \(run)")
            let analysis = try AccordTool.run(["analyze", out + "/" + converted, "--format", "json"])
            #expect(analysis.status == 0, "\(target): \(analysis)")
            let numbers = try AnalysisNumbers(analysis)
            if target == "geniusweb" {
                // GeniusWeb states reservation values only as bids: the frontier is kept, the zone may change.
                #expect(numbers.outcomes == original.outcomes && numbers.frontier == original.frontier, "\(target)")
                #expect(run.stdout.contains("becomes the bid with the nearest utility"), "\(run)")
            } else {
                #expect(numbers == original, "\(target)")
            }
        }
    }

    @Test("GENIUS files given one by one convert as the folder does, and the summary lists the files")
    func files() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let out = genius.scratch.url.appendingPathComponent("out").path
        let run = try AccordTool.run([
            "convert", genius.alice, genius.domain, genius.bob, "--to", "genius", "--out", out, "--format", "json",
        ])
        #expect(run.status == 0, "\(run)")
        let summary = try #require(try parseJSON(run.stdout) as? [String: Any])
        #expect(summary["format"] as? String == "genius")
        #expect(summary["files"] as? [String] == [out + "/domain.xml", out + "/alice.xml", out + "/bob.xml"])
        #expect((summary["notes"] as? [String])?.isEmpty == true)
    }

    @Test("Existing files are not overwritten without --force")
    func noOverwrite() throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let out = genius.scratch.url.appendingPathComponent("out").path
        let arguments = ["convert", genius.folder, "--to", "accord-yaml", "--out", out]
        #expect(try AccordTool.run(arguments).status == 0)
        try "mine".write(toFile: out + "/domain.yaml", atomically: true, encoding: .utf8)
        let again = try AccordTool.run(arguments)
        #expect(again.status == 2, "\(again)")
        #expect(
            again.stderrLines == [
                "accord: '\(out)/domain.yaml' already exists; add --force to overwrite, or choose another --out folder."
            ])
        #expect(try String(contentsOfFile: out + "/domain.yaml", encoding: .utf8) == "mine")
        let forced = try AccordTool.run(arguments + ["--force"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOfFile: out + "/domain.yaml", encoding: .utf8).hasPrefix("accord: 1\n"))
    }

    @Test("A bundled scenario converts to GeniusWeb, and analyze reads the files with --domain and --profile")
    func bundledToGeniusWeb() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let out = scratch.url.appendingPathComponent("jobs").path
        let run = try AccordTool.run(["convert", "job-offer", "--to", "geniusweb", "--out", out])
        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.contains("note: Party 'employer': 1 red line(s) left out"), "\(run)")
        #expect(run.stdout.contains("note: The protocol: section is not carried over"), "\(run)")
        let domain = out + "/Job offer (two-party textbook case).json"
        let analysis = try AccordTool.run([
            "analyze", "--domain", domain, "--profile", out + "/candidate.json", "--profile", out + "/employer.json",
            "--format", "json",
        ])
        #expect(analysis.status == 0, "\(analysis)")
        #expect(try AnalysisNumbers(analysis).outcomes == 9 * 3 * 3 * 3 * 3)
    }

    @Test("analyze reads GeniusWeb files and folders; convert writes them as Accord YAML that validates")
    func geniusWebInput() throws {
        let web = try GeniusWebFolder()
        defer { web.scratch.remove() }
        let files = try AccordTool.run([
            "analyze", "--domain", web.domain, "--profile", web.ann, "--profile", web.ben, "--format", "json",
        ])
        #expect(files.status == 0, "\(files)")
        #expect(try AnalysisNumbers(files).outcomes == 9)
        let folder = try AccordTool.run(["analyze", web.folder, "--format", "json"])
        #expect(folder.status == 0, "\(folder)")
        #expect(try AnalysisNumbers(folder) == AnalysisNumbers(files))

        let out = web.scratch.url.appendingPathComponent("yaml").path
        let run = try AccordTool.run(["convert", web.domain, web.ann, web.ben, "--to", "accord-yaml", "--out", out])
        #expect(run.status == 0, "\(run)")
        let validate = try AccordTool.run(["validate", out + "/deal.yaml"])
        #expect(validate.status == 0, "\(validate)")
        #expect(validate.stdout.contains("valid — deal: 2 parties, 2 issues, 9 outcomes"), "\(validate)")
        let analysis = try AccordTool.run(["analyze", out + "/deal.yaml", "--format", "json"])
        #expect(try AnalysisNumbers(analysis) == AnalysisNumbers(files))
    }

    @Test(
        "Bad input exits 2 with one sentence",
        arguments: [
            (["missing.yaml"], "genius", "missing.yaml: cannot read the file: no such file."),
            (["no-such-scenario"], "genius", "'no-such-scenario' is neither a scenario file nor a bundled scenario"),
            (["alice.xml", "ann.json"], "genius", "the inputs mix formats"),
            (["broken.json"], "genius", "broken.json:1: not readable as JSON"),
            (["other.json"], "genius", "other.json: not a GeniusWeb profile: it has no \"LinearAdditiveUtilitySpace\""),
            (["domain.xml"], "genius", "domain.xml' is a GENIUS domain; give its profiles too, one per party."),
            (["domain.xml", "domain.xml", "alice.xml"], "genius", "the inputs hold 2 GENIUS domains"),
            (
                ["capped.xml", "domain.xml"], "geniusweb",
                "cannot write GeniusWeb: party 'capped' has GENIUS's cap at 1"
            ),
            (["alice.xml", "domain.xml"], "accord-json", "--out"),
            (["deal", "alice.xml"], "genius", "is a folder; give either one folder or files, not both."),
        ] as [([String], String, String)])
    func badInput(_ inputs: [String], _ target: String, _ message: String) throws {
        let genius = try GeniusFolder()
        defer { genius.scratch.remove() }
        let web = try GeniusWebFolder()
        defer { web.scratch.remove() }
        let scratch = genius.scratch
        let paths: [String: String] = [
            "alice.xml": genius.alice, "domain.xml": genius.domain, "deal": genius.folder, "ann.json": web.ann,
            "broken.json": try scratch.file("broken.json", "{\"LinearAdditiveUtilitySpace\": [}"),
            "other.json": try scratch.file("other.json", "{\"x\": 1}"),
            "capped.xml": try scratch.file(
                "capped.xml",
                geniusProfile(red: 4, blue: 2, green: 1, slope: 0.3, offset: 0.1, colourWeight: 0.6)
                    .replacingOccurrences(
                        of: "<weight index=\"2\" value=\"0.4\"/>", with: "<weight index=\"2\" value=\"0.9\"/>")),
            "missing.yaml": "missing.yaml",
        ]
        // `--out` names an existing file in the case that expects the --out error.
        let out = message == "--out" ? try scratch.file("taken", "") : scratch.url.appendingPathComponent("out").path
        let run = try AccordTool.run(["convert"] + inputs.map { paths[$0] ?? $0 } + ["--to", target, "--out", out])
        #expect(run.status == 2, "\(inputs): \(run)")
        #expect(run.stdout.isEmpty, "\(inputs): \(run)")
        #expect(run.stderrLines.count == 1, "\(inputs): \(run)")
        #expect(run.stderr.hasPrefix("accord: ") && run.stderr.contains(message), "\(inputs): \(run)")
        #expect(
            !FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("out").path),
            "nothing is written")
    }
}
