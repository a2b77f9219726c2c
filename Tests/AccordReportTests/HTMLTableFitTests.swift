import AccordCore
import AccordFormats
import Testing

@testable import AccordReport

/// What makes the HTML report's tables fit a 1400 px or a 390 px window (checked by eye in headless Chromium): text
/// cells that wrap, identifiers that may break after `_`, numbers on one line, a card per row on narrow screens,
/// and wide tables with few rows transposed.
@Suite struct HTMLTableFitTests {
    @Test func theStylesheetLetsTextWrapAndKeepsNumbersOnOneLine() {
        let style = HTMLPage.style
        #expect(style.contains("th, td { white-space: normal; overflow-wrap: break-word; }"))
        #expect(!style.contains("th, td { white-space: nowrap; }"), "every cell on one line hides columns")
        #expect(
            style.contains(
                "td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }"))
        #expect(!style.contains("min-width: 300px"))
    }

    @Test func aNarrowScreenShowsEachRowAsACardOfLabelledValues() {
        let style = HTMLPage.style
        #expect(style.contains("@media (max-width: 720px)"))
        #expect(style.contains(".table thead { display: none; }"))
        #expect(style.contains(".table td::before { content: attr(data-label) \": \";"))
    }

    @Test func cellsCarryTheirHeaderAndIdentifiersMayBreakAfterUnderscores() {
        var table = TextTable(["proposal", "us"], rightAligned: [1])
        table.add(["european_counterproposal", "0.666 ✓"])

        let html = table.html()

        #expect(
            html.contains(
                "<tr><td data-label=\"proposal\">european_<wbr/>counterproposal</td>"
                    + "<td class=\"num\" data-label=\"us\">0.666 ✓</td></tr>"))
        #expect(html.hasPrefix("<div class=\"table\"><table>"))
    }

    @Test func aWideTableWithFewRowsIsTransposed() {
        // Seven issues and six parties: 14 columns, two packages.
        let header = ["proposal"] + (1...7).map { "issue\($0)" } + (1...6).map { "party\($0)" }
        var table = TextTable(header, rightAligned: Set(8...13))
        table.add(["plan_a"] + (1...7).map { "a\($0)" } + (1...6).map { "0.\($0)" })
        table.add(["plan_b"] + (1...7).map { "b\($0)" } + (1...6).map { "0.\($0 + 3)" })

        let html = table.html()

        #expect(html.hasPrefix("<div class=\"table transposed\"><table>"))
        #expect(html.contains("<thead><tr><th>proposal</th><th>plan_<wbr/>a</th><th>plan_<wbr/>b</th></tr></thead>"))
        #expect(html.contains("<tr><td data-label=\"proposal\">issue1</td><td data-label=\"plan_a\">a1</td>"))
        // A party's row holds numbers: right-aligned, its label cell not.
        #expect(
            html.contains(
                "<tr><td data-label=\"proposal\">party1</td><td class=\"num\" data-label=\"plan_a\">0.1</td>"))
        #expect(occurrences(of: "<tr>", in: html) == 1 + 13)
    }

    @Test func aWideTableWithManyRowsKeepsItsColumns() {
        let header = ["package"] + (1...13).map { "c\($0)" }
        var table = TextTable(header)
        for r in 1...9 { table.add(["p\(r)"] + (1...13).map { "v\($0)" }) }

        #expect(table.html().hasPrefix("<div class=\"table\"><table>"))
    }

    @Test func theBerlinProposalsTableWrapsItsIdentifiers() async throws {
        let html = try await HTMLReportTests.berlin()

        #expect(html.contains("<td data-label=\"proposal\">european_<wbr/>counterproposal</td>"))
        #expect(html.contains("<td class=\"num\" data-label=\"russia\">0.232 ✗</td>"))
        #expect(isWellFormed(html))
    }
}
