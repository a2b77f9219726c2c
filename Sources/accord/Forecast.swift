import AccordForecast
import AccordFormats
import AccordReport
import ArgumentParser

/// `accord forecast`: where multi-actor political bargaining drifts, by KTAB's spatial model of politics.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Forecast where many-actor bargaining drifts (KTAB's spatial model of politics), with baselines.",
        discussion: "INPUT is a KTAB CSV file (.csv). Switch values are those of docs/forecast.md.")

    @Argument(
        help: "A KTAB CSV file (.csv): name, description, actor and dimension counts; a header; one row per actor.")
    var input: String

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the report's tables).")
    var format: ReportFormat = .text

    @Option(help: "Victory probability model: linear, square, quartic, octic or binary.")
    var victoryProb: VictoryProbabilityModel = .linear

    @Option(help: "Probabilistic Condorcet election: conditional, markovIncentive or markovUniform.")
    var pce: PCEModel = .conditional

    @Option(
        help: "Voting rule: binary, proportionalBinary, proportional, proportionalCubic, cubic, asymmetricProspect.")
    var votingRule: VotingRule = .proportional

    @Option(help: "State transitions: deterministic or stochastic (drawn with --seed).")
    var transitions: StateTransitions = .deterministic

    @Option(help: "Risk-attitude estimates of others: full, twoThirds, half, oneThird or none.")
    var bigRAdjust: BigRAdjust = .oneThird

    @Option(help: "Range of inferred risk attitudes: min, mid or max.")
    var bigRRange: BigRRange = .mid

    @Option(help: "Third-party commitment: fullCommit, semiCommit or noCommit.")
    var thirdParty: ThirdPartyCommit = .semiCommit

    @Option(help: "Bargain interpolation: s1p1, s2p2 or s2pMax.")
    var interpolation: BargainInterpolation = .s2p2

    @Option(help: "Bargain model: initiatorOnly, initiatorAndReceiver or powerWeightedCompromise.")
    var bargainModel: BargainModel = .initiatorOnly

    @Option(help: "The most turns to run (1 to 10,000).")
    var maxTurns: Int = 100

    @Option(help: "The greatest distance (0–100 scale) linking two final positions into one cluster.")
    var clusterDistance: Double = SpatialOutcome.defaultClusterDistance

    @Option(help: "The random seed of stochastic transitions; the same seed gives the same run.")
    var seed: UInt64 = 0

    func validate() throws {
        guard (1...10_000).contains(maxTurns) else {
            throw ValidationError("--max-turns must be between 1 and 10,000, found \(maxTurns).")
        }
        guard clusterDistance.isFinite, clusterDistance >= 0 else {
            throw ValidationError("--cluster-distance must be a number of at least 0, found \(clusterDistance).")
        }
    }

    func run() throws {
        guard input.lowercased().hasSuffix(".csv") else {
            throw CLIError(
                "'\(input)' is not a KTAB CSV file; accord forecast reads KTAB's CSV format (a file ending in .csv).")
        }
        let scenario = try KTABCSVReader.read(path: input)
        let parameters = SpatialModelParameters(
            victoryProbability: victoryProb, pceModel: pce, stateTransitions: transitions, votingRule: votingRule,
            bigRAdjust: bigRAdjust, bigRRange: bigRRange, thirdPartyCommit: thirdParty,
            bargainInterpolation: interpolation, bargainModel: bargainModel, maximumTurns: maxTurns,
            minimumTurns: min(2, maxTurns))
        let model = try SpatialModel(scenario: scenario, parameters: parameters)
        var generator = SplitMix64(seed: seed)
        let forecast = model.run(using: &generator)
        emit(ForecastReport(forecast, clusterDistance: clusterDistance, seed: seed).render(format))
    }
}

extension VictoryProbabilityModel: ExpressibleByArgument {}
extension PCEModel: ExpressibleByArgument {}
extension VotingRule: ExpressibleByArgument {}
extension StateTransitions: ExpressibleByArgument {}
extension BigRAdjust: ExpressibleByArgument {}
extension BigRRange: ExpressibleByArgument {}
extension ThirdPartyCommit: ExpressibleByArgument {}
extension BargainInterpolation: ExpressibleByArgument {}
extension BargainModel: ExpressibleByArgument {}
