import AccordCore
import AccordFormats
import AccordReport
import Foundation
import Testing

@Suite struct AnalysisReportTextTests {
    static let berlinSections = [
        "Summary", "Parties", "Agreement zone", "Who blocks", "Solutions", "Pareto frontier", "Proposals",
        "Position gaps",
    ]

    @Test(arguments: berlinSections)
    func berlinTextHasTheSection(heading: String) throws {
        let text = try Analysed("berlin-2025").report.render(.text)
        #expect(text.contains("\n\(heading)\n" + String(repeating: "─", count: heading.count) + "\n"))
    }

    @Test(arguments: berlinSections)
    func berlinMarkdownHasTheSection(heading: String) throws {
        let markdown = try Analysed("berlin-2025").report.render(.markdown)
        #expect(markdown.contains("\n## \(heading)\n"))
    }

    @Test func berlinTextStartsWithTheTitleAndSaysWhoBlocks() throws {
        let subject = try Analysed("berlin-2025")
        let text = subject.report.render(.text)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)

        #expect(lines.first.map(String.init) == subject.scenario.name)
        #expect(lines.dropFirst().first.map(String.init) == String(repeating: "═", count: subject.scenario.name.count))
        #expect(text.contains("4 parties, 5 issues, 1,980 possible packages."))
        #expect(text.contains("Empty: no package is acceptable to every party"))
        #expect(text.contains("Blocking: Russia — without it the others can agree."))
        #expect(text.contains("Russia (blocks)"))
        #expect(text.hasSuffix("\n"))
        #expect(!text.hasSuffix("\n\n"))
    }

    @Test func berlinSummaryStatesTheSeedFactsFromTheNumbers() throws {
        let text = try Analysed("berlin-2025").report.render(.text)
        let summary = try #require(text.components(separatedBy: "\nParties\n").first)
        #expect(summary.contains("No package is acceptable to all 4 parties"))
        #expect(summary.contains("Russia blocks: without it, "))
        #expect(
            summary.contains(
                "acceptable to United States, Ukraine, Europe; their Nash package is guarantee=article5_like"))
        #expect(summary.contains("us–ukraine on territory"))
        #expect(summary.contains("No proposal on the table is acceptable to all 4 parties."))
    }

    @Test func jobOfferSummaryNamesTheZoneAndTheAcceptedProposals() throws {
        let text = try Analysed("job-offer").report.render(.text)
        #expect(text.contains("383 package(s) are acceptable to both parties; the Nash package is salary=105"))
        #expect(text.contains("Acceptable to both parties: split_the_difference, logroll."))
    }

    @Test func berlinMarkdownUsesATitleAndTables() throws {
        let subject = try Analysed("berlin-2025")
        let markdown = subject.report.render(.markdown)

        #expect(markdown.hasPrefix("# \(subject.scenario.name)\n"))
        #expect(
            markdown.contains("| party | reservation | ideal package (own utility) | red lines |\n|---|---:|---|---|\n")
        )
        #expect(markdown.contains("| United States | 0.450 |"))
        #expect(!markdown.contains("─"))  // no terminal rules
    }

    @Test func twoPartyReportHasNoBlockingSection() throws {
        let text = try Analysed("job-offer").report.render(.text)
        #expect(!text.contains("Who blocks"))
        #expect(
            text.contains(
                "383 of 729 packages are acceptable to every party; the 20 with the largest margin are listed (margin: "
            ))
        #expect(text.contains("\nProposals\n"))
    }

    @Test func proposalRemarksNameTheCrossedRedLines() throws {
        let text = try Analysed("berlin-2025").report.render(.text)
        #expect(text.contains("us_28_point_plan: crosses Ukraine's red line (territory = cede_donbas)."))
        #expect(text.contains("berlin_framework leaves territory open: 0 of 4 completions are acceptable to all"))
    }

    @Test func evaluationReportJudgesEveryParty() throws {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let proposal = try #require(scenario.proposals.first { $0.id == "us_28_point_plan" })
        let report = EvaluationReport(scenario: scenario, evaluation: try scenario.evaluate(proposal))

        let text = report.render(.text)
        #expect(text.contains("rejects: red line territory = cede_donbas"))
        #expect(text.contains("Not every party accepts this package."))
        let json = try parseObject(report.render(.json))
        #expect(json["acceptedByAll"] as? Bool == false)
        #expect(try object(json["accepted"], "accepted")["russia"] as? Bool == true)
        #expect(report.render(.markdown).contains("| party | utility | reservation | margin | verdict |"))
    }
}
