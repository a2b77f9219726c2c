/// A request to judge one package (`accord evaluate`): every party's utility, margin, acceptance and crossed red
/// lines at the scenario's nominal values and, with ``samples``, the probability that each party accepts it.
public struct EvaluationRequest: AccordOperation {
    public static let kind = OperationKind.evaluate

    /// The scenario.
    public var source: ScenarioSource
    /// The package; issues left out stay open.
    public var package: PackageChoice
    /// Monte Carlo draws of the scenario's uncertain numbers (1 to 10,000,000), or `nil` to judge at the nominal
    /// values only.
    public var samples: Int?
    /// The seed of the draws; the same seed gives the same probabilities.
    public var seed: UInt64

    /// Creates the request.
    public init(source: ScenarioSource = .default, package: PackageChoice, samples: Int? = nil, seed: UInt64 = 1) {
        self.source = source
        self.package = package
        self.samples = samples
        self.seed = seed
    }

    public var parameters: JSONValue {
        .object([
            ("scenario", source.json), ("package", package.json), ("samples", samples.map(JSONValue.int) ?? .null),
            ("seed", .string(String(seed))),
        ])
    }

    public func inputFingerprint() throws -> String { source.fingerprint() }

    /// Judges the package; with ``samples``, also draws the uncertain numbers, reporting progress in draws.
    ///
    /// - Throws: ``RequestError`` for a sample count out of range, the engine's errors for a bad package, and
    ///   ``RunCancelled`` when the monitor cancels the draws.
    public func run(monitor: any RunMonitor) async throws -> EvaluationResult {
        if let samples, !(1...AcceptanceOptions.maximumSamples).contains(samples) {
            throw RequestError("--samples must be between 1 and 10,000,000, found \(samples).")
        }
        let scenario = try source.scenario()
        let levels = try package.levels(in: scenario.space)
        let evaluation = try scenario.evaluate(Proposal(id: "outcome", levels: levels))
        var acceptance: PackageAcceptance?
        if let samples {
            let progress = AcceptanceProgress(
                report: { monitor.observe(.progress(RunProgress(done: $0, total: $1, unit: "draws"))) },
                isCancelled: { monitor.isCancelled })
            do {
                acceptance = try scenario.acceptance(
                    of: evaluation.outcome, samples: samples, seed: seed, progress: progress)
            } catch .cancelled {
                throw RunCancelled()
            }
        }
        return EvaluationResult(
            report: EvaluationReport(scenario: scenario, evaluation: evaluation, acceptance: acceptance))
    }
}
