import AccordForecast
import AccordFormats

extension ForecastReport {
    /// The report as one self-contained HTML page (no scripts): the sections of the text report as tables, with
    /// a dot plot of the final positions and clusters in the forecast section and, per dimension, a chart of every
    /// actor's position by turn.
    func html() -> String {
        // Figures by the heading of the section they end; two dimensions with the same name take turns.
        var figures: [String: [String]] = [:]
        figures["Forecast", default: []].append(clustersFigure())
        for k in scenario.dimensions.indices {
            figures["Positions on \(scenario.dimensions[k]) by turn", default: []].append(positionsFigure(k))
        }
        let (body, sections) = document().html { heading in
            guard var queue = figures[heading], !queue.isEmpty else { return nil }
            let figure = queue.removeFirst()
            figures[heading] = queue
            return figure
        }
        return HTMLPage.report(title: scenario.name, body: body, sections: sections, command: "accord forecast")
    }

    func clustersFigure() -> String {
        var clusterOf = [Int](repeating: 0, count: outcome.distinctPositions.count)
        for (c, cluster) in outcome.clusters.enumerated() {
            for m in cluster.positions { clusterOf[m] = c }
        }
        let chart = FinalClustersChart(
            dimensions: scenario.dimensions,
            dots: outcome.distinctPositions.enumerated().map { m, position in
                FinalClustersChart.Dot(
                    position: position.position, probability: position.probability, cluster: clusterOf[m],
                    actors: names(position.actors))
            },
            clusters: outcome.clusters.map { .init(probability: $0.probability, actors: names($0.actors)) },
            expected: outcome.expectedPosition)
        return AnalysisReport.figure(
            id: "chart-final-clusters", chart.svg(),
            caption:
                "The \(outcome.distinctPositions.count) distinct final positions (actors less than 0.1 apart share one), "
                + "each a dot whose area is proportional to the probability that it prevails, coloured by cluster "
                + "(positions within \(fixed(outcome.clusterDistance, 1)) of each other, chained). Hover a dot for its actors."
        )
    }

    func positionsFigure(_ k: Int) -> String {
        let chart = PositionsByTurnChart(
            dimension: scenario.dimensions[k], actorNames: scenario.actors.map(\.name),
            positions: forecast.positions.map { state in state.map { $0[k] } }, expected: outcome.expectedPosition[k])
        return AnalysisReport.figure(
            id: "chart-positions-\(k + 1)", chart.svg(),
            caption:
                "Every actor's position on \(scenario.dimensions[k]) from the initial state (turn 0) to the last of "
                + "\(forecast.turnCount) turns; actors that reach the same position draw over one another (hover a line "
                + "for its actor and positions). Dashed: the expected final position.")
    }
}
