import AccordKit
import ArgumentParser
import Foundation

/// `--charts DIR`, shared by the commands whose HTML report has charts: each chart is also written as a standalone
/// SVG file into the folder, and the files written are named on standard error.
struct ChartsOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Also write each chart of the HTML report into this folder as its own SVG file (named on standard error).",
            valueName: "dir"))
    var charts: String?

    /// Writes the charts of the result's HTML report when `--charts` was given.
    func export(_ result: some OperationResult) throws {
        guard let charts else { return }
        let paths = try ReportWriter.writeCharts(ofHTML: result.render(.html), into: charts)
        let line =
            paths.isEmpty
            ? "accord: the report has no charts; nothing was written to '\(charts)'.\n"
            : "accord: wrote \(paths.count == 1 ? "1 chart" : "\(paths.count) charts"): "
                + paths.joined(separator: ", ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
