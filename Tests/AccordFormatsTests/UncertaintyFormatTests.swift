import AccordCore
import AccordFormats
import Foundation
import Testing

@Suite struct UncertaintyFormatTests {
    static let document = """
        accord: 1
        name: Uncertain
        issues:
          - id: g
            options:
              - {id: none, attributes: {troops: none}}
              - {id: strong, attributes: {troops: european}}
          - id: t
            options: [keep, cede]
        parties:
          - id: r
            reservation: {triangular: [0.4, 0.6, 0.8]}
            weights: {g: {uniform: [0.2, 0.4]}, t: 0.7}
            values:
              g:
                attributes:
                  troops: {none: 1.0, european: {normal: {mean: 0.1, sd: 0.05}}}
              t: {keep: {uniform: [0.0, 0.2]}, cede: 1.0}
        """

    @Test func distributionsLoadWithTheirNominalValues() throws {
        let scenario = try ScenarioLoader.parse(Self.document)
        let party = scenario.parties[0]
        let uncertainty = try #require(party.uncertainty)
        #expect(party.reservation == 0.6)
        #expect(uncertainty.reservation == .triangular(low: 0.4, mode: 0.6, high: 0.8))
        #expect(uncertainty.weights == [0: .uniform(low: 0.2, high: 0.4)])
        #expect(zip(uncertainty.writtenWeights, [0.3, 0.7]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(uncertainty.values[.table(issue: 1, option: 0)] == .uniform(low: 0, high: 0.2))
        #expect(uncertainty.values[.attribute(issue: 0, term: 0, value: "european")] == .normal(mean: 0.1, sd: 0.05))
        // The exact analysis uses nominal values: g weighs 0.3, t 0.7; keep is worth 0.1.
        let utility = try #require(party.utility as? LinearAdditiveUtility)
        #expect(abs(utility.weights[0] - 0.3) < 1e-12)
        #expect(
            abs(utility.utility(of: Outcome(levels: [1, 0]), in: scenario.space) - (0.3 * 0.1 + 0.7 * 0.1)) < 1e-12)
        #expect(scenario.hasUncertainty)
    }

    @Test(arguments: [
        ("reservation: {uniform: [0.6, 0.2]}", "parties[0] (r).reservation.uniform", "out of order"),
        ("reservation: {uniform: [0.2, 1.5]}", "parties[0] (r).reservation.uniform", "[0, 1]"),
        ("reservation: {triangular: [0.2, 0.9, 0.5]}", "parties[0] (r).reservation.triangular", "low ≤ mode ≤ high"),
        ("reservation: {normal: {mean: 0.5, sd: 0}}", "parties[0] (r).reservation.normal", "standard deviation"),
        ("reservation: {normal: {mean: 0.5}}", "parties[0] (r).reservation.normal.sd", "missing"),
        ("reservation: {uniform: [0.2]}", "parties[0] (r).reservation.uniform", "[low, high]"),
    ])
    func badDistributionsAreNamedWithTheirKeyPath(line: String, path: String, fragment: String) throws {
        let text = Self.document.replacingOccurrences(
            of: "reservation: {triangular: [0.4, 0.6, 0.8]}", with: line)
        do {
            _ = try ScenarioLoader.parse(text, file: "u.yaml")
            Testing.Issue.record("expected a problem at \(path)")
        } catch {
            guard case .invalid(_, let problems) = error else {
                Testing.Issue.record("expected invalid, got \(error)")
                return
            }
            let problem = try #require(problems.first { $0.path == path }, "\(problems)")
            #expect(problem.message.contains(fragment), "\(problem.message)")
        }
    }

    @Test func berlinRussiaIsUncertainAroundItsNominalNumbers() throws {
        let berlin = try ScenarioLoader.bundled("berlin-2025")
        let russia = try #require(berlin.parties.first { $0.id == "russia" })
        let uncertainty = try #require(russia.uncertainty)
        #expect(russia.reservation == 0.6)
        #expect(uncertainty.reservation != nil)
        #expect(Set(uncertainty.weights.keys) == [0, 1, 2, 3])
    }
}
