import AccordKit
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite struct ReportWriterTests {
    @Test func theReportReplacesTheFileWhole() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = try folder.file("report.txt", "an older, much longer report that must not survive\n")

        try ReportWriter.write("new\n", to: path)

        #expect(try folder.text(of: "report.txt") == "new\n")
        #expect(try folder.names() == ["report.txt"], "a temporary file was left behind")
    }

    @Test func aFileThatCannotBeWrittenIsAnIOFailureWithExitStatusOne() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let path = folder.path + "/missing/report.txt"

        let failure = try #require(throws: IOFailure.self) { try ReportWriter.write("x", to: path) }
        #expect(failure.action == "cannot write '\(path)'")
        #expect(failure.exitStatus == .failure)
    }

    @Test func everyChartOfTheBerlinReportIsAStandaloneSVGFile() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let html = try await AnalysisRequest(samples: 200).run().render(.html)

        let paths = try ReportWriter.writeCharts(ofHTML: html, into: folder.path + "/charts")

        // The five charts of docs/cli.md's table, in the order of the page.
        #expect(
            paths.map { URL(fileURLWithPath: $0).lastPathComponent } == [
                "utility-space.svg", "thresholds.svg", "sweep.svg", "acceptance.svg", "gaps.svg",
            ])
        for path in paths {
            let svg = try String(contentsOfFile: path, encoding: .utf8)
            #expect(
                svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.hasSuffix("</svg>\n"))
            #if canImport(FoundationXML) || canImport(Darwin)
                #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(path) is not well-formed XML")
            #endif
        }
    }

    @Test func chartsIntoAFileAreRefusedAsABadRequest() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let file = try folder.file("taken", "")
        let html = "<figure id=\"chart-a\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n</figure>"

        #expect(throws: RequestError.self) { try ReportWriter.writeCharts(ofHTML: html, into: file) }
    }

    @Test func chartsWithTheSameNameGetNumbered() {
        let figure = "<figure id=\"chart-positions\">\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>\n</figure>"

        let charts = StandaloneChart.charts(inHTML: figure + figure)

        #expect(charts.map(\.fileName) == ["positions.svg", "positions-2.svg"])
        #expect(charts[0].svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"))
    }
}
