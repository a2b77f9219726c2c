import AccordForecast
import AccordFormats
import Testing

/// The capability × salience weighted mean and median, against values computed by hand.
@Suite struct BaselineTests {
    /// Three actors on one dimension: capabilities 10, 20, 30 at 0, 50, 100 with saliences 100, 50, 10, so weights
    /// 1000, 1000 and 300 (total 2300).
    static let oneDimension = SpatialScenario(
        name: "One dimension", dimensions: ["x"],
        actors: [
            SpatialActor(name: "A", capability: 10, positions: [0], saliences: [100]),
            SpatialActor(name: "B", capability: 20, positions: [50], saliences: [50]),
            SpatialActor(name: "C", capability: 30, positions: [100], saliences: [10]),
        ])

    @Test func meanWeighsEachPositionByCapabilityTimesSalience() throws {
        let mean = try #require(SpatialBaselines(scenario: Self.oneDimension).weightedMeans[0])
        // (0·1000 + 50·1000 + 100·300) / 2300 = 80000 / 2300
        #expect(abs(mean - 80_000.0 / 2_300.0) < 1e-12)
    }

    @Test func medianIsThePositionWhereTheCumulativeWeightPassesHalf() {
        // Cumulative weights 1000, 2000, 2300 against half 1150: the median voter stands at 50.
        #expect(SpatialBaselines(scenario: Self.oneDimension).weightedMedians == [50])
    }

    @Test func bothBaselinesOfTheHarbourFixture() throws {
        let baselines = SpatialBaselines(scenario: try KTABCSVReader.parse(threeActorsCSV))
        // Control: City 40·30 = 1200 at 80, Port 60·45 = 2700 at 30, Union 25·60 = 1500 at 50 (total 5400).
        // Speed: City 40·50 = 2000 at 20, Port 60·45 = 2700 at 70, Union 25·10 = 250 at 50 (total 4950).
        let means = baselines.weightedMeans.map { $0 ?? .nan }
        #expect(abs(means[0] - 252_000.0 / 5_400.0) < 1e-12)
        #expect(abs(means[1] - 241_500.0 / 4_950.0) < 1e-12)
        // Control: Port's 2700 at 30 is exactly half of 5400, so the median is midway to the next position, 50.
        // Speed: cumulative 2000, 2250, 4950 against half 2475: the median is Port's 70.
        #expect(baselines.weightedMedians == [40, 70])
    }

    @Test(arguments: [
        // Exactly half the weight at or below 20: the midpoint of 20 and 60.
        ([20.0, 60.0], [1.0, 1.0], 40.0),
        // Actors at the same position add their weights: 2 of 4 at 10, so the midpoint of 10 and 90.
        ([10.0, 10.0, 90.0], [1.0, 1.0, 2.0], 50.0),
        // The input order does not matter.
        ([90.0, 10.0, 10.0], [2.0, 1.0, 1.0], 50.0),
        // 0.1 + 0.2 is 0.30000000000000004 in floating point, still "exactly half" of 0.6: midpoint of 1 and 5.
        ([0.0, 1.0, 5.0], [0.1, 0.2, 0.3], 3.0),
        // Zero weights are left out: only 30 and 70 count, with 1 each.
        ([30.0, 50.0, 70.0], [1.0, 0.0, 1.0], 50.0),
        // A majority at one end.
        ([0.0, 40.0, 100.0], [1.0, 1.0, 3.0], 100.0),
        // One actor.
        ([25.0], [7.0], 25.0),
    ])
    func weightedMedianRules(values: [Double], weights: [Double], median: Double) throws {
        let computed = try #require(SpatialBaselines.weightedMedian(values, weights: weights))
        #expect(abs(computed - median) < 1e-12)
    }

    @Test func aDimensionNobodyCaresAboutHasNoBaseline() {
        let scenario = SpatialScenario(
            name: "Ignored", dimensions: ["x", "ignored"],
            actors: (0..<3).map {
                SpatialActor(name: "A\($0)", capability: 1, positions: [10, 90], saliences: [50, 0])
            }
        )
        let baselines = SpatialBaselines(scenario: scenario)
        #expect(baselines.weightedMeans == [10, nil])
        #expect(baselines.weightedMedians == [10, nil])
        #expect(SpatialBaselines.weightedMean([], weights: []) == nil)
    }

    @Test func everyForecastCarriesTheBaselinesOfItsInitialPositions() throws {
        let scenario = try KTABCSVReader.parse(threeActorsCSV)
        let forecast = try SpatialModel(scenario: scenario).run()
        #expect(forecast.baselines == SpatialBaselines(scenario: scenario))
    }
}
