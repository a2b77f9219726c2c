import AccordCore
import AccordFormats
import Testing

/// Accord against GENIUS on the ANAC domains: the expected values in `../shared/conformance/genius` were computed
/// under GENIUS's exact semantics and cross-checked against a real GENIUS session.
@Suite(
    .enabled(
        if: GeniusConformance.isAvailable,
        "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
struct GeniusConformanceTests {
    /// The analysis these checks need: zone, frontier and solutions, without the costly diagnostics.
    /// The exact analysis only: the diagnostics (coalitions, thresholds, sensitivity sweep) are not compared here.
    static let options = AnalysisOptions(diagnosticsWorkLimit: 0, sensitivityOutcomeLimit: 0)

    @Test("Bilateral pair matches GENIUS", arguments: GeniusConformance.bilateral)
    func bilateralPair(_ expected: BilateralExpectation) throws {
        let scenario = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        try #require(scenario.parties.count == 2)
        #expect(scenario.space.count == expected.nOutcomes)
        expectSettings(of: scenario, rv: expected.rv, df: expected.df)

        // GENIUS's cap at 1 binds when the weights sum to more than 1: the analysis then lists every outcome.
        let analysis = try scenario.analyze(options: Self.options)
        if scenario.hasNonAdditiveUtility { expectBruteForceFrontier(of: analysis) }
        #expect(analysis.frontier.count == expected.paretoBids, "Pareto frontier size")
        #expect(analysis.zone.count == expected.zoneCount, "zone count")
        expectFourDecimals(analysis.solutions.nash?.utilities, expected.nashZone, "Nash point in the zone")
        expectFourDecimals(analysis.solutions.kalaiSmorodinsky?.utilities, expected.ksZone, "KS point in the zone")
        expectFourDecimals(analysis.solutions.utilitarian?.utilities, expected.utilitarianZone, "utilitarian point")
        expectFourDecimals(analysis.solutions.egalitarian?.utilities, expected.egalitarianZone, "egalitarian point")
        expectFourDecimals(analysis.solutions.geniusKalaiSmorodinsky?.utilities, expected.ksGenius, "GENIUS KS point")
        expectUnreservedPoints(of: analysis, nash: expected.nashRv0, maxSocialWelfare: expected.maxSw, sw: expected.sw)
        let parity = try analysis.parityMetrics()
        #expect(abs(parity.opposition - expected.opposition) <= 0.5e-4 + 1e-12, "opposition \(parity.opposition)")
        #expect(
            abs(parity.distribution - expected.distribution) <= 0.5e-4 + 1e-12, "distribution \(parity.distribution)")
    }

    @Test("Three-party domain matches GENIUS", arguments: GeniusConformance.multilateral)
    func threePartyDomain(_ expected: MultilateralExpectation) throws {
        let scenario = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        try #require(scenario.parties.count == 3)
        #expect(scenario.space.count == expected.nOutcomes)
        expectSettings(of: scenario, rv: expected.rv, df: expected.df)

        let analysis = try scenario.analyze(options: Self.options)
        if scenario.hasNonAdditiveUtility { expectBruteForceFrontier(of: analysis) }
        #expect(analysis.frontier.count == expected.paretoBids, "Pareto frontier size")
        expectUnreservedPoints(
            of: analysis, nash: expected.nashRv0, nashProduct: expected.nashProduct, maxSocialWelfare: expected.maxSw,
            sw: expected.sw)
    }

    /// Why `pareto_bids_naive_float` differs from `pareto_bids` on 6 of the 47 pairs: utilities that are equal in
    /// decimal differ in the last bit of their binary sums, and a comparison without tolerance then lets one "tie"
    /// dominate the other (ANAC 2011 Car: 73 instead of 75), or lets an outcome that is exactly dominated survive
    /// because it looks one bit better on the party where it ties (Energy 2011: 211 instead of 205; also the party
    /// domain, Barter, Supermarket, and Car 2012, which has the 2011 preferences). Comparing with ε = 1e-9 removes
    /// both effects, so Accord's frontier has exactly the `pareto_bids` outcomes.
    @Test func aTieThatBinarySumsBreakStaysATie() throws {
        let scenario = try GeniusImporter.scenario(
            domainPath: GeniusConformance.template("anac/y2011/Car/adg.xml"),
            profilePaths: ["adg_deal.xml", "adg_deal2.xml"].map { GeniusConformance.template("anac/y2011/Car/\($0)") })
        let first = scenario.space.outcome(at: 14207)
        let second = scenario.space.outcome(at: 14211)
        let u = scenario.utilities(of: first)
        let v = scenario.utilities(of: second)
        // 0.7642 and 0.98 for both parties in decimal; in binary the first party's sums differ by one ulp.
        #expect(u[1] == v[1])
        #expect(u[0] != v[0] && abs(u[0] - v[0]) <= u[0].ulp)
        let frontier = Set(try scenario.analyze(options: Self.options).frontier.map(\.outcome))
        #expect(frontier.contains(first) && frontier.contains(second))
        #expect(frontier.count == 75)
    }

    /// The points that ignore reservation values, read off the frontier of the analysis (reservation values do not
    /// restrict it): the Nash point with d = 0 is the frontier's argmax of Π u_i (the expected data's definition),
    /// and the outcome of largest Σ u_i over all outcomes lies on the frontier too (within 1e-9 for three parties).
    /// When every reservation is 0 the engine's own Nash and utilitarian points are the same points.
    ///
    /// One analysis per scenario: a second one with the reservations set to 0 would double the run time, which the
    /// sensitivity sweep of `analyze()` makes long in debug builds.
    private func expectUnreservedPoints(
        of analysis: ScenarioAnalysis, nash expectedNash: [Double], nashProduct: Double? = nil,
        maxSocialWelfare: [Double], sw: Double, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        // Ties (within 1e-9) go to the lowest outcome index, as in the engine and the expected data.
        func argmax(_ score: ([Double]) -> Double) -> [Double]? {
            guard let best = analysis.frontier.map({ score($0.utilities) }).max() else { return nil }
            return analysis.frontier.filter { score($0.utilities) >= best - 1e-9 }.min { $0.outcome < $1.outcome }?
                .utilities
        }
        let nash = argmax { $0.reduce(1, *) }
        expectFourDecimals(nash, expectedNash, "Nash point with rv = 0", sourceLocation: sourceLocation)
        if let nashProduct {
            let product = nash?.reduce(1, *)
            #expect(
                product.map { abs($0 - nashProduct) <= 0.5e-4 + 1e-12 } == true, "Nash product \(product ?? .nan)",
                sourceLocation: sourceLocation)
        }
        let best = argmax { $0.reduce(0, +) }
        expectFourDecimals(best, maxSocialWelfare, "max social welfare", sourceLocation: sourceLocation)
        let total = best?.reduce(0, +)
        #expect(
            total.map { abs($0 - sw) <= 0.5e-4 + 1e-12 } == true, "social welfare \(total ?? .nan)",
            sourceLocation: sourceLocation)
        if analysis.scenario.parties.allSatisfy({ $0.reservation == 0 }) {
            expectFourDecimals(
                analysis.solutions.nash?.utilities, expectedNash, "engine's Nash point with rv = 0",
                sourceLocation: sourceLocation)
            expectFourDecimals(
                analysis.solutions.utilitarian?.utilities, maxSocialWelfare, "engine's utilitarian point with rv = 0",
                sourceLocation: sourceLocation)
        }
    }

    /// For a capped (non-additive) scenario: the analysis's frontier is exactly the outcomes that no other outcome
    /// ε-dominates, found by comparing every pair of outcomes.
    private func expectBruteForceFrontier(
        of analysis: ScenarioAnalysis, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let reference = BruteForceReference(analysis.scenario)
        let space = analysis.scenario.space
        #expect(
            Set(analysis.frontier.map { space.index(of: $0.outcome) }) == Set(reference.frontier),
            "frontier against brute force", sourceLocation: sourceLocation)
        #expect(
            analysis.frontier.allSatisfy { reference.utilities[space.index(of: $0.outcome)] == $0.utilities },
            "frontier utilities against brute force", sourceLocation: sourceLocation)
    }

    /// The reservation value (0 when the file gives none) and the discount factor (none when absent, ≤ 0 or > 1).
    private func expectSettings(
        of scenario: Scenario, rv: [Double?], df: [Double?], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(scenario.parties.map(\.reservation) == rv.map { $0 ?? 0 }, sourceLocation: sourceLocation)
        let discounts = df.map { d in d.flatMap { $0 <= 0 || $0 > 1 ? nil : $0 } }
        #expect(scenario.parties.map(\.discount) == discounts, sourceLocation: sourceLocation)
    }
}
