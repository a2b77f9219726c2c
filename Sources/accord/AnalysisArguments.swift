import AccordKit
import ArgumentParser
import Foundation

/// The scenario and the options that define an analysis, shared by `accord analyze` and `accord slurm analyze`.
struct AnalysisArguments: ParsableArguments {
    @OptionGroup var input: ScenarioArgument

    @Option(help: "The most outcomes to enumerate before refusing.")
    var maxOutcomes: Int = AnalysisOptions().maxOutcomes

    @Option(
        help:
            "Analyse only these issues (comma-separated ids), as if the others were settled elsewhere; weights are renormalised over them."
    )
    var issues: String?

    @Flag(
        help: "Also report GENIUS's opposition and bid distribution (costs outcomes × frontier size distance checks)."
    )
    var parity = false

    @Option(
        help:
            "Analyse only the options still available in this round (options past their available_until round are removed)."
    )
    var round: Int?

    @Option(help: "Analyse only the options still available on this date (YYYY-MM-DD).")
    var date: String?

    @Option(
        help:
            "The most outcome checks to spend on diagnostics (coalitions, reservation thresholds) before leaving them out."
    )
    var diagnosticsLimit: Int = AnalysisOptions().diagnosticsWorkLimit

    @OptionGroup var lists: AnalyzeListOptions

    @Option(
        help:
            "Monte Carlo draws of the scenario's uncertain numbers (default 10,000 when it has any; at most 10,000,000)."
    )
    var samples: Int?

    @Option(help: "The random seed of the Monte Carlo draws; the same seed gives the same result.")
    var seed: UInt64 = 1

    @Flag(
        help: "Estimate every package's chance of being in the zone, not only the tracked ones' (slow on large spaces)."
    )
    var allPackages = false

    func validate() throws {
        guard maxOutcomes >= 1 else {
            throw ValidationError("--max-outcomes must be at least 1, found \(maxOutcomes).")
        }
        if let round, round < 1 { throw ValidationError("--round must be at least 1, found \(round).") }
        guard diagnosticsLimit >= 0 else {
            throw ValidationError("--diagnostics-limit must be at least 0, found \(diagnosticsLimit).")
        }
        if let samples, !(1...AcceptanceOptions.maximumSamples).contains(samples) {
            throw ValidationError("--samples must be between 1 and 10,000,000, found \(samples).")
        }
        if let date, !ScenarioDate.isISODate(date) {
            throw ValidationError("--date must be a date of the form YYYY-MM-DD, found '\(date)'.")
        }
    }

    /// The request these options make, with the HTML chart's parties.
    func request(plot: PartyPair? = nil) throws -> AnalysisRequest {
        AnalysisRequest(
            source: try input.source(), issues: issues.map { $0.split(separator: ",").map(String.init) }, plot: plot,
            maxOutcomes: maxOutcomes, round: round, date: date, diagnosticsLimit: diagnosticsLimit,
            sensitivityLimit: lists.sensitivityLimit, limit: lists.limit, exportZone: lists.exportZone,
            exportFrontier: lists.exportFrontier, samples: samples, seed: seed, parity: parity,
            parallelism: ProcessInfo.processInfo.activeProcessorCount, tracksEveryPackage: allPackages)
    }
}
