import AccordForecast
import AccordFormats
import Testing

/// The single forecast drawn from a run's final state: distinct positions, expected position, clusters.
@Suite struct SpatialOutcomeTests {
    let forecast: SpatialForecast

    init() throws {
        forecast = try SpatialModel(scenario: try KTABCSVReader.parse(threeActorsCSV)).run()
    }

    @Test func distinctPositionsShareOutTheActorsAndTheProbability() {
        let outcome = forecast.outcome()
        #expect(outcome.distinctPositions.flatMap(\.actors).sorted() == [0, 1, 2])
        #expect(abs(outcome.distinctPositions.map(\.probability).reduce(0, +) - 1) < 1e-12)
        for position in outcome.distinctPositions {
            for i in position.actors {
                #expect(forecast.winningProbabilities[forecast.turnCount][i] == position.probability)
            }
        }
    }

    @Test func expectedPositionIsTheProbabilityWeightedMean() {
        let outcome = forecast.outcome()
        for k in forecast.scenario.dimensions.indices {
            let mean = outcome.distinctPositions.reduce(0) { $0 + $1.probability * $1.position[k] }
            #expect(abs(outcome.expectedPosition[k] - mean) < 1e-9)
        }
    }

    @Test func aZeroClusterDistanceMakesEveryDistinctPositionItsOwnCluster() {
        let outcome = forecast.outcome(clusterDistance: 0)
        #expect(outcome.clusters.count == outcome.distinctPositions.count)
        let best = outcome.mostLikelyCluster.probability
        #expect(outcome.distinctPositions.allSatisfy { $0.probability <= best })
    }

    @Test func aClusterDistanceSpanningTheSpaceMakesOneClusterAtTheExpectedPosition() {
        let outcome = forecast.outcome(clusterDistance: 200)
        #expect(outcome.clusters.count == 1)
        #expect(abs(outcome.mostLikelyCluster.probability - 1) < 1e-12)
        #expect(outcome.mostLikelyCluster.actors == [0, 1, 2])
        for (a, b) in zip(outcome.mostLikelyCluster.centre, outcome.expectedPosition) { #expect(abs(a - b) < 1e-9) }
    }

    @Test func stopReasonSaysWhetherTheRunConverged() throws {
        #expect(forecast.stopReason == .converged)
        let capped = try SpatialModel(
            scenario: forecast.scenario,
            parameters: SpatialModelParameters(maximumTurns: 3, minimumTurns: 3, stoppingRatio: 0)
        ).run()
        #expect(capped.stopReason == .maximumTurns)
    }
}
