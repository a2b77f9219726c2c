import AccordCore
import AccordFormats
import AccordReport
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Three parties where p and r stand furthest apart (gap 0.5 on each issue), q in between.
let threePartyScenario = """
    accord: 1
    name: Three parties
    issues:
      - {id: a, options: [x, y]}
      - {id: b, options: [x, y]}
    parties:
      - id: p
        name: "Pat <b>& \\"Co\\""
        weights: {a: 0.5, b: 0.5}
        values: {a: {x: 1, y: 0}, b: {x: 1, y: 0}}
      - id: q
        name: Quinn
        weights: {a: 0.5, b: 0.5}
        values: {a: {x: 1, y: 0.5}, b: {x: 0.5, y: 1}}
      - id: r
        name: Robin
        reservation: 0.2
        weights: {a: 0.5, b: 0.5}
        values: {a: {x: 0, y: 1}, b: {x: 0, y: 1}}
    proposals:
      - id: middle
        outcome: {a: x, b: y}
    """

/// The HTML report of a scenario given as YAML text.
func htmlReport(yaml: String, plot: (x: Int, y: Int)? = nil) throws -> String {
    let scenario = try ScenarioLoader.parse(yaml, file: "fixture.yaml")
    return AnalysisReport(try scenario.analyze()).html(plot: plot)
}

/// Whether the page is well-formed XML once the doctype line is removed: Foundation's parser where available,
/// else a tag-balance check.
func isWellFormed(_ html: String) -> Bool {
    let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
    #if canImport(FoundationXML) || canImport(Darwin)
        return XMLParser(data: Data(body.utf8)).parse()
    #else
        return tagsBalance(body)
    #endif
}

/// Whether every opening tag is closed in order (self-closing tags count as both).
func tagsBalance(_ text: String) -> Bool {
    var stack: [Substring] = []
    var rest = text[...]
    while let open = rest.firstIndex(of: "<") {
        guard let close = rest[open...].firstIndex(of: ">") else { return false }
        let tag = rest[rest.index(after: open)..<close]
        rest = rest[rest.index(after: close)...]
        if tag.hasPrefix("!") || tag.hasPrefix("?") { continue }
        let name = tag.drop { $0 == "/" }.prefix { !$0.isWhitespace && $0 != "/" }
        if tag.hasPrefix("/") {
            guard stack.popLast() == name else { return false }
        } else if !tag.hasSuffix("/") {
            stack.append(name)
        }
    }
    return stack.isEmpty
}

func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

@Suite struct HTMLReportTests {
    static let berlinSections = [
        "summary", "parties", "agreement-zone", "who-blocks", "coalitions", "solutions", "pareto-frontier",
        "proposals", "sensitivity-reservation-thresholds", "acceptance-under-uncertainty", "position-gaps",
    ]

    static func berlin() async throws -> String {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let acceptance = try await scenario.acceptance(options: AcceptanceOptions(samples: 1_000, seed: 3))
        return AnalysisReport(try scenario.analyze(), acceptance: acceptance).html()
    }

    @Test func berlinPageIsWellFormedAndSelfContained() async throws {
        let html = try await Self.berlin()

        #expect(html.hasPrefix("<!DOCTYPE html>\n"))
        #expect(isWellFormed(html))
        #expect(tagsBalance(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")))
        #expect(occurrences(of: "<svg", in: html) == 5)  // utility space, thresholds, sweep, acceptance, gaps
        #expect(occurrences(of: "<svg", in: html) == occurrences(of: "</svg>", in: html))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(!html.contains("href=\"http"))
        #expect(!html.contains("url(http"))
        #expect(!html.contains("@import"))
        // Every link is to a section of the page.
        for link in html.components(separatedBy: "href=\"").dropFirst() {
            #expect(link.hasPrefix("#"), "external link \(link.prefix(40))")
        }
    }

    @Test(arguments: berlinSections)
    func berlinPageHasTheSection(id: String) async throws {
        let html = try await Self.berlin()
        #expect(html.contains("<section id=\"\(id)\">"))
        #expect(html.contains("<a href=\"#\(id)\">"))
    }

    @Test(arguments: [
        ("chart-utility-space", "pareto-frontier"), ("chart-thresholds", "sensitivity-reservation-thresholds"),
        ("chart-acceptance", "acceptance-under-uncertainty"), ("chart-gaps", "position-gaps"),
        ("chart-sweep", "sensitivity-one-number-at-a-time"),
    ])
    func berlinChartIsDrawnInItsSection(chart: String, section: String) async throws {
        let html = try await Self.berlin()
        let start = try #require(html.firstRange(of: "<section id=\"\(section)\">"))
        let rest = html[start.upperBound...]
        let end = rest.firstRange(of: "</section>")?.lowerBound ?? rest.endIndex
        let inside = rest[..<end]
        #expect(inside.contains("<figure id=\"\(chart)\">"))
        #expect(inside.contains("role=\"img\""))
        #expect(inside.contains("aria-label=\""))
        #expect(inside.contains("<title>"))
    }

    @Test func berlinUtilitySpaceShowsEveryPackageTheFrontierAndEachProposal() async throws {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let html = AnalysisReport(try scenario.analyze()).html()

        #expect(html.contains("a package (all 1,980 packages)"))
        // Legend entries wrap over several lines of text.
        #expect(html.contains(">Pareto frontier (313 packages, efficient</text>"))
        for proposal in scenario.proposals {
            #expect(html.contains(">\(proposal.id)</text>"), "\(proposal.id) is not labelled")
        }
        #expect(html.contains(">Not drawn (the agreement zone is empty):</text>"))
        #expect(html.contains(">Nash, Kalai–Smorodinsky, utilitarian,</text>"))
        #expect(html.contains("reservation 0.600"))
        // Without Monte Carlo there is no acceptance chart.
        #expect(!html.contains("chart-acceptance"))
    }

    @Test func berlinSweepTornadoMarksWhereRussiasReservationOpensTheZone() async throws {
        let html = try await Self.berlin()
        #expect(html.contains("russia.reservation: the agreement zone opens near 0.566"))
        #expect(html.contains("russia.reservation = 0.600: the zone stays empty from 0.566 to 1.000"))
    }

    @Test func berlinPlotDefaultsToThePairWithTheLargestTotalGap() throws {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let analysis = try scenario.analyze()
        var totals: [String: Double] = [:]
        for gap in analysis.gaps {
            totals["\(gap.partyA),\(gap.partyB)", default: 0] += gap.gap
        }
        let widest = try #require(totals.max { $0.value < $1.value }?.key)
        let pair = widest.split(separator: ",").compactMap { Int($0) }
        let x = scenario.parties[pair[0]]
        let y = scenario.parties[pair[1]]

        let html = AnalysisReport(analysis).html()
        #expect(
            html.contains(
                "Horizontal: \(x.name) (\(x.id)); vertical: \(y.name) (\(y.id)). The pair with the largest total position gap"
            ))
        #expect(x.id == "ukraine" && y.id == "russia")
    }

    @Test func threePartyPlotDefaultsToTheFurthestPair() throws {
        let html = try htmlReport(yaml: threePartyScenario)
        #expect(html.contains("Horizontal: Pat &lt;b&gt;&amp; &quot;Co&quot; (p); vertical: Robin (r)."))
        #expect(html.contains("(1.000 summed over the issues)"))
    }

    @Test func explicitPlotPairIsUsedAndSaidSo() throws {
        let html = try htmlReport(yaml: threePartyScenario, plot: (x: 1, y: 0))
        #expect(
            html.contains(
                "Horizontal: Quinn (q); vertical: Pat &lt;b&gt;&amp; &quot;Co&quot; (p). The pair was chosen (--plot on the command line, the pair picker in the workspace)."
            ))
    }

    @Test func namesWithMarkupAreEscapedEverywhere() throws {
        let html = try htmlReport(yaml: threePartyScenario)

        #expect(!html.contains("<b>"))
        #expect(!html.contains("Pat <"))
        #expect(!html.contains("& \""))
        #expect(html.contains("Pat &lt;b&gt;&amp; &quot;Co&quot;"))
        #expect(isWellFormed(html))
        #expect(tagsBalance(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")))
    }

    @Test func largeSpaceIsDrawnAsALabelledDeterministicSample() throws {
        let scenario = try ScenarioLoader.bundled("synthetic-1m-2p")
        let report = AnalysisReport(try scenario.analyze())
        let html = report.html()

        #expect(html.contains(">a package (a deterministic sample of</text>"))
        #expect(html.contains("20,000 of its 1,000,000 analysed packages are drawn"))
        // Each distinct dot is one zero-length segment: never more than the sample.
        #expect(occurrences(of: "h0", in: html) <= 20_000 + 8)
        #expect(html == report.html())
        #expect(isWellFormed(html))
    }

    @Test func jobOfferPageHasThePostSettlementSectionAndNoAcceptanceChart() throws {
        let html = try Analysed("job-offer").report.html()
        #expect(html.contains("<section id=\"post-settlement-improvements\">"))
        #expect(html.contains(">in the agreement zone: every party</text>"))
        #expect(html.contains("accepts (383)</text>"))
        #expect(!html.contains("chart-acceptance"))
        #expect(isWellFormed(html))
    }

    @Test func textAndMarkdownAreUnchangedByTheHTMLFormat() throws {
        let report = try Analysed("job-offer").report
        #expect(!report.render(.text).contains("<"))
        #expect(report.render(.html) == report.html())
    }

    @Test func minimalPageEscapesItsText() {
        let page = HTMLPage.preformatted(title: "a <b> & c", text: "x < y & z\n")
        #expect(page.contains("<title>a &lt;b&gt; &amp; c</title>"))
        #expect(page.contains("<pre>x &lt; y &amp; z\n</pre>"))
        #expect(isWellFormed(page))
    }
}
