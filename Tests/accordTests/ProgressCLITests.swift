import Foundation
import Testing

/// Long runs show progress on standard error, and only there; quick ones show none (issue #12, "silent minutes").
@Suite struct ProgressCLITests {
    /// Long enough for several chunks of draws.
    static let longAnalysis = ["analyze", "--samples", "5000", "--seed", "3", "--format", "json"]

    @Test func automaticProgressIsPlainLinesOnStandardErrorWhenNotATerminal() throws {
        let plain = try AccordTool.run(Self.longAnalysis + ["--progress", "none"])
        // No delay: this run counts as a long one.
        let shown = try AccordTool.run(Self.longAnalysis, environment: ["ACCORD_PROGRESS_DELAY": "0"])
        let quiet = try AccordTool.run(Self.longAnalysis + ["--quiet"], environment: ["ACCORD_PROGRESS_DELAY": "0"])
        #expect(plain.status == 0 && shown.status == 0 && quiet.status == 0, "\(shown)")
        #expect(shown.stdout == plain.stdout)
        #expect(quiet.stdout == plain.stdout)
        #expect(plain.stderr.isEmpty)
        #expect(quiet.stderr.isEmpty, "\(quiet)")
        let lines = shown.stderrLines
        #expect(lines.count >= 2, "\(shown)")
        #expect(lines.allSatisfy { $0.hasPrefix("accord: ") && $0.contains(" draws (") && $0.contains("ETA") })
        #expect(lines.last?.hasPrefix("accord: 5000/5000 draws (100%), ") == true, "\(lines)")
        #expect(!shown.stderr.contains("\r"))
    }

    @Test func aQuickRunShowsNothingWithTheDefaultDelay() throws {
        let run = try AccordTool.run(["analyze", "--samples", "2000"], environment: ["ACCORD_PROGRESS_DELAY": "30"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run)")
    }

    @Test(arguments: [
        ["simulate", "--rounds", "50"], ["forecast", "--max-turns", "5"], ["analyze", "--samples", "1000"],
    ])
    func everyLongCommandTakesTheProgressOptions(_ arguments: [String]) throws {
        let lines = try AccordTool.run(arguments + ["--progress", "lines"])
        let quiet = try AccordTool.run(arguments + ["--progress", "lines", "--quiet"])
        #expect(lines.status == 0 && quiet.status == 0, "\(lines)")
        #expect(lines.stdout == quiet.stdout)
        #expect(lines.stderrLines.last?.contains("(100%)") == true, "\(lines)")
        #expect(quiet.stderr.isEmpty, "\(quiet)")
    }
}

/// The scenario of issue #12 at its full size: `accord analyze` with its defaults finishes quickly and reports every
/// section of the uncertainty analysis.
@Suite struct JCPOAScaleCLITests {
    @Test func defaultAnalysisOfAMillionAndAHalfPackagesFinishesWithEverySection() throws {
        let path = JCPOAScenario.path
        try #require(FileManager.default.fileExists(atPath: path), "the scenario file is missing: \(path)")
        let start = ContinuousClock.now
        // The bound is generous for a debug build on a busy machine; a release build takes under a second.
        let run = try AccordTool.run(["analyze", path], timeout: .seconds(120))
        let elapsed = ContinuousClock.now - start
        #expect(run.status == 0, "\(run)")
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        #expect(run.stdout.contains("4 parties, 7 issues, 1,481,760 possible packages."))
        for heading in [
            "\nSummary\n", "\nAgreement zone\n", "\nSolutions\n", "\nPareto frontier\n", "\nProposals\n",
            "\nAcceptance under uncertainty\n", "\nPosition gaps\n",
        ] {
            #expect(run.stdout.contains(heading), "no \(heading)")
        }
        #expect(run.stdout.contains("10,000 draws of the uncertain numbers of Iran (seed 1)"))
        #expect(run.stdout.contains("Probability that some package is acceptable to every party: "))
        #expect(run.stdout.contains("The packages most often acceptable to every party, of the "))
        // Item 4: the United States' numbers are certain, so no probability is reported for its verdict.
        #expect(!run.stdout.contains("Under uncertainty, United States"))
        #expect(run.stdout.contains("  iran_opening  rejects  "))
    }
}
