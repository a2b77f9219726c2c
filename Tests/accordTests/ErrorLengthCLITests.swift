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
}
