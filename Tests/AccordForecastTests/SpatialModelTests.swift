import AccordCore
import AccordForecast
import AccordFormats
import Testing

@Suite struct SpatialModelTests {
    let scenario: SpatialScenario

    init() throws { scenario = try KTABCSVReader.parse(threeActorsCSV) }

    @Test func aRunEndsWithEveryStateRecorded() throws {
        let forecast = try SpatialModel(scenario: scenario).run()
        #expect(forecast.turnCount >= 2 && forecast.turnCount <= 100)
        #expect(forecast.positions.count == forecast.turnCount + 1)
        #expect(forecast.winningProbabilities.count == forecast.turnCount + 1)
        #expect(forecast.fractionalChanges.count == forecast.turnCount)
        #expect(forecast.positions[0] == scenario.actors.map(\.positions))
        let last = try #require(forecast.fractionalChanges.last)
        #expect(last < 0.02 || forecast.turnCount == 100)
    }

    @Test func winningProbabilitiesOfDistinctPositionsSumToOne() throws {
        let forecast = try SpatialModel(scenario: scenario).run()
        let first = forecast.winningProbabilities[0]  // three distinct positions
        #expect(abs(first.reduce(0, +) - 1) < 1e-12)
    }

    @Test func theStoppingRuleIsAParameter() throws {
        let parameters = SpatialModelParameters(maximumTurns: 3, minimumTurns: 3, stoppingRatio: 0)
        let forecast = try SpatialModel(scenario: scenario, parameters: parameters).run()
        #expect(forecast.turnCount == 3)
    }

    @Test func afterTurnIsCalledOnceAfterEveryTurn() throws {
        let model = try SpatialModel(scenario: scenario)
        var generator = SplitMix64(seed: 0)
        var calls: [Int] = []
        let forecast = model.run(using: &generator) { calls.append($0) }
        #expect(calls == Array(1...forecast.turnCount))
        #expect(forecast.positions == model.run().positions)
    }

    /// A stop requested after turn 2 ends the run there: turn 3 never starts and its error comes out of `run`.
    @Test func anErrorThrownAfterATurnStopsTheRun() throws {
        struct Stop: Error, Equatable { var turn: Int }
        let parameters = SpatialModelParameters(maximumTurns: 10, minimumTurns: 10, stoppingRatio: 0)
        let model = try SpatialModel(scenario: scenario, parameters: parameters)
        var generator = SplitMix64(seed: 0)
        var calls = 0
        #expect(throws: Stop(turn: 2)) {
            _ = try model.run(using: &generator) { (turn: Int) throws(Stop) in
                calls += 1
                if turn == 2 { throw Stop(turn: turn) }
            }
        }
        #expect(calls == 2)
    }

    @Test(arguments: [
        SpatialModelParameters(victoryProbability: .square), SpatialModelParameters(victoryProbability: .quartic),
        SpatialModelParameters(victoryProbability: .octic), SpatialModelParameters(victoryProbability: .binary),
        SpatialModelParameters(pceModel: .markovUniform), SpatialModelParameters(pceModel: .markovIncentive),
        SpatialModelParameters(votingRule: .binary), SpatialModelParameters(votingRule: .proportionalBinary),
        SpatialModelParameters(votingRule: .proportionalCubic), SpatialModelParameters(votingRule: .cubic),
        SpatialModelParameters(votingRule: .asymmetricProspect), SpatialModelParameters(bigRAdjust: .full),
        SpatialModelParameters(bigRAdjust: .none), SpatialModelParameters(bigRRange: .min),
        SpatialModelParameters(bigRRange: .max), SpatialModelParameters(thirdPartyCommit: .fullCommit),
        SpatialModelParameters(thirdPartyCommit: .noCommit), SpatialModelParameters(bargainInterpolation: .s1p1),
        SpatialModelParameters(bargainInterpolation: .s2pMax),
        SpatialModelParameters(bargainModel: .initiatorAndReceiver),
        SpatialModelParameters(bargainModel: .powerWeightedCompromise),
    ])
    func everySwitchRunsToAValidForecast(parameters: SpatialModelParameters) throws {
        let forecast = try SpatialModel(scenario: scenario, parameters: parameters).run()
        #expect(forecast.turnCount >= 2)
        for state in forecast.positions {
            for position in state { #expect(position.allSatisfy { (0...100).contains($0) }) }
        }
        for probabilities in forecast.winningProbabilities {
            #expect(probabilities.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 + 1e-12 })
        }
    }

    @Test func stochasticRunsAreReproducibleFromTheSeed() throws {
        let model = try SpatialModel(
            scenario: scenario, parameters: SpatialModelParameters(stateTransitions: .stochastic))
        var g1 = SplitMix64(seed: 42)
        var g2 = SplitMix64(seed: 42)
        #expect(model.run(using: &g1).positions == model.run(using: &g2).positions)
    }

    @Test func deterministicRunsUseNoRandomNumbers() throws {
        let model = try SpatialModel(scenario: scenario)
        var generator = SplitMix64(seed: 7)
        let before = generator
        #expect(model.run(using: &generator).positions == model.run().positions)
        #expect(generator == before)
    }

    @Test(arguments: [
        (2, SpatialScenarioError.tooFewActors(count: 2)),
        (3, SpatialScenarioError.salienceSumAbove100(actor: "C", sum: 120)),
    ])
    func invalidScenariosAreRejected(actorCount: Int, expected: SpatialScenarioError) {
        var actors = [
            SpatialActor(name: "A", capability: 1, positions: [10, 10], saliences: [50, 10]),
            SpatialActor(name: "B", capability: 1, positions: [90, 90], saliences: [50, 10]),
            SpatialActor(name: "C", capability: 1, positions: [50, 50], saliences: [60, 60]),
        ]
        actors = Array(actors.prefix(actorCount))
        #expect(throws: expected) {
            try SpatialModel(scenario: SpatialScenario(name: "x", dimensions: ["d", "e"], actors: actors))
        }
    }
}
