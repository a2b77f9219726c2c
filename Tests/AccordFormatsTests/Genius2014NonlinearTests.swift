import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// GENIUS nonlinear (hyper-rectangle) profiles: their import, their utilities checked by hand, the rectangle frontier
/// against brute force on small spaces, and against the organisers' frontiers of the ANAC 2014 domains.
@Suite struct Genius2014NonlinearTests {
    // MARK: Fixtures

    /// Three integer issues with values 1…4 (levels 0…3), indices 1, 2, 3: 64 outcomes.
    static let domain = """
        <negotiation_template>
        <utility_space number_of_issues="3">
        <objective description="" etype="objective" index="0" name="root" type="objective">
           <issue etype="integer" index="1" name="a" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
           <issue etype="integer" index="2" name="b" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
           <issue etype="integer" index="3" name="c" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
        </objective>
        </utility_space>
        </negotiation_template>
        """

    /// Every kind of node and rectangle. With x = (a, b, c) in values:
    ///
    /// F = 40·[a = 1] + 0.5·30·[b ∉ 1…2] + 2·max(10·[c = 3], 15·[a ∈ 1…3 ∧ c ∈ 2…3]) + min(20·[b = 1], 25),
    /// U = min(1, F/80).
    static let seller = """
        <!-- a comment before the declaration, as in ANAC 2014 -->
        <?xml version="1.0" encoding="utf-8" ?>
        <utility_space type="nonlinear">
        <objective description="" etype="objective" index="0" name="root" type="objective">
           <issue etype="integer" index="1" name="a" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
           <issue etype="integer" index="2" name="b" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
           <issue etype="integer" index="3" name="c" type="integer" vtype="integer" lowerbound="1" upperbound="4"/>
           <utility maxutility="80">
              <ufun type="PlainUfun" weight="7" aggregation="sum">
                 <hyperRectangle utility="40">
                    <INCLUDES index="1" min="0" max="1"/>
                 </hyperRectangle>
                 <hyperRectangle utility="30" weight="0.5">
                    <EXCLUDES index="2" min="1" max="2"/>
                 </hyperRectangle>
                 <ufun weight="2" aggregation="max">
                    <hyperRectangle utility="10"><INCLUDES index="3" min="3" max="3"/></hyperRectangle>
                    <hyperRectangle utility="15">
                       <INCLUDES index="1" min="1" max="3"/>
                       <INCLUDES index="3" min="2" max="3"/>
                    </hyperRectangle>
                 </ufun>
                 <ufun aggregation="min">
                    <hyperRectangle utility="20"><INCLUDES index="2" min="1" max="1"/></hyperRectangle>
                    <hyperRectangle utility="25"></hyperRectangle>
                 </ufun>
              </ufun>
           </utility>
        </objective>
          <discount_factor value="0.50" />
          <reservation value="0.75" />
        </utility_space>
        """

    /// F = 50·[a ≥ 3 ∧ b ≥ 3] + 30·[c ≤ 2] + 20·[a ∉ 2…4 ∨ c ∉ 1…1], U = F/100.
    static let buyer = """
        <utility_space type="nonlinear">
        <objective index="0" name="root" type="objective">
           <utility maxutility="100">
              <ufun aggregation="sum">
                 <hyperRectangle utility="50">
                    <INCLUDES index="1" min="3" max="4"/><INCLUDES index="2" min="3" max="9"/>
                 </hyperRectangle>
                 <hyperRectangle utility="30"><INCLUDES index="3" min="-5" max="2"/></hyperRectangle>
                 <hyperRectangle utility="20">
                    <EXCLUDES index="1" min="2" max="4"/><EXCLUDES index="3" min="1" max="1"/>
                 </hyperRectangle>
              </ufun>
           </utility>
        </objective>
        </utility_space>
        """

    static func scenario(seller: String = seller, buyer: String = buyer) throws(GeniusImportError) -> Scenario {
        try GeniusImporter.scenario(
            domain: GeniusDocument(file: "domain.xml", text: domain),
            profiles: [
                GeniusDocument(file: "seller.xml", text: seller), GeniusDocument(file: "buyer.xml", text: buyer),
            ])
    }

    /// Why importing the domain with `seller` and this buyer fails, or `nil` when it succeeds.
    static func importError(domain: String = domain, buyer: String) -> GeniusImportError? {
        do throws(GeniusImportError) {
            _ = try GeniusImporter.scenario(
                domain: GeniusDocument(file: "domain.xml", text: domain),
                profiles: [GeniusDocument(file: "buyer.xml", text: buyer)])
            return nil
        } catch {
            return error
        }
    }

    /// The outcome with these issue values (1…4).
    static func outcome(_ values: Int...) -> Outcome {
        Outcome(levels: values.map { $0 - 1 })
    }

    // MARK: Import and utilities

    @Test func aNonlinearProfileImportsAsAHyperRectangleUtility() throws {
        let scenario = try Self.scenario()
        #expect(scenario.parties.map(\.id) == ["seller", "buyer"])
        let seller = try #require(scenario.parties[0].utility as? HyperRectangleUtility)
        #expect(seller.maxUtility == 80)
        #expect(seller.root.aggregation == .sum)
        #expect(seller.root.children.map(\.aggregation) == [.max, .min])
        #expect(seller.root.children.map(\.weight) == [2, 1])
        #expect(seller.root.rectangles.map(\.kind) == [.includes, .excludes])
        // Values 1…4 are levels 0…3; "min=0 max=1" on issue a holds at value 1 only.
        #expect(seller.root.rectangles[0].bounds == [.init(issue: 0, levels: 0..<1)])
        #expect(seller.root.rectangles[1].bounds == [.init(issue: 1, levels: 0..<2)])
        #expect(seller.root.children[1].rectangles[1].bounds.isEmpty)
        #expect(scenario.parties[0].reservation == 0.75)
        #expect(scenario.parties[0].discount == 0.5)
        #expect(scenario.parties[1].reservation == 0)
        #expect(scenario.parties[1].discount == nil)
        #expect(scenario.space.count == 64)
        #expect(
            scenario.notes.contains { $0.hasPrefix("seller.xml is a nonlinear GENIUS profile: 6 hyper-rectangles") })
        // Bounds outside the issue's values are clamped to its levels.
        let buyer = try #require(scenario.parties[1].utility as? HyperRectangleUtility)
        #expect(buyer.root.rectangles[0].bounds[1] == .init(issue: 1, levels: 2..<4))
        #expect(buyer.root.rectangles[1].bounds == [.init(issue: 2, levels: 0..<2)])
    }

    @Test(arguments: [
        // a b c → F by hand (see `seller`), then U = min(1, F/80).
        ([2, 1, 1], 20.0),  // only the min node: min(20, 25)
        ([2, 2, 1], 0.0),  // min(0, 25) = 0; the max node is max(-(2^31 - 1), 0, 0) = 0
        ([1, 3, 1], 55.0),  // 40 + 15 (EXCLUDES: b = 3 fails "1…2")
        ([4, 4, 3], 35.0),  // 15 + 2·max(10, 0)
        ([2, 2, 3], 30.0),  // 2·max(10, 15)
        ([3, 2, 2], 30.0),  // 2·max(0, 15)
        ([1, 1, 3], 90.0),  // 40 + 2·15 + 20 = 90 > 80: capped at 1
        ([1, 4, 2], 85.0),  // 40 + 15 + 2·15 = 85: capped at 1
    ])
    func sellerUtilitiesByHand(values: [Int], value: Double) throws {
        let scenario = try Self.scenario()
        let seller = try #require(scenario.parties[0].utility as? HyperRectangleUtility)
        let outcome = Outcome(levels: values.map { $0 - 1 })
        #expect(seller.value(of: outcome) == value)
        #expect(scenario.utilities(of: outcome)[0] == min(1, value / 80))
    }

    @Test func buyerUtilitiesByHand() throws {
        let scenario = try Self.scenario()
        // 50 + 30; the EXCLUDES rectangle is not satisfied: a = 3 and c = 1 both hold.
        #expect(scenario.utilities(of: Self.outcome(3, 3, 1))[1] == 0.8)
        #expect(scenario.utilities(of: Self.outcome(1, 1, 1))[1] == 0.5)  // 30 + 20 (a = 1 fails "2…4")
        #expect(scenario.utilities(of: Self.outcome(4, 4, 2))[1] == 1)  // 50 + 30 + 20 (c = 2 fails "1…1")
        #expect(scenario.utilities(of: Self.outcome(2, 4, 3))[1] == 0.2)
        #expect(scenario.utilities(of: Self.outcome(2, 4, 1))[1] == 0.3)
        #expect(scenario.utilities(of: Self.outcome(2, 2, 3))[1] == 0.2)  // only EXCLUDES: c = 3 fails "1…1"
    }

    @Test func emptyMinAndMaxNodesStartFromGeniusExtremes() {
        let empty = Outcome(levels: [0])
        #expect(HyperRectangleUtility.Node(aggregation: .min).value(of: empty.levels) == 2_147_483_647)
        #expect(HyperRectangleUtility.Node(aggregation: .max).value(of: empty.levels) == -2_147_483_647)
        #expect(HyperRectangleUtility.Node(aggregation: .sum).value(of: empty.levels) == 0)
        // An empty max node below a sum: the huge negative value counts (U is not raised to 0, as in GENIUS).
        let utility = HyperRectangleUtility(
            root: .init(aggregation: .sum, children: [.init(aggregation: .max, weight: 1e-9)]), maxUtility: 1)
        let space = OutcomeSpace(issues: [AccordCore.Issue(id: "x", kind: .integer(lower: 0, upper: 0, step: 1))])
        #expect(utility.utility(of: empty, in: space) == -2.147483647)
    }

    @Test func anUntypedRectangleProfileIsReadAsNonlinear() throws {
        let untyped = Self.buyer.replacingOccurrences(of: #"<utility_space type="nonlinear">"#, with: "<utility_space>")
        let scenario = try Self.scenario(buyer: untyped)
        #expect(scenario.parties[1].utility is HyperRectangleUtility)
        #expect(scenario.notes.contains { $0.hasPrefix("buyer.xml has no type=\"nonlinear\"") })
    }

    @Test(arguments: [
        (
            #"<utility maxutility="100">"#, "<utility>",
            "buyer.xml:3: <utility>: has no maxutility attribute."
        ),
        (
            #"<utility maxutility="100">"#, #"<utility maxutility="0">"#,
            "buyer.xml:3: <utility>: has maxutility=\"0\"; GENIUS divides every utility by it, so it must be positive."
        ),
        (
            #"<ufun aggregation="sum">"#, #"<ufun aggregation="avg">"#,
            "buyer.xml:4: <ufun>: has aggregation=\"avg\"; GENIUS aggregates by sum, min or max."
        ),
        (
            #"<ufun aggregation="sum">"#, "<ufun>",
            "buyer.xml:4: <ufun>: has no aggregation attribute."
        ),
        (
            #"<hyperRectangle utility="30">"#, "<hyperRectangle>",
            "buyer.xml:8: <hyperRectangle>: has no utility attribute."
        ),
        (
            #"<INCLUDES index="3" min="-5" max="2"/>"#, #"<INCLUDES index="7" min="-5" max="2"/>"#,
            "buyer.xml:8: <INCLUDES index=\"7\">: bounds index 7, which no issue of the domain domain.xml has."
        ),
        (
            #"<INCLUDES index="3" min="-5" max="2"/>"#, #"<INCLUDES index="3" min="low" max="2"/>"#,
            "buyer.xml:8: <INCLUDES index=\"3\">: has min=\"low\", which is not a whole number GENIUS can read "
                + "(a Java int)."
        ),
    ])
    func malformedTreesAreRefusedInOneSentence(original: String, replacement: String, message: String) throws {
        #expect(Self.buyer.contains(original))
        let broken = Self.buyer.replacingOccurrences(of: original, with: replacement)
        #expect(Self.importError(buyer: broken)?.description == message)
    }

    @Test func aProfileWithoutItsTreeIsRefused() throws {
        let bare = #"<utility_space type="nonlinear"><objective index="0" name="root"/></utility_space>"#
        #expect(
            Self.importError(buyer: bare)?.description
                == "buyer.xml:1: <utility_space>: is a nonlinear profile without the <utility maxutility=…> element "
                + "that holds its <ufun> tree.")
        let onDiscrete = """
            <utility_space type="nonlinear"><objective index="0" name="root">
            <utility maxutility="1"><ufun aggregation="sum">
              <hyperRectangle utility="1"><INCLUDES index="3" min="0" max="1"/></hyperRectangle>
            </ufun></utility></objective></utility_space>
            """
        #expect(
            Self.importError(domain: GeniusFixtures.pairDomain, buyer: onDiscrete)?.description
                == "buyer.xml:3: <INCLUDES index=\"3\">: bounds issue \"size\" (index 3), a discrete issue; GENIUS "
                + "bounds only integer issues.")
    }

    // MARK: The rectangle frontier on small spaces

    @Test func theRectangleFrontierEqualsBruteForceOnASmallSpace() throws {
        let scenario = try Self.scenario()
        let frontier = try scenario.rectangleFrontier()
        #expect(frontier.isExhaustive)
        #expect(frontier.regionCount > 0)
        expectFrontier(frontier, equalsBruteForceOf: scenario)
    }

    @Test func theExactAnalysisAgreesOnTheSmallSpace() throws {
        // 64 outcomes: the exact analysis lists them, and finds the same frontier points.
        let scenario = try Self.scenario()
        let analysis = try scenario.analyze()
        let frontier = try scenario.rectangleFrontier()
        let exact = Set(analysis.frontier.map(\.utilities))
        #expect(Set(frontier.outcomes.map(\.utilities)) == exact)
    }

    @Test func randomTreesMatchBruteForce() throws {
        var generator = SplitMix64(seed: 2014)
        var exhaustive = 0
        for trial in 0..<60 {
            let issues = (0..<3).map {
                AccordCore.Issue(id: "i\($0)", kind: .integer(lower: 0, upper: 2 + $0 % 2, step: 1))
            }
            let space = OutcomeSpace(issues: issues)
            let parties = (0..<2).map { index in
                Party(
                    id: "p\(index)",
                    utility: HyperRectangleUtility(
                        root: Self.randomNode(depth: 0, space: space, using: &generator, allowNegative: trial % 5 == 4),
                        maxUtility: 60))
            }
            let scenario = Scenario(name: "random \(trial)", issues: issues, parties: parties)
            let frontier = try scenario.rectangleFrontier()
            if frontier.isExhaustive {
                exhaustive += 1
                expectFrontier(frontier, equalsBruteForceOf: scenario, "trial \(trial)")
            } else {
                // Not exhaustive: still real outcomes with their exact utilities, not dominating one another.
                for point in frontier.outcomes { #expect(scenario.utilities(of: point.outcome) == point.utilities) }
            }
        }
        #expect(exhaustive >= 40)
    }

    @Test func aLinearProfileFacesANonlinearOne() throws {
        // Additive utilities decompose into one region per level: a GENIUS linear party against a nonlinear one.
        let linear = """
            <utility_space>
            <objective index="0" name="root" type="objective">
              <issue index="1" name="a" type="integer" lowerbound="1" upperbound="4">
                <evaluator ftype="linear" slope="0.25" offset="0.25"/></issue>
              <issue index="2" name="b" type="integer" lowerbound="1" upperbound="4">
                <evaluator ftype="linear" slope="-0.3" offset="1"/></issue>
              <issue index="3" name="c" type="integer" lowerbound="1" upperbound="4">
                <evaluator ftype="linear" slope="0.1" offset="0.5"/></issue>
              <weight index="1" value="0.5"/><weight index="2" value="0.3"/><weight index="3" value="0.2"/>
            </objective>
            </utility_space>
            """
        let scenario = try Self.scenario(buyer: linear)
        let frontier = try scenario.rectangleFrontier()
        #expect(frontier.isExhaustive)
        expectFrontier(frontier, equalsBruteForceOf: scenario)
    }

    @Test func opposedAdditivePartiesOnALongIssue() throws {
        // One issue of 300 levels, one party's utility rising and the other's falling: every outcome is on the
        // frontier. The regions (one per level and party) conflict with all but their partner, the case that would
        // make a recursive search as deep as the graph is large.
        let issue = AccordCore.Issue(id: "x", kind: .integer(lower: 0, upper: 299, step: 1))
        let rising = LinearAdditiveUtility(weights: [1], values: [.linear(slope: 1.0 / 299, intercept: 0)])
        let falling = LinearAdditiveUtility(weights: [1], values: [.linear(slope: -1.0 / 299, intercept: 1)])
        let scenario = Scenario(
            name: "long", issues: [issue], parties: [Party(id: "a", utility: rising), Party(id: "b", utility: falling)])
        let frontier = try scenario.rectangleFrontier()
        #expect(frontier.isExhaustive)
        #expect(frontier.outcomes.count == 300)
        expectFrontier(frontier, equalsBruteForceOf: scenario)
    }

    @Test func scenariosItCannotHandleAreRefused() throws {
        let scenario = try Self.scenario()
        var three = scenario
        three.parties.append(scenario.parties[0])
        #expect(throws: RectangleFrontierError.notBilateral(parties: 3)) { try three.rectangleFrontier() }
        var lined = scenario
        lined.parties[1].redLines = [RedLine(conditions: [.init(issue: 0, test: .levelIn([0]))])]
        #expect(throws: RectangleFrontierError.redLines(party: "buyer")) { try lined.rectangleFrontier() }
    }

    // MARK: The ANAC 2014 domains

    /// The ANAC 2014 domain folders, or none when the conformance data is absent.
    static let anac2014: [String] = {
        let folder = GeniusConformance.templates.appendingPathComponent("anac/y2014").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }()

    @Test(
        .enabled(
            if: GeniusConformance.isAvailable && !anac2014.isEmpty,
            "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
    func theFrontierWeaklyDominatesTheOrganisersParetoFrontier() throws {
        // The organisers' points are float32 values (Java's Float.toString): their rounding is at most 2⁻²⁴ ≈ 6e-8
        // relative, so a point counts as weakly dominated when an outcome is within 1e-6 · p of it for both parties.
        let relativeTolerance = 1e-6
        var total = Duration.zero
        var lines: [String] = []
        for name in Self.anac2014 {
            let folder = "anac/y2014/\(name)"
            let files = try FileManager.default.contentsOfDirectory(atPath: GeniusConformance.template(folder))
            let domain = try #require(files.first { $0.hasSuffix("-domain.xml") })
            let scenario = try GeniusImporter.scenario(
                domainPath: GeniusConformance.template("\(folder)/\(domain)"),
                profilePaths: ["profile-1.xml", "profile-2.xml"].map { GeniusConformance.template("\(folder)/\($0)") })
            #expect(scenario.parties.allSatisfy { $0.utility is HyperRectangleUtility })
            let points = try Self.paretoPoints(GeniusConformance.template("\(folder)/pareto.xml"))
            try #require(!points.isEmpty)

            let frontier = try scenario.rectangleFrontier()
            total += frontier.elapsed
            #expect(frontier.isExhaustive, "\(name): the search was not exhaustive")
            for point in frontier.outcomes {
                #expect(scenario.utilities(of: point.outcome) == point.utilities, "\(name): utilities are exact")
            }
            var dominated = 0
            for (p1, p2) in points {
                let covered = frontier.outcomes.contains { point in
                    point.utilities[0] >= p1 - relativeTolerance * p1
                        && point.utilities[1] >= p2 - relativeTolerance * p2
                }
                #expect(covered, "\(name): no outcome reaches the organisers' point (\(p1), \(p2))")
                if covered { dominated += 1 }
            }
            lines.append(
                "  \(name.padding(toLength: 26, withPad: " ", startingAt: 0)) \(scenario.issues.count) issues, "
                    + "\(frontier.regionCount) regions, \(frontier.subproblemCount) sub-problems: "
                    + "pareto.xml \(points.count) points, \(dominated) weakly dominated; Accord's frontier "
                    + "\(frontier.outcomes.count) outcomes in \(Self.milliseconds(frontier.elapsed)) ms")
        }
        print("ANAC 2014 nonlinear domains, rectangle frontier vs the organisers' pareto.xml:")
        for line in lines { print(line) }
        print("  total \(Self.milliseconds(total)) ms")
    }

    @Test(
        .enabled(
            if: GeniusConformance.isAvailable && !anac2014.isEmpty,
            "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
    func anANAC2014FolderImportsDespiteItsPlainTextParetoFile() throws {
        let scenario = try GeniusImporter.scenario(folderPath: GeniusConformance.template("anac/y2014/10issues"))
        #expect(scenario.parties.map(\.id) == ["profile-1", "profile-2"])
        #expect(scenario.space.approximateCount == 1e10)
        #expect(scenario.notes.contains { $0.contains("pareto.xml") })
    }

    // MARK: Helpers

    /// The `u1, u2` lines of an organisers' `pareto.xml`.
    static func paretoPoints(_ path: String) throws -> [(Double, Double)] {
        try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 2, let u1 = Double(fields[0]), let u2 = Double(fields[1]) else { return nil }
            return (u1, u2)
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let value = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) * 1e-15
        return String(format: "%.1f", value)
    }

    /// The utility vectors of the frontier equal those of the brute-force frontier of the whole space.
    func expectFrontier(
        _ frontier: RectangleFrontier, equalsBruteForceOf scenario: Scenario, _ context: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let count = scenario.space.count ?? 0
        let all = (0..<count).map { scenario.utilities(of: scenario.space.outcome(at: $0)) }
        let expected = Set(
            all.filter { u in
                !all.contains { v in
                    v[0] >= u[0] - utilityTolerance && v[1] >= u[1] - utilityTolerance
                        && (v[0] > u[0] + utilityTolerance || v[1] > u[1] + utilityTolerance)
                }
            })
        #expect(Set(frontier.outcomes.map(\.utilities)) == expected, "\(context)", sourceLocation: sourceLocation)
        for point in frontier.outcomes {
            #expect(
                scenario.utilities(of: point.outcome) == point.utilities, "\(context)", sourceLocation: sourceLocation)
        }
    }

    /// A random tree over a small space: nodes of every aggregation, INCLUDES and EXCLUDES rectangles, weights.
    static func randomNode(
        depth: Int, space: OutcomeSpace, using generator: inout SplitMix64, allowNegative: Bool
    ) -> HyperRectangleUtility.Node {
        let aggregation = depth == 0 ? .sum : HyperRectangleUtility.Aggregation.allCases[generator.next(below: 3)]
        let rectangles = (0..<(1 + generator.next(below: 3))).map { _ in
            let bounds = (0..<generator.next(below: 3)).map { _ in
                let issue = generator.next(below: space.radices.count)
                let low = generator.next(below: space.radices[issue])
                let high = low + generator.next(below: space.radices[issue] - low + 1)
                return HyperRectangleUtility.Bound(issue: issue, levels: low..<high)
            }
            let utility =
                Double(1 + generator.next(below: 20)) * (allowNegative && generator.next(below: 4) == 0 ? -1 : 1)
            return HyperRectangleUtility.Rectangle(
                kind: generator.next(below: 3) == 0 ? .excludes : .includes, bounds: bounds, utility: utility,
                weight: [1, 0.5, 2][generator.next(below: 3)])
        }
        let children =
            depth < 2
            ? (0..<generator.next(below: 3)).map { _ in
                randomNode(depth: depth + 1, space: space, using: &generator, allowNegative: allowNegative)
            } : []
        return HyperRectangleUtility.Node(
            aggregation: aggregation, weight: [1, 0.5, 3][generator.next(below: 3)], rectangles: rectangles,
            children: children)
    }
}

extension SplitMix64 {
    /// A draw from 0..<bound for the random trees (a plain modulo: the trees are fixtures, not statistics).
    mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}
