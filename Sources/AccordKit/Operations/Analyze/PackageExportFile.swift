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

    /// The path, as the request gives it.
    let path: String
    let format: Format
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The buffer's size: the file is written in pieces of about 1 MiB.
    static let bufferSize = 1 << 20

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
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            var isDirectory: ObjCBool = false
            let reason =
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "it is a folder" : "the folder does not exist or is not writable"
            throw IOFailure("\(option): cannot write '\(path)'", reason: reason)
        }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize + 4096)
    }

    /// Writes the header line (CSV only).
    func writeHeader(of report: AnalysisReport) throws(IOFailure) {
        if format == .csv { try write(line: report.packageCSVHeader()) }
    }

    /// Writes one package as a line.
    func write(_ package: ScoredOutcome, of report: AnalysisReport) throws(IOFailure) {
        try write(line: format == .csv ? report.packageCSVLine(package) : report.packageJSONLine(package))
    }

    /// Appends one line (the newline is added).
    private func write(line: String) throws(IOFailure) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what the buffer holds.
    private func flush() throws(IOFailure) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw IOFailure("cannot write '\(path)'", error: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what the buffer holds and closes the file.
    func close() throws(IOFailure) {
        defer { try? handle.close() }
        try flush()
    }
}
