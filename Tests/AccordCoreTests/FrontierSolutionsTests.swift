import PropertyBased
import Testing

@testable import AccordCore

/// The bargaining solutions read off the frontier against those of the enumerating analysis.
@Suite struct FrontierSolutionsTests {
    /// Nash, KS, utilitarian, egalitarian and GENIUS-KS objective values of a solution set.
    private func objectives(_ solutions: BargainingSolutions, _ reservations: [Double], ideal: [Double]) -> [Double?] {
        let margins = { (point: ScoredOutcome) in zip(point.utilities, reservations).map { $0 - $1 } }
        let spread = { (point: ScoredOutcome) -> Double in
            var total = 0.0
            for i in point.utilities.indices {
                for j in point.utilities.indices where j > i { total += abs(point.utilities[i] - point.utilities[j]) }
            }
            return total
        }
        return [
            solutions.nash.map { margins($0).reduce(1) { $0 * max(0, $1) } },
            solutions.utilitarian.map { $0.utilities.reduce(0, +) },
            solutions.egalitarian.map { margins($0).min() ?? 0 },
            solutions.geniusKalaiSmorodinsky.map(spread),
            solutions.kalaiSmorodinsky.map { point in
                margins(point).indices.map { p in
                    let span = ideal[p] - reservations[p]
                    return span > utilityTolerance ? margins(point)[p] / span : 1
                }.min() ?? 0
            },
        ]
    }

    @Test func solutionsFromTheFrontierReachTheEnumeratedOptimum() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed)
            let analysis = try #require(try? scenario.analyze())
            let reservations = scenario.parties.map(\.reservation)
            let fromFrontier = BargainingSolutions(frontier: analysis.frontier, reservations: reservations)
            // Each party's best utility in the zone: attained on the frontier.
            let zone = analysis.frontier.filter { point in
                zip(point.utilities, reservations).allSatisfy { $0 >= $1 - utilityTolerance }
            }
            let ideal = reservations.indices.map { p in zone.map { $0.utilities[p] }.max() ?? 0 }
            let expected = objectives(analysis.solutions, reservations, ideal: ideal)
            let found = objectives(fromFrontier, reservations, ideal: ideal)
            for (index, (lhs, rhs)) in zip(expected, found).enumerated() {
                #expect((lhs == nil) == (rhs == nil), "solution \(index), seed \(seed)")
                if let lhs, let rhs { #expect(abs(lhs - rhs) <= 1e-6, "solution \(index), seed \(seed)") }
            }
        }
    }

    @Test func tiesGoToTheLowestOutcomeIndex() {
        // Two frontier outcomes with the same utilities (1,1) given in reverse order: the lower index wins.
        let high = ScoredOutcome(outcome: Outcome(levels: [1, 0]), utilities: [0.5, 0.5])
        let low = ScoredOutcome(outcome: Outcome(levels: [0, 1]), utilities: [0.5, 0.5])
        let solutions = BargainingSolutions(frontier: [high, low], reservations: [0.2, 0.2])
        #expect(solutions.nash == low)
        #expect(solutions.utilitarian == low)
        #expect(solutions.egalitarian == low)
        #expect(solutions.kalaiSmorodinsky == low)
        #expect(solutions.geniusKalaiSmorodinsky == low)
    }

    @Test func theZoneAllowsTheToleranceAndEmptyZonesHaveNoSolution() {
        // Utilities 0.3 and 0.7 against reservations 0.3 + 1e-10 and 0.2: inside the zone thanks to ε.
        let point = ScoredOutcome(outcome: Outcome(levels: [0]), utilities: [0.3, 0.7])
        let inside = BargainingSolutions(frontier: [point], reservations: [0.3 + 1e-10, 0.2])
        #expect(inside.nash == point)
        #expect(inside.kalaiSmorodinsky == point)
        // Reservation 0.4 for the first party: nobody's zone; only the GENIUS-style point remains.
        let outside = BargainingSolutions(frontier: [point], reservations: [0.4, 0.2])
        #expect(outside.nash == nil && outside.utilitarian == nil && outside.egalitarian == nil)
        #expect(outside.kalaiSmorodinsky == nil)
        #expect(outside.geniusKalaiSmorodinsky == point)
    }

    @Test func nashAndUtilitarianCanDiffer() {
        // (0.9, 0.3) has the larger sum 1.2; (0.6, 0.55) the larger product over d = (0.1, 0.1): 0.225 > 0.16.
        let lopsided = ScoredOutcome(outcome: Outcome(levels: [0]), utilities: [0.9, 0.3])
        let balanced = ScoredOutcome(outcome: Outcome(levels: [1]), utilities: [0.6, 0.55])
        let solutions = BargainingSolutions(frontier: [lopsided, balanced], reservations: [0.1, 0.1])
        #expect(solutions.utilitarian == lopsided)
        #expect(solutions.nash == balanced)
        #expect(solutions.egalitarian == balanced)
    }
}
