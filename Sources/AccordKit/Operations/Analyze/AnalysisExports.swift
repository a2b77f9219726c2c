import AccordCore
import AccordReport
import Foundation

/// The package files an analysis writes (`--export-zone`, `--export-frontier`), opened before it runs.
struct AnalysisExports {
    var zone: PackageExportFile?
    var frontier: PackageExportFile?

    /// Writes every package of the zone (in outcome-index order, walking the space again) and of the frontier (in
    /// the report's order), then closes the files.
    func write(_ report: AnalysisReport) throws {
        if let zone {
            try zone.writeHeader(of: report)
            try report.analysis.forEachZonePackage { package in try zone.write(package, of: report) }
            try zone.close()
        }
        if let frontier {
            try frontier.writeHeader(of: report)
            for package in report.analysis.frontier { try frontier.write(package, of: report) }
            try frontier.close()
        }
    }

    /// Refuses the exports for a space analysed from its rectangle frontier, which lists neither.
    func refuseRectangleFrontier() throws(RequestError) {
        guard let file = zone ?? frontier else { return }
        throw RequestError(
            "'\(file.path)' cannot be written: this space is too large to list, and its analysis from the "
                + "rectangle frontier lists no packages to export")
    }

    /// Closes and removes the files of a run that failed.
    func discard() {
        for file in [zone, frontier].compactMap({ $0 }) {
            try? file.close()
            try? FileManager.default.removeItem(atPath: file.path)
        }
    }
}

extension AnalysisRequest {
    /// Checks the limits a library caller may set out of range (the CLI checks them as it parses).
    func validateLimits() throws(RequestError) {
        if let limit, limit < 0 { throw RequestError("--limit must be at least 0, found \(limit)") }
        guard sensitivityLimit >= 0 else {
            throw RequestError("--sensitivity-limit must be at least 0, found \(sensitivityLimit)")
        }
        if let exportZone, exportZone == exportFrontier {
            throw RequestError("--export-zone and --export-frontier name the same file '\(exportZone)'")
        }
    }

    /// Creates (or empties) the export files, so that a bad path fails before the analysis runs.
    func openExports() throws -> AnalysisExports {
        var exports = AnalysisExports()
        do {
            exports.zone = try exportZone.map { try PackageExportFile(path: $0, option: "--export-zone") }
            exports.frontier = try exportFrontier.map { try PackageExportFile(path: $0, option: "--export-frontier") }
        } catch {
            exports.discard()
            throw error
        }
        return exports
    }
}
