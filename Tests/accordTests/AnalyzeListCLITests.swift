import Foundation
import Testing

/// `accord analyze --limit`, `--sensitivity-limit`, `--export-zone` and `--export-frontier` on the command line.
@Suite struct AnalyzeListCLITests {
    @Test func theOptionsReachTheAnalysis() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let zone = scratch.url.appendingPathComponent("zone.csv").path
        let frontier = scratch.url.appendingPathComponent("frontier.jsonl").path
        let run = try AccordTool.run([
            "analyze", "job-offer", "--limit", "2", "--sensitivity-limit", "100", "--export-zone", zone,
            "--export-frontier", frontier, "--format", "json",
        ])
        #expect(run.status == 0, "\(run)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let listed = (root["agreementZone"] as? [String: Any])?["outcomes"] as? [Any]
        #expect(listed?.count == 2)
        let skipped = (root["skipped"] as? [String: Any])?["sensitivity"] as? [String: Any]
        let option = (skipped?["options"] as? [[String: Any]])?.first
        #expect(option?["option"] as? String == "--sensitivity-limit" && option?["value"] as? Int == 729)
        let zoneLines = try String(contentsOfFile: zone, encoding: .utf8).split(separator: "\n")
        #expect(zoneLines.count == 1 + 383)
        let pareto = try #require(root["pareto"] as? [Any])
        #expect(try String(contentsOfFile: frontier, encoding: .utf8).split(separator: "\n").count == pareto.count)
    }

    @Test(
        arguments: [
            (
                ["--export-zone", "/nonexistent-accord-folder/z.csv"], Int32(1),
                "accord: --export-zone: cannot write '/nonexistent-accord-folder/z.csv': the folder does not exist "
                    + "or is not writable."
            ),
            (
                ["--export-frontier", "f.txt"], Int32(2),
                "accord: --export-frontier writes CSV or JSON Lines: give a file name ending in .csv or .jsonl, found "
                    + "'f.txt'."
            ),
            (["--limit=-3"], Int32(2), "accord: --limit must be at least 0, found -3."),
            (["--sensitivity-limit=-1"], Int32(2), "accord: --sensitivity-limit must be at least 0, found -1."),
        ] as [([String], Int32, String)])
    func aBadListOptionIsOneSentence(arguments: [String], status: Int32, sentence: String) throws {
        let run = try AccordTool.run(["analyze", "job-offer"] + arguments)
        #expect(run.status == status, "\(run)")
        #expect(run.stderrLines.first?.hasPrefix(sentence) == true, "\(run)")
        #expect(run.stdout.isEmpty)
    }
}
