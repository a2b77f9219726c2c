import Foundation
import Testing

/// Issue #15's flood: an error that lists the valid ids lists a few of them, once, however many there are.
@Suite struct ErrorLengthCLITests {
    @Test func unknownIdsInABigScenarioGiveShortLines() throws {
        var lines = ["accord: 1", "name: flood", "issues:"]
        for index in 0..<50 { lines += ["  - id: issue\(index)", "    options: [x, y]"] }
        lines += ["parties:", "  - id: p", "    reservation: 0.1"]
        lines.append("    weights: {" + (0..<50).map { "issue\($0): 1" }.joined(separator: ", ") + "}")
        lines.append("    values:")
        for index in 0..<50 { lines.append("      issue\(index): {x: 1, y: 0}") }
        for index in 0..<200 { lines.append("      unknown_\(index): {x: 1, y: 0}") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "accord-flood-\(UUID().uuidString).yaml")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = try AccordTool.run(["validate", file.path])
        #expect(run.status == 2)
        // The count, the first 100 problems, then how many more (the JSON verdict lists every one).
        #expect(run.stderrLines.count == 102)
        #expect(run.stderrLines.last?.hasPrefix("  - … and 100 more problems") == true)
        #expect(run.stderrLines.allSatisfy { $0.count < 200 }, "\(run.stderrLines.map(\.count).max() ?? 0)")
        #expect(run.stderr.contains("issues are: issue0, issue1, issue2, issue3, issue4, issue5 and 44 more"))
    }

    /// Found by scripts/mutation-campaign.py: a GENIUS element or attribute of 1 MB, a 20,000-digit number in a
    /// tournament specification and an unknown 1 MB scenario name were echoed whole (1–10 MB of standard error).
    @Test func hugeValuesInAnyReaderGiveOneShortLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-echo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = String(repeating: "A", count: 1_000_000)
        let domain = folder.appendingPathComponent("domain.xml")
        try
            "<negotiation_template><utility_space><objective><\(huge)></item></objective></utility_space></negotiation_template>"
            .write(to: domain, atomically: true, encoding: .utf8)
        let spec = folder.appendingPathComponent("t.yaml")
        try """
        accord_tournament: 1
        agents: [boulware, conceder]
        scenarios: [\(huge)]
        deadline: {rounds: \(String(repeating: "9", count: 20_000))}
        """.write(to: spec, atomically: true, encoding: .utf8)
        for arguments in [
            ["analyze", "--domain", domain.path, "--profile", domain.path],
            ["tournament", spec.path, "--out", folder.appendingPathComponent("out").path],
            ["analyze", String(huge.prefix(100_000))],  // one argument may hold at most 128 KiB
        ] {
            let run = try AccordTool.run(arguments)
            #expect(run.status == 2, "\(run)")
            #expect(run.stderr.utf8.count < 2_000, "\(arguments[0]): \(run.stderr.utf8.count) bytes")
        }
    }
}
