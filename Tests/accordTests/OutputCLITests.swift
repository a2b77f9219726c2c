import Foundation
import Testing

/// Commands that print a report, each as it is typed without `--output`.
let reportCommands: [[String]] = [
    ["analyze", "--samples", "200"],
    ["analyze", "--samples", "200", "--format", "html"],
    ["evaluate", "--outcome", "guarantee=article5_like,territory=freeze_contact_line", "--format", "json"],
    ["validate"],
    ["scenarios", "--format", "markdown"],
    ["simulate", "--rounds", "20"],
    ["forecast", "--format", "json"],
]

@Suite struct OutputCLITests {
    @Test(arguments: reportCommands, ["-o", "--output"])
    func theReportGoesToTheFileAndStandardOutputStaysEmpty(_ command: [String], flag: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("report").path
        let printed = try AccordTool.run(command)

        let written = try AccordTool.run(command + [flag, file])

        #expect(written.status == 0, "\(written)")
        #expect(written.stdout.isEmpty, "\(written)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.stdout)
    }

    @Test func anOutputFileThatCannotBeWrittenFailsWithStatusOne() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = scratch.url.appendingPathComponent("missing/report.txt").path

        let run = try AccordTool.run(["scenarios", "--output", file])

        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderrLines.count == 1 && run.stderr.hasPrefix("accord: cannot write '\(file)'"), "\(run)")
    }

    @Test(arguments: [
        (["analyze", "--samples", "200"], ["utility-space", "thresholds", "sweep", "acceptance", "gaps"]),
        (["simulate", "--rounds", "20"], ["offer-space", "offer-history"]),
        (["forecast"], ["final-clusters", "positions-1"]),
    ])
    func chartsAreWrittenAsSVGFilesAndNamedOnStandardError(_ command: [String], charts: [String]) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let folder = scratch.url.appendingPathComponent("charts").path

        let run = try AccordTool.run(command + ["--charts", folder])

        #expect(run.status == 0, "\(run)")
        #expect(!run.stdout.isEmpty, "the report is still printed")
        let files = charts.map { folder + "/" + $0 + ".svg" }
        #expect(run.stderrLines == ["accord: wrote \(charts.count) charts: " + files.joined(separator: ", ")])
        for file in files {
            let svg = try String(contentsOfFile: file, encoding: .utf8)
            #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "\(file)")
            #expect(svg.hasSuffix("</svg>\n"), "\(file)")
        }
    }
}
