import Foundation

/// Writes a rendered report to a file (`--output FILE`) and the charts of an HTML report as standalone SVG files
/// (`--charts DIR`): the front ends pass the paths, the writing is done here.
public enum ReportWriter {
    /// Replaces the file at `path` with `text` in one step (a temporary file renamed over it), so a reader never
    /// sees half a report.
    ///
    /// - Throws: ``IOFailure`` when the file cannot be written (a missing folder, no permission, a folder in its
    ///   place).
    public static func write(_ text: String, to path: String) throws(IOFailure) {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw IOFailure("cannot write '\(path)'", error: error)
        }
    }

    /// Writes every chart of an HTML report into `folder` (created when missing) as `<name>.svg`, replacing files
    /// of the same name; returns the paths written, in the order of the page (empty when the report has no chart).
    ///
    /// - Parameter html: the report rendered as HTML (``ReportFormat/html``).
    /// - Throws: ``RequestError`` when `folder` is a file; ``IOFailure`` when it cannot be created or a chart
    ///   cannot be written.
    public static func writeCharts(ofHTML html: String, into folder: String) throws -> [String] {
        try prepare(folder)
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return try StandaloneChart.charts(inHTML: html).map { chart in
            let path = prefix + chart.fileName
            try write(chart.svg, to: path)
            return path
        }
    }

    /// Creates the folder when missing; a file in its place is refused.
    private static func prepare(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RequestError("--charts '\(folder)' is a file; give a folder to write the charts into")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create the folder '\(folder)'", error: error)
        }
    }
}
