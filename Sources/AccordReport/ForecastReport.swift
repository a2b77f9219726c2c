import AccordForecast

/// Renders a run of the spatial model of politics (`accord forecast`) as text, Markdown, JSON or HTML: every actor's
/// position and winning probability per turn, the single forecast, the baselines, and why the run stopped.
public struct ForecastReport: Sendable {
    /// The run.
    public let forecast: SpatialForecast
    /// The single forecast of its final state.
    public let outcome: SpatialOutcome
    /// The weighted mean and median of the initial positions.
    public let baselines: SpatialBaselines
    /// The seed of the stochastic transitions, reported when they are stochastic.
    public let seed: UInt64?

    /// A report of `forecast`; `clusterDistance` links final positions into clusters (see ``SpatialOutcome``).
    public init(
        _ forecast: SpatialForecast, clusterDistance: Double = SpatialOutcome.defaultClusterDistance,
        seed: UInt64? = nil
    ) {
        self.forecast = forecast
        self.outcome = forecast.outcome(clusterDistance: clusterDistance)
        self.baselines = forecast.baselines
        self.seed = seed
    }

    /// The report in the requested format (JSON pretty-printed), ending with a newline.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: document().text()
        case .markdown: document().markdown()
        case .json: json().serialized() + "\n"
        case .html: html()
        }
    }

    var scenario: SpatialScenario { forecast.scenario }
    var parameters: SpatialModelParameters { forecast.parameters }

    /// The switches, named as in the JSON output and the CLI options, with their values.
    static func switches(of parameters: SpatialModelParameters) -> [(name: String, value: String)] {
        [
            ("victoryProbability", parameters.victoryProbability.rawValue),
            ("pceModel", parameters.pceModel.rawValue),
            ("stateTransitions", parameters.stateTransitions.rawValue),
            ("votingRule", parameters.votingRule.rawValue),
            ("bigRAdjust", parameters.bigRAdjust.rawValue),
            ("bigRRange", parameters.bigRRange.rawValue),
            ("thirdPartyCommit", parameters.thirdPartyCommit.rawValue),
            ("bargainInterpolation", parameters.bargainInterpolation.rawValue),
            ("bargainModel", parameters.bargainModel.rawValue),
        ]
    }

    /// The seed actually used: only stochastic transitions draw random numbers.
    var effectiveSeed: UInt64? { parameters.stateTransitions == .stochastic ? seed : nil }

    /// Names a list of actor indices.
    func names(_ actors: [Int]) -> String {
        actors.map { scenario.actors[$0].name }.joined(separator: ", ")
    }

    /// Why the run stopped, as a sentence.
    var stopSentence: String {
        let last = forecast.fractionalChanges.last ?? 0
        switch forecast.stopReason {
        case .converged:
            return
                "Converged after \(forecast.turnCount) turns: the last turn moved the state by \(fixed(last, 4)) of the first turn's move, below the stopping ratio \(fixed(parameters.stoppingRatio, 4))."
        case .maximumTurns:
            return
                "Stopped at the limit of \(parameters.maximumTurns) turns without converging: the last turn moved the state by \(fixed(last, 4)) of the first turn's move (stopping ratio \(fixed(parameters.stoppingRatio, 4)))."
        }
    }

    func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.title("\(scenario.name): spatial model forecast")
        var intro = scenario.description.isEmpty ? "" : scenario.description + ". "
        intro +=
            "\(scenario.actors.count) actors, \(scenario.dimensions.count) dimension\(scenario.dimensions.count == 1 ? "" : "s"); positions on 0–100. "
        let changed = zip(Self.switches(of: parameters), Self.switches(of: .ktabDefault)).filter {
            $0.0.value != $0.1.value
        }
        intro +=
            changed.isEmpty
            ? "KTAB's default configuration."
            : "KTAB's default configuration except "
                + changed.map { "\($0.0.name) \($0.0.value)" }.joined(
                    separator: ", ") + "."
        if let seed = effectiveSeed { intro += " Seed \(seed)." }
        doc.paragraph(intro)
        doc.paragraph(stopSentence)

        doc.heading("Forecast")
        var summary = TextTable(
            ["dimension", "expected", "most likely cluster", "weighted mean", "weighted median"],
            rightAligned: [1, 2, 3, 4])
        for (k, dimension) in scenario.dimensions.enumerated() {
            summary.add([
                dimension, fixed(outcome.expectedPosition[k], 1), fixed(outcome.mostLikelyCluster.centre[k], 1),
                baselines.weightedMeans[k].map { fixed($0, 1) } ?? "—",
                baselines.weightedMedians[k].map { fixed($0, 1) } ?? "—",
            ])
        }
        doc.table(summary)
        let cluster = outcome.mostLikelyCluster
        doc.paragraph(
            "Expected: the probability-weighted mean of the \(outcome.distinctPositions.count) distinct final positions. "
                + "Most likely cluster (final positions within \(fixed(outcome.clusterDistance, 1)) of each other, chained): "
                + "probability \(fixed(cluster.probability, 4)), \(cluster.actors.count) actor\(cluster.actors.count == 1 ? "" : "s") (\(names(cluster.actors))). "
                + "Baselines: the initial positions' mean and median, weighted by capability × salience.")
        var distinct = TextTable(
            ["cluster"] + scenario.dimensions + ["probability", "actors"],
            rightAligned: Set(0...(scenario.dimensions.count + 1)))
        for (c, cluster) in outcome.clusters.enumerated() {
            for m in cluster.positions {
                let position = outcome.distinctPositions[m]
                distinct.add(
                    [String(c + 1)] + position.position.map { fixed($0, 1) } + [
                        fixed(position.probability, 4), names(position.actors),
                    ])
            }
        }
        doc.paragraph("Distinct final positions:")
        doc.table(distinct)

        let turns = (0...forecast.turnCount).map(String.init)
        for (k, dimension) in scenario.dimensions.enumerated() {
            doc.heading("Positions on \(dimension) by turn")
            var table = TextTable(["actor"] + turns, rightAligned: Set(1...turns.count))
            for (i, actor) in scenario.actors.enumerated() {
                table.add([actor.name] + forecast.positions.map { fixed($0[i][k], 1) })
            }
            doc.table(table)
        }
        doc.heading("Winning probability by turn")
        var probabilities = TextTable(["actor"] + turns, rightAligned: Set(1...turns.count))
        for (i, actor) in scenario.actors.enumerated() {
            probabilities.add([actor.name] + forecast.winningProbabilities.map { fixed($0[i], 4) })
        }
        doc.table(probabilities)
        doc.paragraph(
            "Actors sharing a position each show that position's probability. Fractional change per turn (the turn's move as a fraction of the first turn's):"
        )
        var moves = TextTable(["turn"] + turns.dropFirst(), rightAligned: Set(1..<turns.count))
        moves.add(["change"] + forecast.fractionalChanges.map { fixed($0, 4) })
        doc.table(moves)
        return doc
    }
}
