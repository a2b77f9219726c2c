import AccordCore
import AccordReport
import Foundation
import Testing

/// A section the analysis left out says so in its own place, in every format, with the option that would run it.
@Suite struct SkippedSectionReportTests {
    /// Berlin (4 parties, 1,980 outcomes) with limits that leave out coalitions (1,980 × 11 checks), reservation
    /// thresholds (1,980 × 4) and the sweep (1,980 outcomes).
    static func skipping() throws -> Analysed {
        try Analysed("berlin-2025", options: AnalysisOptions(diagnosticsWorkLimit: 10, sensitivityOutcomeLimit: 100))
    }

    static let sentences = [
        (
            "Coalitions",
            "Not analysed: 1,980 outcomes × 11 coalitions is more than the limit of 10 checks set by "
                + "--diagnostics-limit. To include it, run again with --diagnostics-limit 21780."
        ),
        (
            "Sensitivity: reservation thresholds",
            "Not analysed: 1,980 outcomes × 4 parties is more than the limit of 10 checks set by --diagnostics-limit. "
                + "To include it, run again with --diagnostics-limit 7920."
        ),
        (
            "Sensitivity: one number at a time",
            "Not analysed: the space has 1,980 outcomes, more than its limit of 100 set by --sensitivity-limit. To "
                + "include it, run again with --sensitivity-limit 1980."
        ),
    ]

    @Test func textAndMarkdownSayItUnderTheSectionsHeadingAndNotAgainInTheNotes() throws {
        let report = try Self.skipping().report
        for (heading, sentence) in Self.sentences {
            let text = report.render(.text)
            #expect(text.contains("\(heading)\n\(String(repeating: "─", count: heading.count))\n\n\(sentence)\n"))
            #expect(report.render(.markdown).contains("## \(heading)\n\n\(sentence)\n"))
        }
        #expect(!report.render(.text).contains("were not analysed"))
        #expect(!report.render(.text).contains("was not run"))
    }

    @Test func htmlSaysItInsideTheSection() throws {
        let html = try Self.skipping().report.render(.html)
        for (heading, sentence) in Self.sentences {
            let section = try #require(html.range(of: "<h2>\(heading)</h2>"))
            let end = html.range(of: "</section>", range: section.upperBound..<html.endIndex)?.lowerBound
            let body = html[section.upperBound..<(end ?? html.endIndex)]
            #expect(body.contains(sentence), "\(heading)")
        }
    }

    @Test func jsonKeepsTheSectionsKeysAndSaysWhyInASkippedObject() throws {
        let root = try parseObject(Self.skipping().report.render(.json))
        #expect(try array(root["coalitions"], "coalitions").isEmpty)
        let skipped = try object(root["skipped"], "skipped")
        #expect(Set(skipped.keys) == ["coalitions", "reservationThresholds", "sensitivity"])
        let coalitions = try object(skipped["coalitions"], "skipped.coalitions")
        #expect(
            coalitions["reason"] as? String
                == "1,980 outcomes × 11 coalitions is more than the limit of 10 checks set by --diagnostics-limit")
        let options = try array(coalitions["options"], "options")
        #expect(options.count == 1)
        let option = try object(options.first, "option")
        #expect(option["option"] as? String == "--diagnostics-limit")
        #expect(option["value"] as? Int == 21780)
        let sweep = try object(skipped["sensitivity"], "skipped.sensitivity")
        #expect((try object(array(sweep["options"], "options").first, "option"))["value"] as? Int == 1980)
        // The notes keep their sentences for existing consumers.
        let notes = try #require(root["notes"] as? [String])
        #expect(notes.contains { $0.hasPrefix("Coalitions were not analysed: 1,980 outcomes × 11 coalitions") })
    }

    @Test func nothingSkippedIsAnEmptyObject() throws {
        let root = try parseObject(Analysed("berlin-2025").report.render(.json))
        #expect(try object(root["skipped"], "skipped").isEmpty)
    }

    @Test func aSweepThatNoLimitWouldRunSaysWhyWithoutAnOption() throws {
        var analysis = try Analysed("job-offer").analysis
        analysis.skipped.sensitivity = SkippedSection(
            reason: "it needs additive utilities",
            note: "The sensitivity sweep was not run: it needs additive utilities.")
        let text = AnalysisReport(analysis).render(.text)
        #expect(
            text.contains(
                "Sensitivity: one number at a time\n─────────────────────────────────\n\nNot analysed: it needs additive utilities.\n"
            ))
        let root = try parseObject(AnalysisReport(analysis).render(.json))
        let sweep = try object(try object(root["skipped"], "skipped")["sensitivity"], "sensitivity")
        #expect(try array(sweep["options"], "options").isEmpty)
    }
}

/// Every list states its key; the zone's is the smallest margin, then the Nash product, then the outcome index.
@Suite struct ListOrderReportTests {
    @Test func theZoneListStartsWithTheEgalitarianPackageAndShowsItsMargin() throws {
        let subject = try Analysed("job-offer")
        let zone = subject.analysis.zone
        #expect(zone.outcomes.count == 20 && zone.count == 383)
        #expect(zone.outcomes.first?.outcome == subject.analysis.solutions.egalitarian?.outcome)
        let text = subject.report.render(.text)
        #expect(text.contains("the 20 with the largest margin are listed (margin: the least any party gets above"))
        #expect(text.contains("--limit N lists more, --export-zone FILE.csv writes them all."))
        #expect(text.contains("candidate  employer  margin\n"))
    }

    @Test func theJSONZoneListCarriesItsKeysInOrder() throws {
        let root = try parseObject(Analysed("job-offer").report.render(.json))
        let zone = try object(root["agreementZone"], "agreementZone")
        #expect((zone["order"] as? String)?.hasPrefix("minimumMargin descending") == true)
        let outcomes = try array(zone["outcomes"], "outcomes").map { try object($0, "outcome") }
        let keys = outcomes.map { ($0["minimumMargin"] as! Double, $0["nashProduct"] as! Double) }
        #expect(keys.count == 20)
        for (a, b) in zip(keys, keys.dropFirst()) {
            #expect(a.0 > b.0 + 1e-9 || (abs(a.0 - b.0) <= 1e-9 && a.1 >= b.1), "\(a) before \(b)")
        }
    }

    @Test func theFrontierListHonoursItsRowCount() throws {
        var report = try Analysed("berlin-2025").report
        report.frontierRows = 3
        let text = report.render(.text)
        #expect(text.contains("313 efficient package(s); the first 3 by us's utility (--limit N lists more"))
        let section = try #require(text.components(separatedBy: "Pareto frontier\n").last)
        let rows = section.components(separatedBy: "\n\nProposals").first!.split(separator: "\n").dropFirst(4)
        #expect(rows.count == 3)
    }

    @Test func packageExportLinesHaveOneColumnPerIssueUtilityMarginAndKey() throws {
        let subject = try Analysed("job-offer")
        let report = subject.report
        let header = report.packageCSVHeader().split(separator: ",")
        #expect(
            header
                == (subject.issueIDs + subject.partyIDs.map { "utility.\($0)" }
                + subject.partyIDs.map { "margin.\($0)" }
                + ["minimumMargin", "nashProduct"]).map { Substring($0) })
        let package = try #require(subject.analysis.solutions.nash)
        let cells = report.packageCSVLine(package).split(separator: ",")
        #expect(cells.count == header.count)
        #expect(Double(cells[5]) == package.utilities[0])
        #expect(Double(cells[7]) == package.utilities[0] - subject.scenario.parties[0].reservation)
        let line = try parseObject(report.packageJSONLine(package))
        #expect(Set(line.keys) == ["outcome", "utilities", "margins", "minimumMargin", "nashProduct"])
        #expect(!report.packageJSONLine(package).contains("\n"))
    }
}

/// `--limit 0` lists nothing and says where the packages are.
@Suite struct EmptyListReportTests {
    @Test func aZeroLimitListsNoPackageButSaysHowToGetThem() throws {
        var report = AnalysisReport(try Analysed("job-offer", options: AnalysisOptions(zoneListLimit: 0)).analysis)
        report.frontierRows = 0
        let text = report.render(.text)
        #expect(text.contains("383 of 729 packages are acceptable to every party (none listed; --export-zone FILE.csv"))
        #expect(text.contains("efficient package(s) (none listed; --export-frontier FILE.csv writes them all)."))
        #expect(!text.contains("candidate  employer  margin"))
    }
}
