import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// GENIUS's semantics on small hand-written files: one evaluator type or one rule per test.
@Suite struct GeniusImportTests {
    private typealias Fixtures = GeniusFixtures

    /// Every level's value of one issue for one party, before weighting.
    private func values(_ scenario: Scenario, party: Int, issue: Int) throws -> [Double] {
        let utility = scenario.parties[party].utility
        let additive = try #require(
            (utility as? LinearAdditiveUtility) ?? (utility as? CappedAdditiveUtility)?.uncapped)
        let space = scenario.space
        return (0..<space.radices[issue]).map { additive.value(ofLevel: $0, onIssue: issue, in: space) }
    }

    private func expectClose(
        _ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) < 1e-12, "\(actual) ≠ \(expected)", sourceLocation: sourceLocation)
        }
    }

    private func importError(domain: String = GeniusFixtures.pairDomain, profile: String) -> GeniusImportError? {
        do {
            _ = try GeniusImporter.scenario(
                domain: Fixtures.document("domain.xml", domain), profiles: [Fixtures.document("profile.xml", profile)])
            return nil
        } catch {
            return error
        }
    }

    // MARK: The domain

    @Test func issuesKeepTheDomainsOrderAndExactStrings() throws {
        let scenario = try Fixtures.lunch()
        #expect(scenario.issues.map(\.id) == ["dish", "price", "time"])
        #expect(scenario.issues[0].options.map(\.id) == ["fish & chips", "soup", "salad &amp; bread"])
        #expect(scenario.issues[1].kind == .integer(lower: 10, upper: 14, step: 1))
        #expect(scenario.issues[2].levelCount == 11)
        #expect(scenario.space.count == 3 * 5 * 11)
        #expect(scenario.parties.map(\.id) == ["buyer", "seller"])
        #expect(scenario.name == "lunch")
    }

    @Test func aValueListedTwiceIsTwoOptions() throws {
        // ANAC 2012 FlightBooking lists "Sep4_2011" twice and GENIUS counts 48 outcomes, not 36.
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("pair.xml", Fixtures.pairDomain),
            profiles: [Fixtures.document("p.xml", Fixtures.pairProfile)])
        #expect(scenario.issues[0].options.map(\.id) == ["red", "blue", "blue"])
        #expect(scenario.space.count == 6)
        #expect(scenario.notes.contains { $0.contains("more than once") })
    }

    // MARK: Evaluators

    @Test func discreteEvaluationsAreDividedByTheMaximumNotMinSubtracted() throws {
        let scenario = try Fixtures.lunch()
        // Buyer: 2, 8, 4 → 0.25, 1, 0.5 (min-max scaling would give 0, 1, 1/3).
        expectClose(try values(scenario, party: 0, issue: 0), [0.25, 1, 0.5])
        // Seller: 10, 5, 0.
        expectClose(try values(scenario, party: 1, issue: 0), [1, 0.5, 0])
    }

    @Test func aValueTheDomainLacksStillSetsTheMaximum() throws {
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("pair.xml", Fixtures.pairDomain),
            profiles: [Fixtures.document("p.xml", Fixtures.pairProfile)])
        // red 3, blue 6 and the profile-only green 12: 0.25, 0.5, 0.5.
        expectClose(try values(scenario, party: 0, issue: 0), [0.25, 0.5, 0.5])
        #expect(scenario.notes.contains { $0.contains("\"green\"") })
    }

    @Test func evaluationsAllBelowOneHundredThousandthAreWorthZero() throws {
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("pair.xml", Fixtures.pairDomain),
            profiles: [Fixtures.document("p.xml", Fixtures.pairProfile)])
        expectClose(try values(scenario, party: 0, issue: 1), [0, 0])
    }

    @Test func integerEvaluatorsShiftByTheLowerBoundAndClamp() throws {
        let scenario = try Fixtures.lunch()
        // Buyer: 0.3·(x − 10) + 0.2 for x = 10…14, clamped to 1 (without the shift every value would be 1).
        expectClose(try values(scenario, party: 0, issue: 1), [0.2, 0.5, 0.8, 1, 1])
        // Seller: −0.25·(x − 10) + 1.
        expectClose(try values(scenario, party: 1, issue: 1), [1, 0.75, 0.5, 0.25, 0])
    }

    @Test func integerValuesAreGeniusBitsEvenWhenALineCannotGiveThem() throws {
        let scenario = try Fixtures.lunch()
        let utility = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        let exact = (10...14).map { GeniusEvaluation.integer($0, lowerBound: 10, slope: 0.3, offset: 0.2) }
        #expect(try values(scenario, party: 0, issue: 1) == exact)
        // 0.3·x + (0.2 − 3) differs from 0.3·(x − 10) + 0.2 in the last bit here, so the values are tabled.
        if case .linear = utility.values[1] {
            Testing.Issue.record("expected a table of GENIUS's values, got \(utility.values[1])")
        }
        // For the seller, −0.25·x + 3.5 gives GENIUS's values exactly, so the line is kept.
        let seller = try #require(scenario.parties[1].utility as? CappedAdditiveUtility)
        #expect(seller.uncapped.values[1] == .linear(slope: -0.25, intercept: 3.5))
    }

    @Test func realLinearEvaluatorsClamp() throws {
        let scenario = try Fixtures.lunch()
        let xs = (0...10).map { scenario.issues[2].number(atLevel: $0) }
        expectClose(try values(scenario, party: 0, issue: 2), xs.map { min(1, max(0, 0.5 * $0 + 0.1)) })
        let utility = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(utility.values[2] == .linear(slope: 0.5, intercept: 0.1))
    }

    @Test func realTriangularEvaluatorsRiseToTheTopAndFall() throws {
        let scenario = try Fixtures.lunch()
        let got = try values(scenario, party: 1, issue: 2)
        // low 0.2, top 0.6, high 1: 0 up to 0.2, 1 at 0.6, 0 at 1.
        expectClose([got[0], got[2], got[4], got[6], got[8], got[10]], [0, 0, 0.5, 1, 0.5, 0])
    }

    @Test(arguments: [
        ("linear", #"parameter0="1.25" parameter1="-1""#, [1, 0.75, 0.25]),
        ("constant", #"parameter0="0.25""#, [0.25, 0.25, 0.25]),
        ("constant", #"parameter0="1.25""#, [1.25, 1.25, 1.25]),  // GENIUS does not clamp a constant
        ("triangular", #"parameter0="0" parameter1="1" parameter2="0.5""#, [0, 1, 0]),
        ("triangular", #"parameter0="0" parameter1="1" parameter2="0""#, [1, 0.5, 0]),
    ])
    func realEvaluatorsFollowGenius(ftype: String, parameters: String, expected: [Double]) throws {
        let domain = """
            <negotiation_template><utility_space><objective index="0" name="r">
            <issue index="1" name="x" type="real"><range lowerbound="0" upperbound="1"/></issue>
            </objective></utility_space></negotiation_template>
            """
        let profile = """
            <utility_space><objective index="0" name="r">
            <issue index="1" name="x" type="real"><evaluator ftype="\(ftype)" \(parameters)/></issue>
            <weight index="1" value="0.5"/>
            </objective></utility_space>
            """
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("real.xml", domain), profiles: [Fixtures.document("r.xml", profile)],
            options: GeniusImportOptions(realIssueLevels: 3))
        #expect(scenario.issues[0].levelCount == 3)
        expectClose(try values(scenario, party: 0, issue: 0), expected)
    }

    // MARK: Weights and the total

    @Test func weightsAreUsedAsWrittenNeverRenormalised() throws {
        let scenario = try Fixtures.lunch()
        let buyer = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(buyer.weights == [0.5, 0.3, 0.1])
        // The buyer's best outcome: 0.5·1 + 0.3·1 + 0.1·0.6 = 0.86, not 1.
        let best = Outcome(levels: [1, 4, 10])
        #expect(abs(scenario.parties[0].utility.utility(of: best, in: scenario.space) - 0.86) < 1e-12)
        // 0.5 + 0.3 + 0.1 is 0.9000000000000001 in binary floating point: the note rounds it.
        #expect(
            scenario.notes.contains {
                $0.hasSuffix("buyer.xml: the weights sum to 0.9; they are used as written, as in GENIUS.")
            })
    }

    @Test func aWeightForTheObjectiveItselfIsIgnored() throws {
        // ANAC 2012 Fitness: the objective has index 1 and a weight 1.0 beside its issues' weights.
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("pair.xml", Fixtures.pairDomain),
            profiles: [Fixtures.document("p.xml", Fixtures.pairProfile)])
        let utility = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(utility.weights == [0.7, 0.3])
        #expect(scenario.notes.contains { $0.contains("<weight index=\"1\"> matches no issue") })
    }

    @Test func theTotalIsCappedAtOneWhenTheWeightsReachBeyond() throws {
        let scenario = try Fixtures.lunch()
        let seller = try #require(scenario.parties[1].utility as? CappedAdditiveUtility)
        #expect(seller.uncapped.weights == [0.6, 0.4, 0.2])
        #expect(abs(seller.largestTotal(in: scenario.space) - 1.2) < 1e-12)
        #expect(seller.capBinds(in: scenario.space))
        #expect(seller.contributionTable(in: scenario.space) == nil)
        // fish & chips, price 10, time 0.6: 0.6 + 0.4 + 0.2 = 1.2, capped at 1.
        #expect(seller.utility(of: Outcome(levels: [0, 0, 6]), in: scenario.space) == 1)
        // fish & chips, price 11, time 0.2: 0.6 + 0.3 + 0 = 0.9, below the cap.
        #expect(abs(seller.utility(of: Outcome(levels: [0, 1, 2]), in: scenario.space) - 0.9) < 1e-12)
        #expect(scenario.notes.contains { $0.contains("seller.xml") && $0.contains("capped at 1") })
        // The exact analysis evaluates every outcome of a non-additive scenario (165 here) and says so.
        let analysis = try scenario.analyze()
        #expect(analysis.notes.contains { $0.contains("not additive") })
        #expect(analysis.zone.count == 142)
    }

    @Test func aCapThatCannotBindLeavesTheUtilityAdditive() throws {
        let space = OutcomeSpace(issues: [
            AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "y")]))
        ])
        let utility = CappedAdditiveUtility(weights: [0.9], values: [.table([1, 0.5])])
        #expect(!utility.capBinds(in: space))
        #expect(utility.contributionTable(in: space) == [[0.9, 0.45]])
        #expect(utility.utility(of: Outcome(levels: [0]), in: space) == 0.9)
    }

    // MARK: Reservation, discount, profile types

    @Test func reservationDefaultsToZeroAndDiscountOutsideZeroToOneIsNone() throws {
        let scenario = try Fixtures.lunch()
        #expect(scenario.parties[0].reservation == 0)
        #expect(scenario.parties[0].discount == nil)  // discount_factor 0
        #expect(scenario.parties[1].reservation == 0.25)
        #expect(scenario.parties[1].discount == 0.8)
    }

    @Test(
        arguments: [("0", nil), ("-0.5", nil), ("1.5", nil), ("1", 1), ("0.25", 0.25), ("s", nil)]
            as [(String, Double?)])
    func discountFactor(written: String, expected: Double?) throws {
        let profile = Fixtures.pairProfile(
            replacing: "</utility_space>", with: "<discount_factor value=\"\(written)\"/></utility_space>")
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("pair.xml", Fixtures.pairDomain), profiles: [Fixtures.document("p.xml", profile)])
        #expect(scenario.parties[0].discount == expected)
    }

    @Test func anUncertainProfileIsReadAsItsLinearProfile() throws {
        let scenario = try Fixtures.lunch()
        #expect(scenario.notes.contains { $0.contains("seller.xml is an uncertain GENIUS profile") })
        expectClose(try values(scenario, party: 1, issue: 0), [1, 0.5, 0])
    }

    @Test func constraintProfilesAreRefusedAndNonlinearOnesNeedTheirTree() {
        let constraint = Fixtures.pairProfile(replacing: "<utility_space>", with: #"<utility_space type="constraint">"#)
        #expect(importError(profile: constraint) == .constraintProfile(file: "profile.xml"))
        let odd = Fixtures.pairProfile(replacing: "<utility_space>", with: #"<utility_space type="fuzzy">"#)
        #expect(importError(profile: odd) == .unknownProfileType(file: "profile.xml", type: "fuzzy"))
        // type="nonlinear" on a linear profile: the hyper-rectangle tree it announces is missing.
        let nonlinear = Fixtures.pairProfile(replacing: "<utility_space>", with: #"<utility_space type="nonlinear">"#)
        #expect(
            importError(profile: nonlinear)?.description
                == "profile.xml:1: <utility_space>: is a nonlinear profile without the <utility maxutility=…> element "
                + "that holds its <ufun> tree.")
        // A hyper-rectangle profile without its type attribute is read as nonlinear (Genius2014NonlinearTests covers
        // the semantics).
        let rectangles = """
            <utility_space><objective index="0" name="Pair">
            <issue index="2" name="colour" type="integer" lowerbound="0" upperbound="9"/>
            <utility maxutility="10"><ufun type="PlainUfun" weight="1" aggregation="sum"/></utility>
            </objective></utility_space>
            """
        #expect(importError(profile: rectangles) == nil)
    }

    // MARK: Errors

    @Test(arguments: [
        (
            #"<weight index="3" value="0.3"/>"#, "",
            "profile.xml:8: <issue index=\"3\" name=\"size\">: has no <weight index=\"3\"> beside it"
        ),
        (
            #"<item index="1" value="red" evaluation="3"/>"#, #"<item index="1" value="red"/>"#,
            "profile.xml:3: <issue index=\"2\" name=\"colour\">: gives no evaluation for the value \"red\""
        ),
        (
            #"evaluation="6""#, #"evaluation="six""#,
            "profile.xml:5: <item index=\"2\" value=\"blue\">: has evaluation=\"six\", which is not a finite number"
        ),
        (
            #"<issue index="3" name="size" etype="discrete">"#, #"<issue index="7" name="size" etype="discrete">"#,
            "profile.xml:8: <issue index=\"7\" name=\"size\">: has index 7, which no issue of the domain domain.xml has"
        ),
        (
            #"<issue index="3" name="size" etype="discrete">"#, #"<issue index="3" name="size" type="integer">"#,
            "is a integer issue here but a discrete issue in the domain"
        ),
        (
            #"<weight index="2" value="0.7"/>"#, #"<weight index="2" value=""/>"#,
            "<weight index=\"2\" value=\"\">: has value=\"\", which is not a finite number"
        ),
        (
            "<utility_space>", "<negotiation_template><utility_space>",
            "profile.xml: not a GENIUS profile (<utility_space>): the root element is <negotiation_template>."
        ),
    ])
    func aProfileThatDoesNotFitIsRefusedWithFileLineAndElement(
        original: String, replacement: String, message: String
    ) throws {
        var profile = Fixtures.pairProfile(replacing: original, with: replacement)
        if replacement.hasPrefix("<negotiation_template>") { profile += "</negotiation_template>" }
        let error = try #require(importError(profile: profile))
        #expect(error.description.contains(message), "\(error)")
        #expect(error.description.hasSuffix("."))
    }

    @Test func aDomainThatIsNotOneIsRefused() {
        let profileAsDomain = importError(
            domain: "<plan><issue index=\"1\"/></plan>", profile: GeniusFixtures.pairProfile)
        #expect(
            profileAsDomain == .notGenius(file: "domain.xml", root: "plan", expected: "domain (<negotiation_template>)")
        )
        let repeated = GeniusFixtures.pairDomain.replacingOccurrences(
            of: #"<issue index="3" name="size""#, with: #"<issue index="2" name="size""#)
        #expect(
            importError(domain: repeated, profile: GeniusFixtures.pairProfile)?.description
                == "domain.xml:9: <issue name=\"size\">: repeats index 2, already used by issue \"colour\" on line 4.")
        let conflicting = GeniusFixtures.lunchDomain.replacingOccurrences(
            of: #"vtype="integer" type="integer""#, with: #"vtype="integer" type="real""#)
        #expect(
            importError(domain: conflicting, profile: GeniusFixtures.buyer)?.description.contains(
                "has conflicting types: vtype=\"integer\" but type=\"real\"") == true)
    }

    @Test func integerBoundsAreJavaIntsAndNeverOverflow() throws {
        let domain = GeniusFixtures.lunchDomain.replacingOccurrences(
            of: #"lowerbound="10" upperbound="14""#, with: #"lowerbound="-3000000000" upperbound="14""#)
        #expect(
            importError(domain: domain, profile: GeniusFixtures.buyer)?.description.contains(
                "has lowerbound=\"-3000000000\", which is not a whole number GENIUS can read (a Java int)") == true)
        // The extreme lower bound a profile may give still evaluates without overflow: 0.3·(10 + 2³¹) + 0.2 ≥ 1.
        let buyer = GeniusFixtures.buyer.replacingOccurrences(
            of: #"lowerbound="10" upperbound="14">"#, with: #"lowerbound="-2147483648" upperbound="14">"#)
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("lunch.xml", GeniusFixtures.lunchDomain),
            profiles: [Fixtures.document("buyer.xml", buyer)])
        expectClose(try values(scenario, party: 0, issue: 1), [1, 1, 1, 1, 1])
    }

    @Test func anIntegerIssueWithoutEvaluatorIsWorthZero() throws {
        let buyer = GeniusFixtures.buyer.replacingOccurrences(
            of: #"<evaluator ftype="linear" slope="0.3" offset="0.2"/>"#, with: "")
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("lunch.xml", GeniusFixtures.lunchDomain),
            profiles: [Fixtures.document("buyer.xml", buyer)])
        expectClose(try values(scenario, party: 0, issue: 1), [0, 0, 0, 0, 0])
        #expect(scenario.notes.contains { $0.contains("integer issue \"price\" has no <evaluator>") })
        #expect(scenario.notes.contains { $0.contains("Real issue \"time\" [0.0, 1.0] is enumerated on 11") })
    }

    @Test func aProfileCanServeAsItsOwnDomain() throws {
        let scenario = try GeniusImporter.scenario(
            domain: Fixtures.document("buyer.xml", Fixtures.buyer),
            profiles: [Fixtures.document("buyer.xml", Fixtures.buyer), Fixtures.document("buyer.xml", Fixtures.buyer)])
        // Issues in the profile's order; the same file twice gives two parties.
        #expect(scenario.issues.map(\.id) == ["time", "price", "dish"])
        #expect(scenario.parties.map(\.id) == ["buyer", "buyer (2)"])
    }

    @Test func numbersAreReadAsJavaReadsThem() {
        #expect(parseGeniusNumber(" 0.25 ") == 0.25)
        #expect(parseGeniusNumber("1.0d") == 1)
        #expect(parseGeniusNumber("2f") == 2)
        #expect(parseGeniusNumber("1e-3") == 0.001)
        #expect(parseGeniusNumber(".5") == 0.5)
        #expect(parseGeniusNumber("NaN") == nil)
        #expect(parseGeniusNumber("Infinity") == nil)
        #expect(parseGeniusNumber("s") == nil)
        #expect(parseGeniusNumber("") == nil)
    }
}
