import AccordCore
import AccordReport
import Foundation

/// A file of packages written by `accord analyze` (`--export-zone`, `--export-frontier`): CSV when its name ends in
/// `.csv`, JSON Lines when it ends in `.jsonl`. Created (or emptied) before the analysis, so that an unwritable path
/// fails at once, and written through a buffer, so that millions of packages cost constant memory.
final class PackageExportFile {
    /// The two formats.
    enum Format {
        case csv
        case jsonLines
    }

    let format: Format
    private let file: LineFile

    /// The path, as the request gives it.
    var path: String { file.path }

    /// The format a path asks for by its extension.
    ///
    /// - Throws: ``RequestError`` naming `option` when the name ends in neither `.csv` nor `.jsonl`.
    static func format(of path: String, option: String) throws(RequestError) -> Format {
        let lowered = path.lowercased()
        if lowered.hasSuffix(".csv") { return .csv }
        if lowered.hasSuffix(".jsonl") { return .jsonLines }
        throw RequestError(
            "\(option) writes CSV or JSON Lines: give a file name ending in .csv or .jsonl, found '\(path)'")
    }

    /// Creates (or empties) the file.
    ///
    /// - Throws: ``RequestError`` for a name that ends in neither `.csv` nor `.jsonl`; ``IOFailure`` when the file
    ///   cannot be created (a folder, or a folder that does not exist or cannot be written).
    init(path: String, option: String) throws {
        format = try Self.format(of: path, option: option)
        file = try LineFile(path: path, option: option)
    }

    /// Writes the header line (CSV only).
    func writeHeader(of report: AnalysisReport) throws(IOFailure) {
        if format == .csv { try file.write(line: report.packageCSVHeader()) }
    }

    /// Writes one package as a line.
    func write(_ package: ScoredOutcome, of report: AnalysisReport) throws(IOFailure) {
        try file.write(line: format == .csv ? report.packageCSVLine(package) : report.packageJSONLine(package))
    }

    /// Writes what the buffer holds and closes the file.
    func close() throws(IOFailure) {
        try file.close()
    }
}
