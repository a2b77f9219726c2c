import Foundation
import Testing

/// `--plot` mistakes: exit 2 and one sentence on standard error.
let badPlotInvocations: [BadInvocation] = [
    BadInvocation(
        "--plot with one party", ["analyze", "--format", "html", "--plot", "us"],
        mentions: "--plot takes two party ids separated by a comma", "'us'"),
    BadInvocation(
        "--plot with three parties", ["analyze", "--format", "html", "--plot", "us,ukraine,russia"],
        mentions: "--plot takes two party ids"),
    BadInvocation(
        "--plot with an empty id", ["analyze", "--format", "html", "--plot", "us,"], mentions: "--plot takes two"),
    BadInvocation(
        "--plot with the same party twice", ["analyze", "--format", "html", "--plot", "us,us"],
        mentions: "--plot needs two different parties", "'us'"),
    BadInvocation(
        "--plot with an unknown party", ["analyze", "--format", "html", "--plot", "us,atlantis"],
        mentions: "--plot: there is no party 'atlantis'", "us, ukraine, europe, russia"),
    BadInvocation(
        "--plot without --format html", ["analyze", "--plot", "us,russia"],
        mentions: "--plot", "--format html"),
]

@Suite struct HTMLCLITests {
    @Test(arguments: badPlotInvocations)
    func badPlotExitsWithTwoAndOneSentence(_ bad: BadInvocation) throws {
        let run = try AccordTool.run(bad.arguments.map(\.description), timeout: .seconds(60))

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

    @Test func analyzeAsHTMLWritesOnePageWithCharts() throws {
        let run = try AccordTool.run(["analyze", "--format", "html", "--samples", "500"])

        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(run.stdout.hasSuffix("</html>\n"))
        for id in ["chart-utility-space", "chart-acceptance", "chart-gaps", "chart-thresholds"] {
            #expect(run.stdout.contains("<figure id=\"\(id)\">"), "no \(id)")
        }
        #expect(!run.stdout.contains("<script"))
    }

    @Test func plotOptionChoosesTheChartsParties() throws {
        let run = try AccordTool.run(["analyze", "--format", "html", "--plot", "russia,us"])

        #expect(run.status == 0, "\(run)")
        #expect(
            run.stdout.contains(
                "Horizontal: Russia (russia); vertical: United States (us). The pair was chosen (--plot on the command line, the pair picker in the workspace)."
            ))
    }

    @Test(arguments: [["validate", "--format", "html"], ["scenarios", "--format", "html"]])
    func otherCommandsRenderAMinimalPage(_ arguments: [String]) throws {
        let run = try AccordTool.run(arguments)

        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(run.stdout.contains("<pre>"))
        #expect(run.stdout.hasSuffix("</html>\n"))
    }

    @Test func evaluateAsHTMLRendersTheJudgementTable() throws {
        let run = try AccordTool.run(["evaluate", "--outcome", "guarantee=article5_like", "--format", "html"])

        #expect(run.status == 0, "\(run)")
        #expect(run.stdout.hasPrefix("<!DOCTYPE html>\n"))
        #expect(run.stdout.contains("<th class=\"num\">utility</th>"))
    }
}
