import PropertyBased
import Testing

@testable import AccordCore

@Suite struct CoalitionTests {
    @Test func everyCoalitionOfTwoOrMoreWithItsZoneAndNashPackage() throws {
        let scenario = Fixtures.withImpossibleThirdParty()
        let coalitions = try scenario.coalitions()
        #expect(coalitions.map(\.parties) == [[0, 1], [0, 2], [1, 2], [0, 1, 2]])
        #expect(coalitions.map(\.zoneCount) == [3, 0, 0, 0])
        // x and y alone: the Nash products 0.06, 0.14, 0.07 of AnalysisTests pick (a1, b1).
        #expect(coalitions[0].best.map { scenario.space.index(of: $0.outcome) } == 3)
        #expect(coalitions[1].best == nil)
    }

    @Test func coalitionCountsMatchTheDefinition() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed)
            let space = scenario.space
            let coalitions = try #require(try? scenario.coalitions())
            for coalition in coalitions {
                let expected = (0..<space.count!).filter { index in
                    coalition.parties.allSatisfy { scenario.parties[$0].accepts(space.outcome(at: index), in: space) }
                }
                #expect(coalition.zoneCount == expected.count, "seed \(seed), coalition \(coalition.parties)")
                #expect((coalition.best == nil) == expected.isEmpty)
            }
            // The grand coalition's zone is the agreement zone.
            let analysis = try #require(try? scenario.analyze())
            #expect(coalitions.last?.zoneCount == analysis.zone.count)
        }
    }
}
