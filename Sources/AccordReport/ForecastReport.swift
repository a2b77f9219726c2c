import AccordForecast
import AccordFormats

/// Renders a run of the spatial model of politics (`accord forecast`) as text, Markdown, JSON or HTML: every actor's
/// position and winning probability per turn, the single forecast, the baselines (weighted mean and median, and
/// Bueno de Mesquita's expected-utility model), and why the run stopped.
public struct ForecastReport: Sendable {
    /// The run.
    public let forecast: SpatialForecast
    /// The single forecast of its final state.
    public let outcome: SpatialOutcome
    /// The weighted mean and median of the initial positions.
    public let baselines: SpatialBaselines
    /// Bueno de Mesquita's expected-utility model run on the initial positions, each dimension on its own.
    public let expectedUtility: ExpectedUtilityForecast
    /// The seed of the stochastic transitions, reported when they are stochastic.
    public let seed: UInt64?
    /// How each dimension maps back to its issue's own units, when the dimensions are a scenario's issues (see
    /// ``SpatialScenario/issueScales(of:issues:)``); `nil` for a KTAB file or a `forecast:` section.
    public let scales: [IssueScale]?

    /// A report of `forecast`; `clusterDistance` links final positions into clusters (see ``SpatialOutcome``);
    /// `scales`, one per dimension, adds the forecast in the issues' own units.
    public init(
        _ forecast: SpatialForecast, clusterDistance: Double = SpatialOutcome.defaultClusterDistance,
        seed: UInt64? = nil, scales: [IssueScale]? = nil
    ) {
        precondition(scales == nil || scales?.count == forecast.scenario.dimensions.count, "one scale per dimension")
        self.scales = scales
        self.forecast = forecast
        self.outcome = forecast.outcome(clusterDistance: clusterDistance)
        self.baselines = forecast.baselines
        self.expectedUtility = forecast.expectedUtilityBaseline
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
            ["dimension", "expected", "most likely cluster", "weighted mean", "weighted median", "Bueno de Mesquita"],
            rightAligned: [1, 2, 3, 4, 5])
        for (k, dimension) in scenario.dimensions.enumerated() {
            summary.add([
                dimension, fixed(outcome.expectedPosition[k], 1), fixed(outcome.mostLikelyCluster.centre[k], 1),
                baselines.weightedMeans[k].map { fixed($0, 1) } ?? "—",
                baselines.weightedMedians[k].map { fixed($0, 1) } ?? "—",
                expectedUtility.forecasts[k].map { fixed($0, 1) } ?? "—",
            ])
        }
        doc.table(summary)
        addIssueUnits(to: &doc)
        let cluster = outcome.mostLikelyCluster
        doc.paragraph(
            "Expected: the probability-weighted mean of the \(outcome.distinctPositions.count) distinct final positions. "
                + "Most likely cluster (final positions within \(fixed(outcome.clusterDistance, 1)) of each other, chained): "
                + "probability \(fixed(cluster.probability, 4)), \(cluster.actors.count) actor\(cluster.actors.count == 1 ? "" : "s") (\(names(cluster.actors))). "
                + "Baselines: the initial positions' mean and median, weighted by capability × salience, and the "
                + "median voter after Bueno de Mesquita's expected-utility model (below).")
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
        addExpectedUtilityBaseline(to: &doc)

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

extension ForecastReport {
    /// The Bueno de Mesquita baseline's section: the median voter by round on every dimension, why each run stopped,
    /// and every actor's position by round.
    func addExpectedUtilityBaseline(to doc: inout ReportDocument) {
        let parameters = expectedUtility.parameters
        doc.heading("Bueno de Mesquita baseline")
        var stops: [String] = []
        for (k, dimension) in scenario.dimensions.enumerated() {
            guard let run = expectedUtility.runs[k] else {
                stops.append("\(dimension): no actor gives it salience, no run.")
                continue
            }
            let rounds = "\(run.roundCount) round\(run.roundCount == 1 ? "" : "s")"
            switch run.stopReason {
            case .stable:
                stops.append("\(dimension): stable after \(rounds) (the last moved no actor).")
            case .maximumRounds:
                stops.append("\(dimension): stopped at the limit of \(rounds).")
            }
        }
        doc.paragraph(
            "Bueno de Mesquita's expected-utility model as published by Scholz, Calbert & Smith (2011), run on each "
                + "dimension on its own from the initial positions (Q = \(fixed(parameters.statusQuoProbability, 2)), "
                + "T = \(fixed(parameters.improvementProbability, 2)), at most \(parameters.maximumRounds) rounds). "
                + "Each round every actor yields to the rival offer that moves it least (lost conflict, compromise "
                + "or capitulation); the forecast is the median voter position (capability × salience) after the "
                + "last round.")
        doc.bullets(stops)
        let longest = expectedUtility.runs.compactMap { $0?.roundCount }.max() ?? 0
        let rounds = (0...longest).map(String.init)
        var medians = TextTable(["dimension"] + rounds, rightAligned: Set(1...rounds.count))
        for (k, dimension) in scenario.dimensions.enumerated() {
            guard let run = expectedUtility.runs[k] else { continue }
            medians.add([dimension] + run.medianVoterPositions.map { fixed($0, 1) })
        }
        doc.paragraph("Median voter position by round:")
        doc.table(medians)
        for (k, dimension) in scenario.dimensions.enumerated() {
            guard let run = expectedUtility.runs[k] else { continue }
            let rounds = (0...run.roundCount).map(String.init)
            var table = TextTable(["actor"] + rounds, rightAligned: Set(1...rounds.count))
            for (i, actor) in scenario.actors.enumerated() {
                table.add([actor.name] + run.positions.map { fixed($0[i], 1) })
            }
            doc.paragraph("Positions on \(dimension) by round (Bueno de Mesquita):")
            doc.table(table)
        }
    }
}
