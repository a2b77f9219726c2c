import AccordCore
import AccordForecast
import AccordFormats
import Foundation
import Testing

/// The first turn of KTAB's SOE-Pol-Comp reference run, step by step: every expected value is read off
/// `20170530_ref-SOE-Pol-Comp.txt` at the precision KTAB prints it.
@Suite(.enabled(if: ktabConformanceFolder != nil, Comment(rawValue: ktabConformanceAbsent)))
struct SpatialStepTests {
    let model: SpatialModel
    let assessment: Assessment

    init() throws {
        let folder = try #require(ktabConformanceFolder)
        let scenario = try KTABCSVReader.read(path: folder.appendingPathComponent("SOE-Pol-Comp.csv").path)
        model = try SpatialModel(scenario: scenario)
        assessment = Assessment(state: model.core.initialState, model: model.core)
    }

    private func row(_ grid: Grid, _ i: Int, decimals: Int) -> [String] {
        grid.row(i).map { String(format: "%+.\(decimals)f", $0) }
    }

    @Test func riskNeutralUtilitiesMatchTheRawValueMatrix() {
        // "Raw actor-pos value matrix (risk neutral)", rows XJ and WY.
        #expect(
            row(assessment.riskNeutralUtility, 0, decimals: 3)
                == "+1.000 +0.592 +0.955 +0.767 +0.588 +0.888 +0.937 +0.700 +0.955 +0.809 +0.717 +0.900 +0.636"
                .split(separator: " ").map(String.init))
        #expect(
            row(assessment.riskNeutralUtility, 12, decimals: 3)
                == "+0.705 +0.779 +0.673 +0.758 +0.743 +0.658 +0.690 +0.665 +0.673 +0.742 +0.736 +0.791 +1.000"
                .split(separator: " ").map(String.init))
    }

    @Test func salienceWeightedDistanceAndUtility() {
        // XJ (30, 20; saliences 24, 48) judging LK (45, 65): √((0.15·0.24)² + (0.45·0.48)²) / √(0.24² + 0.48²).
        let d = weightedDistance(from: [0.30, 0.20], to: [0.45, 0.65], saliences: [0.24, 0.48])
        #expect(abs(d - 0.1665.squareRoot()) < 1e-12)
        #expect(String(format: "%.3f", spatialUtility(distance: d, riskAttitude: 0)) == "0.592")
        // Risk aversion raises the utility of a distant position, risk seeking lowers it; the ideal is worth 1.
        #expect(spatialUtility(distance: d, riskAttitude: 1) > spatialUtility(distance: d, riskAttitude: 0))
        #expect(spatialUtility(distance: d, riskAttitude: -0.5) < spatialUtility(distance: d, riskAttitude: 0))
        #expect(spatialUtility(distance: 0, riskAttitude: -0.5) == 1)
    }

    @Test func riskAttitudesAreInferredFromTheRiskNeutralElection() {
        // "Inferred risk attitudes", turn 0.
        #expect(
            assessment.riskAttitude.map { String(format: "%+.3f", $0) }
                == "+1.000 -0.498 -0.452 +0.362 -0.500 -0.500 -0.497 -0.499 -0.452 +0.643 -0.383 -0.196 -0.500"
                .split(separator: " ").map(String.init))
    }

    @Test func eachActorEstimatesOthersWithOneThirdOfItsOwnRiskAttitude() {
        // "Estimate by 1 of risk-aware utility matrix", LK's own row = the objective matrix's row.
        #expect(
            row(assessment.utilities[1], 1, decimals: 4)
                == "+0.5663 +1.0000 +0.5291 +0.8059 +0.9457 +0.4444 +0.4963 +0.7866 +0.5291 +0.7602 +0.8438 +0.5952 +0.6909"
                .split(separator: " ").map(String.init))
        // "Estimate by 0": XJ (r = 1) projects its own risk aversion onto LK.
        #expect(
            row(assessment.utilities[0], 1, decimals: 4)
                == "+0.7852 +1.0000 +0.7582 +0.9230 +0.9810 +0.6895 +0.7329 +0.9139 +0.7582 +0.9009 +0.9401 +0.8050 +0.8638"
                .split(separator: " ").map(String.init))
    }

    @Test(arguments: [
        (0, 10, "0.7676", "+0.0456"), (3, 8, "0.9361", "+0.1977"), (4, 5, "0.8682", "+0.4920"),
        (2, 10, "0.7913", "+0.2639"), (5, 8, "0.1164", "+0.0359"), (12, 8, "0.9602", "+0.4215"),
    ])
    func eachActorTargetsItsMostAdvantageousChallenge(i: Int, j: Int, probability: String, gain: String) throws {
        let best = try #require(model.core.bestTarget(of: i, assessment: assessment))
        #expect(best.target == j)
        #expect(String(format: "%.4f", best.estimate.probability) == probability)
        #expect(String(format: "%+.4f", best.estimate.expectedGain) == gain)
    }

    @Test func challengeEstimatesDependOnWhoEstimatesAndForWhom() {
        // "Est by 0 … to 10", "Est by 10 … to 0" and "Est by 10 … to 10" for XJ challenging SHX.
        let byIForJ = model.core.estimate(by: 0, for: 10, challenger: 0, target: 10, assessment: assessment)
        let byJForI = model.core.estimate(by: 10, for: 0, challenger: 0, target: 10, assessment: assessment)
        let byJForJ = model.core.estimate(by: 10, for: 10, challenger: 0, target: 10, assessment: assessment)
        #expect(String(format: "%+.4f", byIForJ.expectedGain) == "-0.0883")
        #expect(String(format: "%.4f", byJForI.probability) == "0.8775")
        #expect(String(format: "%+.4f", byJForI.expectedGain) == "+0.2065")
        #expect(String(format: "%+.4f", byJForJ.expectedGain) == "-0.2565")
    }

    @Test(arguments: [
        (0, 10, "34.830 22.500", "34.830 22.500"), (3, 8, "44.890 44.980", "44.890 44.980"),
        (4, 5, "49.590 64.440", "49.590 64.440"), (10, 8, "49.930 49.960", "49.930 49.950"),
        (12, 8, "15.010 59.990", "15.010 59.990"),
    ])
    func bargainsAreInterpolatedWithSquaredSalienceTimesProbability(
        i: Int, j: Int, initiator: String, receiver: String
    ) throws {
        // "Bargain […, i:j] from i's perspective (brgnIIJ)": the 10⁻⁶ weight favouring each side's own position
        // shows in 10:8, where the two positions differ by 0.01.
        let core = model.core
        let best = try #require(core.bestTarget(of: i, assessment: assessment))
        #expect(best.target == j)
        let position = core.initialState.positions
        let b = BargainInterpolation.s2p2.bargain(
            initiator: i, at: position[i], saliences: core.saliences[i], probability: best.estimate.probability,
            receiver: j, at: position[j], saliences: core.saliences[j], probability: 1 - best.estimate.probability)
        #expect(b.initiatorPosition.map { String(format: "%.3f", $0 * 100) }.joined(separator: " ") == initiator)
        #expect(b.receiverPosition.map { String(format: "%.3f", $0 * 100) }.joined(separator: " ") == receiver)
    }

    @Test func bargainInterpolationFallsBackToOwnPositionsWhenNeitherSideCares() {
        let b = BargainInterpolation.s2p2.bargain(
            initiator: 0, at: [0.2], saliences: [0], probability: 0.5, receiver: 1, at: [0.8], saliences: [0],
            probability: 0.5)
        #expect(b.initiatorPosition == [0.2])
        #expect(b.receiverPosition == [0.8])
    }

    @Test func coalitionStrengthsDecideXJsQueue() throws {
        // "Doing scalarPCE for the 2 bargains of actor 0": status quo versus [0:10].
        var generator = SplitMix64(seed: 1)
        let turn = model.core.turn(from: model.core.initialState, assessment: assessment, using: &generator)
        let queue = turn.queues[0]
        #expect(queue.count == 2 && queue[0].isStatusQuo && queue[1].receiver == 10)
        let utility = Grid(rows: 13, columns: 2) { a, m in
            model.core.utilityOfState(after: queue[m], for: a, state: model.core.initialState, assessment: assessment)
        }
        // u_im rows XJ and LK.
        #expect(String(format: "%.5f %.5f", utility[0, 0], utility[0, 1]) == "0.94150 0.94751")
        #expect(String(format: "%.5f %.5f", utility[1, 0], utility[1, 1]) == "0.69179 0.67532")
        let result = scalarPCE(
            options: 2, weights: model.core.capabilities, utility: utility, rule: .proportional, victory: .linear,
            pce: .conditional)
        #expect(String(format: "%.3f %.3f", result.coalitions[0, 1], result.coalitions[1, 0]) == "2.987 2.485")
        #expect(result.probabilities.map { String(format: "%.4f", $0) } == ["0.5458", "0.4542"])
        #expect(turn.chosen[0] == 0)  // XJ keeps its position
    }

    @Test func everyQueueIsResolvedByItsMostProbableBargain() {
        // "Doing scalarPCE for the 8 bargains of actor 5" (XS): the probability of each bargain, whatever the order.
        var generator = SplitMix64(seed: 1)
        let turn = model.core.turn(from: model.core.initialState, assessment: assessment, using: &generator)
        let expected: [String: String] = [
            "5:5": "0.0001", "4:5": "0.0394", "6:5": "0.0187", "1:5": "0.0967", "5:8": "0.0173", "9:5": "0.4645",
            "11:5": "0.2264", "8:5": "0.1370",
        ]
        let found = Dictionary(
            uniqueKeysWithValues: zip(turn.queues[5], turn.queueProbabilities[5]).map {
                ("\($0.initiator):\($0.receiver)", String(format: "%.4f", $1))
            })
        #expect(found == expected)
        let adopted = turn.queues[5][turn.chosen[5]]
        #expect(adopted.initiator == 9 && adopted.receiver == 5)
        // "Chosen bargain" of every actor in turn 0 (nil = status quo).
        let adoptedPairs = turn.record.adoptedBargains.map { $0.map { "\($0.initiator):\($0.receiver)" } }
        #expect(
            adoptedPairs == [nil, "1:5", nil, "3:8", "4:5", "9:5", "6:5", "7:6", "8:5", "9:5", "10:8", "11:5", nil])
    }

    @Test func theNextStateIsReassessed() {
        // "Inferred risk attitudes" of turn 1.
        var generator = SplitMix64(seed: 1)
        let turn = model.core.turn(from: model.core.initialState, assessment: assessment, using: &generator)
        let next = Assessment(state: turn.result, model: model.core)
        #expect(
            next.riskAttitude.map { String(format: "%+.3f", $0) }
                == "+0.138 -0.498 -0.478 +0.269 -0.500 +1.000 -0.500 -0.500 -0.498 +1.000 -0.408 -0.394 -0.500"
                .split(separator: " ").map(String.init))
    }
}
