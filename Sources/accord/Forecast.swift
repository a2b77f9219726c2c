import AccordKit
import ArgumentParser

/// `accord forecast`: where multi-actor political bargaining drifts, by KTAB's spatial model of politics.
struct Forecast: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Forecast where many-actor bargaining drifts (KTAB's spatial model of politics), with baselines "
            + "(weighted mean and median, Bueno de Mesquita's expected-utility model).",
        discussion: """
            INPUT is a KTAB CSV file (.csv), or an Accord scenario (a .yaml/.yml/.json file or a bundled name) with \
            a forecast: section or forecast with --issue. Without INPUT: berlin-2025 --issue territory. Switch \
            values are those of docs/forecast.md.
            """)

    @Argument(
        help: """
            A KTAB CSV file (.csv), or an Accord scenario file (.yaml, .yml, .json) or bundled scenario name \
            (default: berlin-2025 with --issue territory).
            """)
    var input: String?

    @Option(
        name: .customLong("issue"),
        help: """
            Forecast this issue of an Accord scenario (repeat for several dimensions): its options spaced evenly \
            on 0–100, each party at its favourite option, salience 100 × its weight, capability its clout.
            """)
    var issues: [String] = []

    @OptionGroup var output: OutputOption
    @OptionGroup var charts: ChartsOption

    @Option(help: "Output format: text, json, markdown or html (charts of positions by turn and final clusters).")
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

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        guard (1...10_000).contains(maxTurns) else {
            throw ValidationError("--max-turns must be between 1 and 10,000, found \(maxTurns).")
        }
        guard clusterDistance.isFinite, clusterDistance >= 0 else {
            throw ValidationError("--cluster-distance must be a number of at least 0, found \(clusterDistance).")
        }
    }

    func run() async throws {
        let parameters = SpatialModelParameters(
            victoryProbability: victoryProb, pceModel: pce, stateTransitions: transitions, votingRule: votingRule,
            bigRAdjust: bigRAdjust, bigRRange: bigRRange, thirdPartyCommit: thirdParty,
            bargainInterpolation: interpolation, bargainModel: bargainModel, maximumTurns: maxTurns,
            minimumTurns: min(2, maxTurns))
        let request = ForecastRequest(
            input: try input.map(ForecastInput.init(argument:)), issues: issues, model: parameters,
            clusterDistance: clusterDistance, seed: seed)
        let result = try await progress.run(request)
        try output.deliver(result.render(format))
        try charts.export(result)
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
