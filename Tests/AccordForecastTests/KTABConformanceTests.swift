import AccordForecast
import Foundation
import Testing

/// Accord against KTAB's own reference runs (`../shared/conformance/ktab/20170530_ref-*.txt`): the lines KTAB's
/// regression script compares (`Fractional|prob :`, 4 decimals) and the final position history (1 decimal), all
/// compared as printed text, digit for digit.
@Suite(.enabled(if: ktabConformanceFolder != nil, Comment(rawValue: ktabConformanceAbsent)))
struct KTABConformanceTests {
    static let runs = ["SOE-Pol-Comp.csv", "dummyData_3Dim.csv"]

    @Test(arguments: runs)
    func fractionalChangesMatchEveryTurn(csv: String) throws {
        let (forecast, reference) = try ktabRun(csv, in: try #require(ktabConformanceFolder))
        #expect(!reference.fractionalChanges.isEmpty)
        #expect(forecast.turnCount == reference.fractionalChanges.count)
        #expect(forecast.fractionalChanges.map { printed($0, decimals: 4) } == reference.fractionalChanges)
    }

    @Test(arguments: runs)
    func winningProbabilitiesMatchEveryActorInEveryState(csv: String) throws {
        let (forecast, reference) = try ktabRun(csv, in: try #require(ktabConformanceFolder))
        #expect(reference.actorOrder == forecast.scenario.actors.map(\.name))
        for (i, actor) in forecast.scenario.actors.enumerated() {
            let expected = try #require(reference.probabilities[actor.name])
            #expect(expected.count == forecast.turnCount + 1)
            #expect(forecast.winningProbabilities.map { printed($0[i], decimals: 4) } == expected, "\(actor.name)")
        }
    }

    @Test(arguments: runs)
    func positionHistoryMatches(csv: String) throws {
        let (forecast, reference) = try ktabRun(csv, in: try #require(ktabConformanceFolder))
        #expect(reference.positions.count == forecast.scenario.actors.count * forecast.scenario.dimensions.count)
        for (i, actor) in forecast.scenario.actors.enumerated() {
            for (k, dimension) in forecast.scenario.dimensions.enumerated() {
                let expected = try #require(reference.positions["\(actor.name), \(dimension)"])
                #expect(
                    forecast.positions.map { printed($0[i][k], decimals: 1) } == expected, "\(actor.name), \(dimension)"
                )
            }
        }
    }
}
