import AccordKit
import Foundation
import Testing

/// `--limit`, `--sensitivity-limit` and the package exports of an analysis, through AccordKit.
@Suite struct AnalysisListTests {
    func report(_ request: AnalysisRequest) async throws -> AnalysisReport {
        guard case .analysis(let report) = try await request.run().content else {
            throw RequestError("expected the full analysis")
        }
        return report
    }

    @Test func theLimitSetsHowManyZoneAndFrontierPackagesAreListed() async throws {
        let report = try await report(AnalysisRequest(source: .bundled("synthetic-15k-2p"), limit: 5))
        #expect(report.analysis.zone.count == 5_374)
        #expect(report.analysis.zone.outcomes.count == 5)
        #expect(report.frontierRows == 5)
        #expect(report.render(.text).contains("58 efficient package(s); the first 5 by a's utility"))
        // The JSON's frontier stays whole.
        #expect(report.analysis.frontier.count == 58)
    }

    @Test func theSensitivityLimitLeavesTheSweepOutOrRunsIt() async throws {
        let skipped = try await report(AnalysisRequest(source: .bundled("job-offer"), sensitivityLimit: 728))
        #expect(skipped.analysis.sensitivity.isEmpty)
        #expect(
            skipped.analysis.skipped.sensitivity?.remedies == [LimitRemedy(option: "--sensitivity-limit", value: 729)])
        let run = try await report(AnalysisRequest(source: .bundled("job-offer"), sensitivityLimit: 729))
        #expect(!run.analysis.sensitivity.isEmpty)
        #expect(run.analysis.skipped == SkippedSections())
    }

    @Test func theZoneExportHoldsEveryZonePackageAndTheFrontierExportTheFrontier() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let request = AnalysisRequest(
            source: .bundled("synthetic-15k-2p"), exportZone: folder.path + "/zone.csv",
            exportFrontier: folder.path + "/frontier.jsonl")
        let report = try await report(request)
        let zone = try folder.lines(of: "zone.csv")
        #expect(zone.first == Substring(report.packageCSVHeader()))
        #expect(zone.count == 1 + 5_374)
        #expect(Set(zone.dropFirst()).count == 5_374)
        // Every row is acceptable: its smallest margin (next to last column) is not below −1e-9.
        #expect(zone.dropFirst().allSatisfy { Double($0.split(separator: ",").dropLast().last!)! >= -1e-9 })
        // The listed packages are among the exported ones.
        let rows = Set(zone.dropFirst())
        #expect(report.analysis.zone.outcomes.allSatisfy { rows.contains(Substring(report.packageCSVLine($0))) })
        let frontier = try folder.lines(of: "frontier.jsonl")
        #expect(frontier == report.analysis.frontier.map { Substring(report.packageJSONLine($0)) })
    }

    @Test func aZoneExportAsJSONLinesHasOneObjectPerPackage() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let report = try await report(
            AnalysisRequest(source: .bundled("job-offer"), exportZone: folder.path + "/zone.JSONL"))
        let lines = try folder.lines(of: "zone.JSONL")
        #expect(lines.count == 383)
        #expect(lines.count == report.analysis.zone.count)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"outcome\":{\"salary\":") })
    }

    @Test(arguments: ["/nonexistent-accord-folder/zone.csv", "FOLDER"])
    func anUnwritablePathIsAnIOFailureBeforeTheAnalysis(path: String) async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let target = path == "FOLDER" ? folder.path + "/sub.csv" : path
        if path == "FOLDER" {
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        }
        do {
            _ = try await AnalysisRequest(source: .bundled("job-offer"), exportFrontier: target).run()
            Issue.record("expected an IOFailure")
        } catch let failure as IOFailure {
            #expect(failure.exitStatus == .failure)
            #expect(failure.action == "--export-frontier: cannot write '\(target)'")
            #expect(
                failure.reason == (path == "FOLDER" ? "it is a folder" : "the folder does not exist or is not writable")
            )
        }
    }

    @Test(
        arguments: [
            (
                AnalysisRequest(exportZone: "zone.txt"),
                "--export-zone writes CSV or JSON Lines: give a file name "
                    + "ending in .csv or .jsonl, found 'zone.txt'"
            ),
            (
                AnalysisRequest(exportZone: "same.csv", exportFrontier: "same.csv"),
                "--export-zone and "
                    + "--export-frontier name the same file 'same.csv'"
            ),
            (AnalysisRequest(limit: -1), "--limit must be at least 0, found -1"),
            (AnalysisRequest(sensitivityLimit: -2), "--sensitivity-limit must be at least 0, found -2"),
        ] as [(AnalysisRequest, String)])
    func aBadRequestIsARequestError(request: AnalysisRequest, sentence: String) async throws {
        await #expect(throws: RequestError(sentence)) { try await request.run() }
    }

    @Test func aFailedAnalysisLeavesNoExportBehind() async throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        // The exact analysis runs, then the Monte Carlo part refuses 0 draws: the run fails after the file was opened.
        await #expect(throws: (any Error).self) {
            try await AnalysisRequest(exportZone: folder.path + "/zone.csv", samples: 0).run()
        }
        #expect(try folder.names().isEmpty)
    }
}
