import PropertyBased
import Testing

@testable import AccordCore

/// The engine against the definitions, computed by brute force on random small scenarios.
@Suite struct ParetoPropertyTests {
    struct BruteForce {
        let utilities: [[Double]]
        let feasible: [Bool]
        let rational: [Bool]

        init(_ scenario: Scenario) {
            let space = scenario.space
            let outcomes = (0..<space.count!).map { space.outcome(at: $0) }
            let utilities = outcomes.map { scenario.utilities(of: $0) }
            let feasible = outcomes.map { outcome in
                scenario.parties.allSatisfy { $0.crossedRedLine(by: outcome, in: space) == nil }
            }
            rational = outcomes.indices.map { index in
                feasible[index]
                    && zip(utilities[index], scenario.parties).allSatisfy { $0 >= $1.reservation - utilityTolerance }
            }
            self.utilities = utilities
            self.feasible = feasible
        }

        func dominates(_ y: Int, _ x: Int) -> Bool {
            var strictly = false
            for (uy, ux) in zip(utilities[y], utilities[x]) {
                if uy < ux - utilityTolerance { return false }
                if uy > ux + utilityTolerance { strictly = true }
            }
            return strictly
        }

        var frontier: Set<Int> {
            Set(
                utilities.indices.filter { x in
                    feasible[x] && !utilities.indices.contains { y in feasible[y] && dominates(y, x) }
                })
        }

        /// The first index with the strictly largest objective over the given outcomes.
        func argmax(_ candidates: [Int], _ objective: (Int) -> Double) -> Int? {
            var best: (Int, Double)?
            for x in candidates where best == nil || objective(x) > best!.1 { best = (x, objective(x)) }
            return best?.0
        }
    }

    @Test func frontierMatchesTheDefinition() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed)
            let truth = BruteForce(scenario)
            let analysis = try #require(try? scenario.analyze())
            let space = scenario.space
            let frontier = Set(analysis.frontier.map { space.index(of: $0.outcome) })
            #expect(frontier == truth.frontier, "seed \(seed)")
            #expect(frontier.count == analysis.frontier.count, "no outcome listed twice (seed \(seed))")
            // No frontier outcome is dominated; every other feasible outcome is.
            for x in 0..<space.count! where truth.feasible[x] {
                let dominated = (0..<space.count!).contains { truth.feasible[$0] && truth.dominates($0, x) }
                #expect(dominated != frontier.contains(x), "seed \(seed), outcome \(x)")
            }
        }
    }

    @Test func frontierMatchesTheDefinitionOnLargerFinerSpaces() async {
        await propertyCheck(count: 40, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed, maxIssues: 4, maxOptions: 7, grid: 100)
            let truth = BruteForce(scenario)
            let analysis = try #require(try? scenario.analyze())
            let frontier = Set(analysis.frontier.map { scenario.space.index(of: $0.outcome) })
            #expect(frontier == truth.frontier, "seed \(seed)")
        }
    }

    @Test func zoneAndSolutionsMatchTheDefinitions() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed)
            let truth = BruteForce(scenario)
            let analysis = try #require(try? scenario.analyze())
            let space = scenario.space
            let d = scenario.parties.map(\.reservation)
            let zone = truth.rational.indices.filter { truth.rational[$0] }
            #expect(analysis.zone.count == zone.count, "seed \(seed)")
            func index(_ scored: ScoredOutcome?) -> Int? { scored.map { space.index(of: $0.outcome) } }
            let gains = { (x: Int) in zip(truth.utilities[x], d).map { $0 - $1 } }
            let nash = truth.argmax(zone) { gains($0).reduce(1) { $0 * max(0, $1) } }
            let utilitarian = truth.argmax(zone) { truth.utilities[$0].reduce(0, +) }
            let egalitarian = truth.argmax(zone) { gains($0).min()! }
            #expect(index(analysis.solutions.nash) == nash, "seed \(seed)")
            #expect(index(analysis.solutions.utilitarian) == utilitarian, "seed \(seed)")
            #expect(index(analysis.solutions.egalitarian) == egalitarian, "seed \(seed)")
            if !zone.isEmpty {
                let ideal = d.indices.map { p in zone.map { truth.utilities[$0][p] }.max()! }
                let ks = truth.argmax(zone) { x in
                    d.indices.map { p in
                        ideal[p] - d[p] > utilityTolerance ? (truth.utilities[x][p] - d[p]) / (ideal[p] - d[p]) : 1
                    }.min()!
                }
                #expect(index(analysis.solutions.kalaiSmorodinsky) == ks, "seed \(seed)")
            } else {
                #expect(analysis.solutions.kalaiSmorodinsky == nil)
            }
            let closest = truth.argmax(truth.feasible.indices.filter { truth.feasible[$0] }) { gains($0).min()! }
            #expect(index(analysis.zone.closest) == closest, "seed \(seed)")
        }
    }

    @Test func blockingMatchesTheDefinition() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000)) { seed in
            let scenario = Scenario.random(seed: seed)
            guard scenario.parties.count >= 3 else { return }
            let space = scenario.space
            let analysis = try #require(try? scenario.analyze())
            guard analysis.zone.isEmpty else {
                #expect(analysis.blocking.isEmpty, "nobody blocks a non-empty zone (seed \(seed))")
                return
            }
            for left in scenario.parties.indices {
                let others = scenario.parties.indices.filter { $0 != left }
                let count = (0..<space.count!).filter { x in
                    others.allSatisfy {
                        scenario.parties[$0].accepts(space.outcome(at: x), in: space)
                            || isWithinTolerance(scenario, party: $0, outcome: space.outcome(at: x))
                    }
                }.count
                #expect(analysis.blocking[left].zoneCountWithout == count, "seed \(seed), without \(left)")
                #expect(analysis.blocking[left].blocks == (count > 0), "seed \(seed), without \(left)")
            }
        }
    }

    /// `Party.accepts` compares exactly; the engine allows ε below the reservation.
    func isWithinTolerance(_ scenario: Scenario, party p: Int, outcome: Outcome) -> Bool {
        let party = scenario.parties[p]
        return party.crossedRedLine(by: outcome, in: scenario.space) == nil
            && party.utility.utility(of: outcome, in: scenario.space) >= party.reservation - utilityTolerance
    }
}
