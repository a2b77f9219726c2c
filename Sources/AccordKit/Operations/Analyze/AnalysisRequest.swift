/// A request for the exact analysis of a scenario (`accord analyze`): the agreement zone, the Pareto frontier, the
/// bargaining solutions, who blocks, coalitions, sensitivity and gaps, and — when the scenario has uncertain
/// numbers or `samples` is given — the Monte Carlo acceptance analysis.
///
/// A bilateral scenario whose hyper-rectangle utilities make the space too large to list is analysed from its
/// rectangle frontier instead (``RectangleFrontierAnalysis``).
public struct AnalysisRequest: AccordOperation {
    public static let kind = OperationKind.analyze

    /// The scenario.
    public var source: ScenarioSource
    /// Analyse only these issues, as if the others were settled elsewhere (`nil`: all).
    public var issues: [String]?
    /// The two parties of the HTML utility-space chart (`nil`: the pair with the largest total position gap).
    public var plot: PartyPair?
    /// The most outcomes to enumerate before refusing.
    public var maxOutcomes: Int
    /// Analyse only the options still available in this round.
    public var round: Int?
    /// Analyse only the options still available on this date (YYYY-MM-DD).
    public var date: String?
    /// The most outcome checks to spend on diagnostics (coalitions, reservation thresholds).
    public var diagnosticsLimit: Int
    /// The largest space on which the one-at-a-time sensitivity sweep runs (0 turns it off).
    public var sensitivityLimit: Int
    /// How many packages the zone and frontier lists hold (`nil`: the zone's best 20, the frontier's first 12 in
    /// the readable reports; the JSON's `pareto` always holds the whole frontier).
    public var limit: Int?
    /// A file to write every package of the agreement zone to, CSV (`.csv`) or JSON Lines (`.jsonl`).
    public var exportZone: String?
    /// A file to write every package of the Pareto frontier to, CSV (`.csv`) or JSON Lines (`.jsonl`).
    public var exportFrontier: String?
    /// Monte Carlo draws (`nil`: 10,000 when the scenario has uncertain numbers, none otherwise).
    public var samples: Int?
    /// The seed of the Monte Carlo draws.
    public var seed: UInt64
    /// Also compute GENIUS's opposition and bid distribution.
    public var parity: Bool
    /// How many chunks of draws run at once (the result does not depend on it).
    public var parallelism: Int
    /// Estimate every package's probability of being in the zone (one full zone scan per draw) instead of only
    /// the tracked packages': the proposals, the bargaining solutions, the Pareto frontier (its first
    /// ``trackedFrontierLimit`` packages) and ``candidates`` candidates.
    public var tracksEveryPackage: Bool
    /// How many candidates the Monte Carlo analysis tracks (see ``AcceptanceOptions/candidateCount``).
    public var candidates: Int
    /// The counts of every shard of this same analysis's Monte Carlo draws (``AnalysisShardRequest``): when given,
    /// no draw is made and the Monte Carlo analysis is their merge, exactly that of one run making every draw.
    public var shardCounts: [AcceptanceCounts]?

    /// The draws when the scenario has uncertain numbers and no `samples` is given.
    public static let defaultSamples = 10_000
    /// The most frontier packages the Monte Carlo analysis tracks (the frontier's order: the first party's utility,
    /// descending).
    public static let trackedFrontierLimit = 10_000

    /// Creates a request; the defaults are the CLI's.
    public init(
        source: ScenarioSource = .default, issues: [String]? = nil, plot: PartyPair? = nil,
        maxOutcomes: Int = AnalysisOptions().maxOutcomes, round: Int? = nil, date: String? = nil,
        diagnosticsLimit: Int = AnalysisOptions().diagnosticsWorkLimit,
        sensitivityLimit: Int = AnalysisOptions().sensitivityOutcomeLimit, limit: Int? = nil,
        exportZone: String? = nil, exportFrontier: String? = nil, samples: Int? = nil, seed: UInt64 = 1,
        parity: Bool = false, parallelism: Int = 1, tracksEveryPackage: Bool = false,
        candidates: Int = AcceptanceOptions.defaultCandidateCount
    ) {
        self.source = source
        self.issues = issues
        self.plot = plot
        self.maxOutcomes = maxOutcomes
        self.round = round
        self.date = date
        self.diagnosticsLimit = diagnosticsLimit
        self.sensitivityLimit = sensitivityLimit
        self.limit = limit
        self.exportZone = exportZone
        self.exportFrontier = exportFrontier
        self.samples = samples
        self.seed = seed
        self.parity = parity
        self.parallelism = parallelism
        self.tracksEveryPackage = tracksEveryPackage
        self.candidates = candidates
    }

    public var parameters: JSONValue {
        let input: [(String, JSONValue)] = [
            ("scenario", source.json), ("issues", issues.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("plot", plot.map { .array([.string($0.x), .string($0.y)]) } ?? .null),
            ("maxOutcomes", .int(maxOutcomes)), ("round", round.map(JSONValue.int) ?? .null),
            ("date", date.map(JSONValue.string) ?? .null), ("diagnosticsLimit", .int(diagnosticsLimit)),
        ]
        let lists: [(String, JSONValue)] = [
            ("sensitivityLimit", .int(sensitivityLimit)), ("limit", limit.map(JSONValue.int) ?? .null),
            ("exportZone", exportZone.map(JSONValue.string) ?? .null),
            ("exportFrontier", exportFrontier.map(JSONValue.string) ?? .null),
        ]
        let draws: [(String, JSONValue)] = [
            ("samples", samples.map(JSONValue.int) ?? .null), ("seed", .string(String(seed))),
            ("parity", .bool(parity)), ("allPackages", .bool(tracksEveryPackage)), ("candidates", .int(candidates)),
        ]
        return .object(input + lists + draws)
    }

    public func inputFingerprint() throws -> String { source.fingerprint() }

    public func run(monitor: any RunMonitor) async throws -> AnalysisResult {
        try validateLimits()
        let scenario = try self.scenario()
        let plotIndices = try plot?.indices(in: scenario)
        let exports = try openExports()
        do {
            let analysis: ScenarioAnalysis
            do {
                analysis = try scenario.analyze(options: analysisOptions)
            } catch {
                guard scenario.fallsBackOnRectangleFrontier(after: error) else { throw error }
                try exports.refuseRectangleFrontier()
                return AnalysisResult(rectangleFrontier: try rectangleFrontierAnalysis(of: scenario, after: error))
            }
            let acceptance = try await self.acceptance(
                of: scenario, tracking: Self.trackedPackages(of: analysis), monitor: monitor)
            var report = AnalysisReport(
                analysis, acceptance: acceptance, parity: parity ? try analysis.parityMetrics() : nil)
            if let limit { report.frontierRows = limit }
            try exports.write(report)
            return AnalysisResult(report: report, plot: plotIndices)
        } catch {
            exports.discard()
            throw error
        }
    }

    /// The scenario, restricted to ``issues`` when given.
    public func scenario() throws -> Scenario {
        let scenario = try source.scenario()
        guard let issues else { return scenario }
        return try scenario.restricted(toIssues: issues)
    }

    /// The options of the exact analysis.
    public var analysisOptions: AnalysisOptions {
        AnalysisOptions(
            maxOutcomes: maxOutcomes, zoneListLimit: limit ?? AnalysisOptions().zoneListLimit, round: round, date: date,
            diagnosticsWorkLimit: diagnosticsLimit, sensitivityOutcomeLimit: sensitivityLimit)
    }

    /// The packages the Monte Carlo analysis tracks beside the proposals and the candidates: the bargaining
    /// solutions, the closest package and the Pareto frontier (its first ``trackedFrontierLimit`` packages).
    private static func trackedPackages(of analysis: ScenarioAnalysis) -> [Outcome] {
        let solutions = analysis.solutions
        let points = [
            solutions.nash, solutions.kalaiSmorodinsky, solutions.geniusKalaiSmorodinsky, solutions.utilitarian,
            solutions.egalitarian, analysis.zone.closest,
        ]
        return points.compactMap { $0?.outcome } + analysis.frontier.prefix(trackedFrontierLimit).map(\.outcome)
    }

    /// The Monte Carlo analysis, when the scenario is uncertain or draws were asked for; progress in draws.
    private func acceptance(
        of scenario: Scenario, tracking tracked: [Outcome], monitor: any RunMonitor
    ) async throws -> AcceptanceAnalysis? {
        guard scenario.hasUncertainty || samples != nil else { return nil }
        let options = acceptanceOptions(tracking: tracked)
        if let shardCounts { return try scenario.acceptance(options: options, merging: shardCounts) }
        let progress = AcceptanceProgress(
            report: { done, total in monitor.observe(.progress(RunProgress(done: done, total: total, unit: "draws"))) },
            isCancelled: { monitor.isCancelled })
        // The starting point, so that the rate counts the first chunk too.
        monitor.observe(.progress(RunProgress(done: 0, total: options.samples, unit: "draws")))
        do {
            return try await scenario.acceptance(options: options, progress: progress)
        } catch {
            throw Self.cancellation(error)
        }
    }

    /// The options of the Monte Carlo analysis, which tracks `tracked` beside the proposals and the candidates.
    func acceptanceOptions(tracking tracked: [Outcome]) -> AcceptanceOptions {
        AcceptanceOptions(
            samples: samples ?? Self.defaultSamples, seed: seed, parallelism: parallelism, round: round, date: date,
            tracksEveryPackage: tracksEveryPackage, trackedPackages: tracked, candidateCount: candidates)
    }

    /// The counts of one slice of the Monte Carlo draws: the exact analysis first (it decides which packages are
    /// tracked), then the slice's draws; progress in draws.
    func acceptanceCounts(slice: DrawSlice, monitor: any RunMonitor) async throws -> AcceptanceCounts {
        try validateLimits()
        let scenario = try self.scenario()
        let analysis = try scenario.analyze(options: analysisOptions)
        let options = acceptanceOptions(tracking: Self.trackedPackages(of: analysis))
        let progress = AcceptanceProgress(
            report: { done, total in monitor.observe(.progress(RunProgress(done: done, total: total, unit: "draws"))) },
            isCancelled: { monitor.isCancelled })
        do {
            return try await scenario.acceptanceCounts(options: options, slice: slice, progress: progress)
        } catch {
            throw Self.cancellation(error)
        }
    }

    /// A cancelled analysis as ``RunCancelled``; any other error as it is.
    private static func cancellation(_ error: AnalysisError) -> any Error {
        error == .cancelled ? RunCancelled() : error
    }

    /// The rectangle-frontier analysis of a scenario whose hyper-rectangle utilities make the space too large to
    /// list; it compares two parties only.
    private func rectangleFrontierAnalysis(of scenario: Scenario, after error: AnalysisError) throws
        -> RectangleFrontierAnalysis
    {
        guard scenario.parties.count == 2 else {
            throw RequestError(
                "\(error); with two parties, accord analyze would report their Pareto frontier found from the "
                    + "hyper-rectangles instead, but this scenario has \(scenario.parties.count).")
        }
        do {
            return try scenario.rectangleFrontierAnalysis()
        } catch {
            throw RequestError(
                "the outcome space is too large to list, and its rectangle frontier cannot be found: \(error).")
        }
    }
}
