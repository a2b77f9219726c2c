import Testing

@testable import AccordCore

/// The analysis of scenarios whose utilities are not additive, which lists every outcome's utilities: on additive
/// scenarios it must give exactly what the table-based analysis gives, and on capped utilities what the
/// definitions give by hand.
@Suite struct DenseAnalysisTests {
    /// A utility that hides its contribution table, so the analysis cannot use the additive engine.
    struct Opaque: UtilityFunction {
        let base: any UtilityFunction
        func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double { base.utility(of: outcome, in: space) }
    }

    /// The scenario with the utilities of some parties (all by default) hidden behind ``Opaque``.
    static func opaque(_ scenario: Scenario, parties: [Int]? = nil) -> Scenario {
        var copy = scenario
        for p in parties ?? Array(scenario.parties.indices) {
            copy.parties[p].utility = Opaque(base: scenario.parties[p].utility)
        }
        return copy
    }

    /// Everything both analyses compute (not the sensitivity sweep and position gaps, which need tables).
    static func expectSame(
        _ dense: ScenarioAnalysis, _ tables: ScenarioAnalysis, _ label: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(dense.selection == tables.selection, "\(label): selection", sourceLocation: sourceLocation)
        #expect(dense.outcomeCount == tables.outcomeCount, "\(label): outcomes", sourceLocation: sourceLocation)
        #expect(dense.analysedCount == tables.analysedCount, "\(label): analysed", sourceLocation: sourceLocation)
        #expect(dense.zone == tables.zone, "\(label): zone", sourceLocation: sourceLocation)
        #expect(dense.frontier == tables.frontier, "\(label): frontier", sourceLocation: sourceLocation)
        #expect(dense.solutions == tables.solutions, "\(label): solutions", sourceLocation: sourceLocation)
        #expect(dense.extremes == tables.extremes, "\(label): extremes", sourceLocation: sourceLocation)
        #expect(dense.blocking == tables.blocking, "\(label): blocking", sourceLocation: sourceLocation)
        #expect(dense.coalitions == tables.coalitions, "\(label): coalitions", sourceLocation: sourceLocation)
        #expect(
            dense.reservationThresholds == tables.reservationThresholds, "\(label): reservation thresholds",
            sourceLocation: sourceLocation)
        #expect(dense.proposals == tables.proposals, "\(label): proposals", sourceLocation: sourceLocation)
        #expect(
            try dense.parityMetrics() == tables.parityMetrics(), "\(label): parity metrics",
            sourceLocation: sourceLocation)
        #expect(dense.sensitivity.isEmpty, "\(label): no sensitivity sweep", sourceLocation: sourceLocation)
        #expect(
            dense.notes.contains { $0.contains("not additive") }, "\(label): a note says how it was analysed",
            sourceLocation: sourceLocation)
    }

    @Test(arguments: [nil, 11])
    func jobOfferAndBerlinGiveTheSameAnalysisListedOutcomeByOutcome(round: Int?) throws {
        let options = AnalysisOptions(round: round)
        for scenario in [Self.jobOffer(), Self.berlin()] {
            let tables = try scenario.analyze(options: options)
            try Self.expectSame(try Self.opaque(scenario).analyze(options: options), tables, scenario.name)
            // One opaque party is enough to need the dense analysis; the others keep their tables.
            try Self.expectSame(
                try Self.opaque(scenario, parties: [1]).analyze(options: options), tables, scenario.name)
        }
    }

    @Test func theBerlinFixtureIsTheBundledScenario() throws {
        // The numbers docs/methods.md reports for berlin-2025.
        let analysis = try Self.opaque(Self.berlin()).analyze()
        #expect(analysis.frontier.count == 313)
        #expect(analysis.zone.isEmpty)
        #expect(analysis.blocking.map(\.blocks) == [false, false, false, true])
        #expect(analysis.blocking[3].zoneCountWithout == 543)
        #expect(analysis.zone.closestMargin.map { abs($0 + 0.030749999999999944) < 1e-12 } == true)
        #expect(analysis.coalitions.count == 11)
    }

    @Test func randomScenariosGiveTheSameAnalysis() throws {
        for seed in 0..<150 {
            let scenario = Scenario.random(seed: seed)
            try Self.expectSame(try Self.opaque(scenario).analyze(), try scenario.analyze(), "seed \(seed)")
        }
        for seed in 1000..<1030 {
            let scenario = Scenario.random(seed: seed, maxIssues: 4, maxOptions: 7, grid: 100)
            try Self.expectSame(try Self.opaque(scenario).analyze(), try scenario.analyze(), "seed \(seed)")
        }
    }

    @Test func aPartialProposalIsJudgedByItsBestCompletion() throws {
        let scenario = Self.opaque(Self.jobOffer())
        let partial = Proposal(id: "salary open", levels: [nil, 0, 0, 0, 0])
        #expect(try scenario.evaluate(partial) == (try Self.jobOffer().evaluate(partial)))
    }

    // MARK: Capped utilities

    /// Two issues A (a0 a1), B (b0 b1). x: min(1, 0.7·A + 0.7·B) with A, B valued (1, 0.5); y: 0.5·A + 0.5·B valued
    /// (0, 1). Reservations x 0.8, y 0.4.
    ///
    /// | outcome | index | uncapped x | x   | y   |
    /// |---------|-------|------------|-----|-----|
    /// | a0 b0   | 0     | 1.4        | 1   | 0   |
    /// | a0 b1   | 1     | 1.05       | 1   | 0.5 |
    /// | a1 b0   | 2     | 1.05       | 1   | 0.5 |
    /// | a1 b1   | 3     | 0.7        | 0.7 | 1   |
    static func capped() -> Scenario {
        let issues = [
            Issue(id: "A", kind: .discrete([Option(id: "a0"), Option(id: "a1")])),
            Issue(id: "B", kind: .discrete([Option(id: "b0"), Option(id: "b1")])),
        ]
        let x = Party(
            id: "x",
            utility: CappedAdditiveUtility(weights: [0.7, 0.7], values: [.table([1, 0.5]), .table([1, 0.5])]),
            reservation: 0.8)
        let y = Party(
            id: "y", utility: LinearAdditiveUtility(weights: [0.5, 0.5], values: [.table([0, 1]), .table([0, 1])]),
            reservation: 0.4)
        return Scenario(
            name: "capped", issues: issues, parties: [x, y],
            proposals: [Proposal(id: "a1, B open", levels: [1, nil])])
    }

    @Test func tiesAtTheCapStayOnTheFrontier() throws {
        let analysis = try Self.capped().analyze()
        let space = analysis.scenario.space
        func index(_ scored: ScoredOutcome?) -> Int? { scored.map { space.index(of: $0.outcome) } }
        // a0 b0 (1, 0) is dominated by a0 b1 (1, 0.5) once capped; a0 b1 and a1 b0 tie at the cap.
        #expect(analysis.frontier.map { space.index(of: $0.outcome) } == [1, 2, 3])
        #expect(analysis.frontier.map(\.utilities) == [[1, 0.5], [1, 0.5], [0.7, 1]])
        // Zone: x ≥ 0.8 and y ≥ 0.4.
        #expect(analysis.zone.count == 2)
        #expect(analysis.zone.outcomes.map { space.index(of: $0.outcome) } == [1, 2])
        // Nash (0.2 · 0.1 for both), KS (ratios 1 and 1), utilitarian (1.5) and egalitarian (0.1) tie: lowest index.
        #expect(index(analysis.solutions.nash) == 1)
        #expect(index(analysis.solutions.kalaiSmorodinsky) == 1)
        #expect(index(analysis.solutions.utilitarian) == 1)
        #expect(index(analysis.solutions.egalitarian) == 1)
        // GENIUS KS: |u_x − u_y| = 0.5, 0.5, 0.3 on the frontier.
        #expect(index(analysis.solutions.geniusKalaiSmorodinsky) == 3)
        #expect(index(analysis.zone.closest) == 1)
        #expect(analysis.zone.closestMargin.map { abs($0 - 0.1) < 1e-12 } == true)
        // x's best is the first outcome at the cap; its worst a1 b1; y's the reverse.
        #expect(analysis.extremes.map { index($0.ideal) } == [0, 3])
        #expect(analysis.extremes.map { index($0.worst) } == [3, 0])
        // Thresholds: x gets at most 1 from what y accepts (a0 b1, a1 b0, a1 b1); y at most 0.5 from what x accepts.
        #expect(analysis.reservationThresholds.map(\.threshold) == [1, 0.5])
        #expect(analysis.blocking.isEmpty && analysis.coalitions.isEmpty && analysis.sensitivity.isEmpty)
        // The proposal a1 with B open: completions a1 b0 (1, 0.5) in the zone and a1 b1 (0.7, 1) not.
        let proposal = try #require(analysis.proposals.first)
        #expect(proposal.outcome == Outcome(levels: [1, 0]))
        #expect(proposal.completionCount == 2 && proposal.acceptableCompletionCount == 1)
        #expect(proposal.utilityRanges.map(\.lowerBound).map { ($0 * 1e9).rounded() / 1e9 } == [0.7, 0.5])
        #expect(proposal.utilityRanges.map(\.upperBound) == [1, 1])
        // Opposition: a1 b1 is 0.3 from (1, 1); distribution: only a0 b0 is off the frontier, 0.5 from a0 b1.
        let parity = try analysis.parityMetrics()
        #expect(abs(parity.opposition - 0.3) < 1e-12)
        #expect(abs(parity.distribution - 0.125) < 1e-12)
    }

    @Test func nonAdditiveSpacesAboveTheLimitAreRefusedWithTheirSize() throws {
        let issues = [
            Issue(id: "A", kind: .integer(lower: 1, upper: 2000, step: 1)),
            Issue(id: "B", kind: .integer(lower: 0, upper: 1000, step: 1)),
        ]
        let x = Party(
            id: "x",
            utility: CappedAdditiveUtility(
                weights: [0.7, 0.7],
                values: [.linear(slope: 0.0005, intercept: 0), .linear(slope: 0.001, intercept: 0)]
            ))
        let y = Party(
            id: "y",
            utility: LinearAdditiveUtility(
                weights: [0.5, 0.5],
                values: [.linear(slope: -0.0005, intercept: 1), .linear(slope: -0.001, intercept: 1)])
        )
        let scenario = Scenario(name: "large", issues: issues, parties: [x, y])
        let expected = AnalysisError.nonAdditiveUtility(party: "x", outcomes: 2_002_000, limit: 2_000_000)
        #expect(throws: expected) { try scenario.analyze() }
        #expect(
            expected.description
                == "party 'x' has a utility that is not additive, so the analysis lists every outcome, which it "
                + "does on spaces of at most 2,000,000 outcomes; this one has 2,002,000; analyse fewer issues or "
                + "give numeric issues a coarser step")
        // Under the dense limit, the caller's own limit still applies.
        #expect(throws: AnalysisError.spaceTooLarge(outcomes: 4, afterPruning: 4, limit: 3)) {
            try Self.capped().analyze(options: AnalysisOptions(maxOutcomes: 3))
        }
    }

    // MARK: Fixtures

    /// The bundled job-offer scenario (Scenarios/job-offer.yaml), built in code.
    static func jobOffer() -> Scenario {
        let issues = [
            Issue(id: "salary", kind: .integer(lower: 90, upper: 130, step: 5)),
            Issue(id: "vacation", kind: .integer(lower: 20, upper: 30, step: 5)),
            Issue(
                id: "start_date", kind: .discrete(["immediately", "one_month", "three_months"].map { Option(id: $0) })),
            Issue(id: "remote", kind: .discrete(["office", "hybrid", "fully_remote"].map { Option(id: $0) })),
            Issue(id: "signing_bonus", kind: .discrete(["no_bonus", "bonus_5k", "bonus_10k"].map { Option(id: $0) })),
        ]
        let candidate = Party(
            id: "candidate",
            utility: LinearAdditiveUtility(
                weights: [0.35, 0.10, 0.05, 0.35, 0.15],
                values: [
                    .linear(slope: 1.0 / 40, intercept: -90.0 / 40), .linear(slope: 0.1, intercept: -2),
                    .table([0.4, 1.0, 0.8]), .table([0.0, 0.6, 1.0]), .table([0.0, 0.6, 1.0]),
                ]),
            reservation: 0.40)
        let employer = Party(
            id: "employer",
            utility: LinearAdditiveUtility(
                weights: [0.40, 0.05, 0.30, 0.10, 0.15],
                values: [
                    .linear(slope: -1.0 / 40, intercept: 130.0 / 40),
                    .piecewise([.init(x: 20, value: 1.0), .init(x: 25, value: 0.8), .init(x: 30, value: 0.0)]),
                    .table([1.0, 0.7, 0.0]), .table([1.0, 0.8, 0.5]), .table([1.0, 0.5, 0.0]),
                ]),
            reservation: 0.35,
            redLines: [RedLine(conditions: [.init(issue: 0, test: .outside(min: nil, max: 125))])])
        return Scenario(
            name: "job-offer", issues: issues, parties: [candidate, employer],
            proposals: [
                Proposal(id: "split_the_difference", levels: [4, 1, 1, 1, 1]),
                Proposal(id: "logroll", levels: [4, 1, 0, 2, 1]),
                Proposal(id: "opening_offer", levels: [nil, 0, 0, 0, 0]),
            ])
    }

    /// The bundled berlin-2025 scenario (Scenarios/berlin-2025.yaml) at its nominal values, built in code.
    static func berlin() -> Scenario {
        func option(_ id: String, _ values: [String], until: Expiry? = nil) -> Option {
            let names = ["obligation", "trigger", "response", "legal_form", "material_backing", "foreign_troops"]
            return Option(
                id: id, attributes: zip(names, values).map { Option.Attribute(name: $0, value: $1) },
                availableUntil: until)
        }
        let guarantee = [
            option("none", ["none", "none", "none", "none", "none", "none"]),
            option(
                "bilateral_assurances",
                ["consult", "armed_attack", "consultations", "political_declaration", "arms_supply", "none"]),
            option(
                "reassurance_force",
                [
                    "assist", "armed_attack", "deems_necessary", "executive_agreement", "arms_supply",
                    "european_led_force",
                ]),
            option(
                "article5_like",
                [
                    "collective_defence", "armed_attack", "deems_necessary", "ratified_treaty", "arms_and_funding",
                    "european_led_force",
                ], until: .round(10)),
            option(
                "nato_membership",
                [
                    "collective_defence", "armed_attack", "deems_necessary", "nato_treaty", "nato_integration",
                    "nato_forces",
                ]),
        ]
        let issues = [
            Issue(id: "guarantee", kind: .discrete(guarantee)),
            Issue(
                id: "territory",
                kind: .discrete(
                    ["ukraine_keeps", "freeze_contact_line", "demilitarised_zone", "cede_donbas"].map { Option(id: $0) }
                )),
            Issue(id: "army_cap", kind: .integer(lower: 400, upper: 900, step: 50)),
            Issue(
                id: "sanctions",
                kind: .discrete(["sanctions_stay", "phased_relief", "full_lifting"].map { Option(id: $0) })),
            Issue(
                id: "frozen_assets",
                kind: .discrete(["reparations_loan", "us_led_fund", "returned"].map { Option(id: $0) })),
        ]
        /// Obligation, legal form, foreign troops, material backing: weight and values in option order of each.
        func guaranteeValue(
            obligation: (Double, [Double]), legalForm: (Double, [Double]), troops: (Double, [Double]),
            backing: (Double, [Double])
        ) -> ValueFunction {
            func term(_ name: String, _ weight: Double, _ names: [String], _ values: [Double])
                -> AttributeValuation.Term
            {
                AttributeValuation.Term(
                    attribute: name, weight: weight, values: Dictionary(uniqueKeysWithValues: zip(names, values)))
            }
            return .attributes(
                AttributeValuation(terms: [
                    term(
                        "obligation", obligation.0, ["none", "consult", "assist", "collective_defence"], obligation.1),
                    term(
                        "legal_form", legalForm.0,
                        ["none", "political_declaration", "executive_agreement", "ratified_treaty", "nato_treaty"],
                        legalForm.1),
                    term("foreign_troops", troops.0, ["none", "european_led_force", "nato_forces"], troops.1),
                    term(
                        "material_backing", backing.0, ["none", "arms_supply", "arms_and_funding", "nato_integration"],
                        backing.1),
                ]))
        }
        func army(_ points: [(Double, Double)]) -> ValueFunction {
            .piecewise(points.map { ValueFunction.Point(x: $0.0, value: $0.1) })
        }
        func forbid(_ issue: Int, _ level: Int) -> RedLine {
            RedLine(conditions: [.init(issue: issue, test: .levelIn([level]))])
        }
        let us = Party(
            id: "us",
            utility: LinearAdditiveUtility(
                weights: [0.20, 0.25, 0.10, 0.20, 0.25],
                values: [
                    guaranteeValue(
                        obligation: (0.35, [0.0, 0.3, 0.6, 1.0]), legalForm: (0.25, [0.5, 0.8, 1.0, 0.7, 0.0]),
                        troops: (0.25, [1.0, 0.9, 0.0]), backing: (0.15, [1.0, 0.8, 0.6, 0.2])),
                    .table([0.2, 0.6, 0.8, 1.0]), army([(400, 0.4), (600, 1.0), (900, 0.6)]),
                    .table([0.3, 1.0, 0.8]), .table([0.3, 1.0, 0.5]),
                ]),
            reservation: 0.45, redLines: [forbid(0, 4)])
        let ukraine = Party(
            id: "ukraine",
            utility: LinearAdditiveUtility(
                weights: [0.35, 0.35, 0.10, 0.10, 0.10],
                values: [
                    guaranteeValue(
                        obligation: (0.3, [0.0, 0.1, 0.5, 1.0]), legalForm: (0.3, [0.0, 0.1, 0.4, 0.85, 1.0]),
                        troops: (0.2, [0.0, 0.8, 1.0]), backing: (0.2, [0.0, 0.6, 0.85, 1.0])),
                    .table([1.0, 0.7, 0.35, 0.0]), army([(400, 0.0), (800, 0.9), (900, 1.0)]),
                    .table([1.0, 0.6, 0.1]), .table([1.0, 0.6, 0.0]),
                ]),
            reservation: 0.45, redLines: [forbid(1, 3), forbid(0, 0)])
        let europe = Party(
            id: "europe",
            utility: LinearAdditiveUtility(
                weights: [0.35, 0.20, 0.10, 0.15, 0.20],
                values: [
                    guaranteeValue(
                        obligation: (0.30, [0.0, 0.2, 0.6, 1.0]), legalForm: (0.25, [0.0, 0.2, 0.6, 1.0, 0.6]),
                        troops: (0.20, [0.6, 0.8, 0.3]), backing: (0.25, [0.0, 0.6, 1.0, 0.5])),
                    .table([1.0, 0.75, 0.45, 0.1]), army([(400, 0.1), (800, 1.0), (900, 1.0)]),
                    .table([1.0, 0.5, 0.0]), .table([1.0, 0.4, 0.1]),
                ]),
            reservation: 0.55, redLines: [forbid(1, 3)])
        let russia = Party(
            id: "russia",
            utility: LinearAdditiveUtility(
                weights: [0.30, 0.30, 0.15, 0.15, 0.10],
                values: [
                    guaranteeValue(
                        obligation: (0.25, [1.0, 0.7, 0.2, 0.0]), legalForm: (0.20, [1.0, 0.8, 0.4, 0.15, 0.0]),
                        troops: (0.35, [1.0, 0.0, 0.0]), backing: (0.20, [1.0, 0.5, 0.3, 0.0])),
                    .table([0.0, 0.3, 0.6, 1.0]), army([(400, 1.0), (600, 0.5), (900, 0.0)]),
                    .table([0.0, 0.6, 1.0]), .table([0.0, 0.5, 1.0]),
                ]),
            reservation: 0.6, redLines: [forbid(0, 4)])
        return Scenario(
            name: "berlin-2025", issues: issues, parties: [us, ukraine, europe, russia],
            proposals: [
                Proposal(id: "us_28_point_plan", levels: [1, 3, 4, 1, 1]),
                Proposal(id: "european_counterproposal", levels: [3, 1, 8, 1, 0]),
                Proposal(id: "berlin_framework", levels: [3, nil, 8, 1, 1]),
            ])
    }
}
