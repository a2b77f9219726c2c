import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// GENIUS export: files that GENIUS's semantics read back as the same utilities.
@Suite struct GeniusExportTests {
    @Test("GENIUS → Accord → GENIUS → Accord gives identical utilities, and writing again gives the same files")
    func lunchRoundTrip() throws {
        let original = try GeniusFixtures.lunch()
        let export = try GeniusExporter.export(original)
        #expect(export.files.map(\.name) == ["lunch.xml", "buyer.xml", "seller.xml"])
        let copy = try RoundTrip.genius(export)
        expectSameUtilities(original, copy)
        #expect(copy.issues.map(\.id) == ["dish", "price", "time"])
        #expect(copy.issues[0].options.map(\.id) == ["fish & chips", "soup", "salad &amp; bread"])
        #expect(copy.issues.map(\.kind) == original.issues.map(\.kind))
        #expect(copy.parties[1].utility is CappedAdditiveUtility, "GENIUS's cap at 1 is kept")
        #expect(copy.parties.map(\.id) == ["buyer", "seller"])
        #expect(try GeniusExporter.export(copy).files == export.files)
    }

    @Test("The written files hold GENIUS's own elements")
    func writtenElements() throws {
        let export = try GeniusExporter.export(try GeniusFixtures.lunch())
        let domain = export.files[0].text
        #expect(
            domain.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n<negotiation_template>"))
        #expect(domain.contains("<item index=\"1\" value=\"fish & chips\"/>"))
        #expect(domain.contains("type=\"integer\" etype=\"integer\" lowerbound=\"10\" upperbound=\"14\">"))
        #expect(domain.contains("<range lowerbound=\"0\" upperbound=\"1\"/>"))
        let buyer = export.files[1].text
        #expect(buyer.contains("<utility_space type=\"linear\" number_of_issues=\"3\">"))
        #expect(buyer.contains("<item index=\"2\" value=\"soup\" evaluation=\"1\"/>"))
        #expect(buyer.contains("<evaluator ftype=\"linear\" slope=\"0.3\" offset=\"0.2\"/>"))
        #expect(buyer.contains("<evaluator ftype=\"linear\" parameter0=\"0.1\" parameter1=\"0.5\"/>"))
        #expect(buyer.contains("<weight index=\"1\" value=\"0.5\"/>"))
        #expect(buyer.contains("<reservation value=\"0\"/>"))
        #expect(!buyer.contains("discount_factor"), "discount factor 0 means none")
        let seller = export.files[2].text
        #expect(seller.contains("<discount_factor value=\"0.8\"/>"))
        #expect(seller.contains("<reservation value=\"0.25\"/>"))
    }

    @Test("When an issue's best value is below 1, evaluations and weight are rescaled and utilities kept")
    func rescaledEvaluations() throws {
        let original = try GeniusImporter.scenario(
            domain: GeniusFixtures.document("pair.xml", GeniusFixtures.pairDomain),
            profiles: [GeniusFixtures.document("p.xml", GeniusFixtures.pairProfile)])
        let export = try GeniusExporter.export(original)
        #expect(export.notes.contains { $0.contains("Party 'p'") && $0.contains("'colour'") })
        let copy = try RoundTrip.genius(export)
        expectSameUtilities(original, copy, tolerance: 1e-15)
        // The domain lists "blue" twice, as GENIUS allows; both copies are written back.
        #expect(copy.issues[0].options.map(\.id) == ["red", "blue", "blue"])
    }

    @Test("An integer evaluator is written back as GENIUS wrote it, from the domain's lower bound")
    func integerEvaluator() throws {
        let domain = """
            <negotiation_template><utility_space><objective index="0" name="Grid">
            <issue index="1" name="price" type="integer" lowerbound="8" upperbound="14"/>
            </objective></utility_space></negotiation_template>
            """
        let profile = """
            <utility_space><objective index="0" name="Grid">
            <issue index="1" name="price" type="integer" lowerbound="8" upperbound="14">
            <evaluator ftype="linear" offset="1.0" slope="-0.15"/></issue>
            <weight index="1" value="1"/>
            </objective></utility_space>
            """
        let original = try GeniusImporter.scenario(
            domain: GeniusFixtures.document("grid.xml", domain),
            profiles: [GeniusFixtures.document("consumer.xml", profile)])
        let export = try GeniusExporter.export(original)
        #expect(export.files[1].text.contains("lowerbound=\"8\" upperbound=\"14\">"))
        #expect(export.files[1].text.contains("<evaluator ftype=\"linear\" slope=\"-0.15\" offset=\"1\"/>"))
        expectSameUtilities(original, try RoundTrip.genius(export))

        // A slope and intercept that no shift from 8 reproduces bit for bit are written from lower bound 0.
        let issue = AccordCore.Issue(id: "n", kind: .integer(lower: 8, upper: 14, step: 1))
        let coded = codedScenario(
            issues: [issue],
            utilities: [LinearAdditiveUtility(weights: [1], values: [.linear(slope: 0.1, intercept: -0.7)])])
        expectSameUtilities(coded, try RoundTrip.genius(try GeniusExporter.export(coded)))
    }

    @Test("Numeric issues GENIUS cannot hold become discrete issues of numbers, with a note")
    func discretisedIssues() throws {
        let stepped = AccordCore.Issue(id: "salary", kind: .integer(lower: 90, upper: 130, step: 5))
        let grid = AccordCore.Issue(id: "share", kind: .real(lower: 0, upper: 1, step: 0.25))
        let scenario = codedScenario(
            issues: [stepped, grid],
            utilities: [
                LinearAdditiveUtility(
                    weights: [0.5, 0.5],
                    values: [.linear(slope: 1.0 / 40, intercept: -90.0 / 40), .piecewise([.init(x: 0, value: 1)])])
            ])
        let export = try GeniusExporter.export(scenario)
        #expect(export.notes.contains { $0.hasPrefix("Issue 'salary' is written as a discrete GENIUS issue") })
        #expect(export.notes.contains { $0.contains("'share'") && $0.contains("11 evenly spaced levels") })
        let copy = try RoundTrip.genius(export)
        #expect(copy.issues[0].options.map(\.id) == ["90", "95", "100", "105", "110", "115", "120", "125", "130"])
        #expect(copy.issues[1].options.map(\.id) == ["0", "0.25", "0.5", "0.75", "1"])
        expectSameUtilities(scenario, copy, tolerance: 1e-15)
    }

    @Test(
        "Accord scenarios go to GENIUS and back with the same utilities; what GENIUS lacks is noted",
        arguments: ["job-offer", "berlin-2025"])
    func bundledScenario(_ name: String) throws {
        let scenario = try ScenarioLoader.bundled(name)
        let export = try GeniusExporter.export(scenario)
        let copy = try RoundTrip.genius(export)
        expectSameUtilities(scenario, copy, tolerance: 1e-12)
        #expect(export.notes.contains { $0.contains("red line(s)") })
        #expect(export.notes.contains { $0.contains("proposal(s) are not written") })
    }

    @Test("A string with both kinds of quotes cannot be written; one kind is written with the other")
    func quotes() throws {
        let single = AccordCore.Issue(id: "q", kind: .discrete([Option(id: "say \"hi\""), Option(id: "it's")]))
        let scenario = codedScenario(
            issues: [single], utilities: [LinearAdditiveUtility(weights: [1], values: [.table([1, 0])])])
        let export = try GeniusExporter.export(scenario)
        #expect(export.files[0].text.contains("value='say \"hi\"'"))
        #expect(try RoundTrip.genius(export).issues[0].options.map(\.id) == ["say \"hi\"", "it's"])

        let both = AccordCore.Issue(id: "q", kind: .discrete([Option(id: "\"it's\""), Option(id: "b")]))
        #expect(
            throws: ScenarioExportError(
                format: "GENIUS", message: "the string \"it's\" holds both kinds of quotes (\" and ')")
        ) {
            try GeniusExporter.export(
                codedScenario(
                    issues: [both], utilities: [LinearAdditiveUtility(weights: [1], values: [.table([1, 0])])]))
        }
    }

    @Test("A utility that is not linear additive cannot be written")
    func nonAdditive() {
        struct Constant: UtilityFunction {
            func utility(of outcome: Outcome, in space: OutcomeSpace) -> Double { 0.5 }
        }
        let issue = AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x")]))
        #expect(throws: ScenarioExportError.self) {
            try GeniusExporter.export(codedScenario(issues: [issue], utilities: [Constant()]))
        }
    }
}

/// The round trip on the ANAC domains of `../shared/conformance/genius`, read in place.
@Suite(
    .enabled(
        if: GeniusConformance.isAvailable,
        "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
struct GeniusExportConformanceTests {
    @Test(
        "Bilateral pair: GENIUS → Accord → GENIUS → Accord gives identical utilities",
        arguments: GeniusConformance.bilateral)
    func bilateral(_ expected: BilateralExpectation) throws {
        let original = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        try roundTrip(original)
    }

    @Test(
        "Three-party domain: GENIUS → Accord → GENIUS → Accord gives identical utilities",
        arguments: GeniusConformance.multilateral)
    func multilateral(_ expected: MultilateralExpectation) throws {
        let original = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        try roundTrip(original)
    }

    private func roundTrip(_ original: Scenario, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let export = try GeniusExporter.export(original)
        let copy = try RoundTrip.genius(export)
        expectSameUtilities(original, copy, sourceLocation: sourceLocation)
        #expect(copy.issues.map(\.id) == original.issues.map(\.id), sourceLocation: sourceLocation)
        #expect(copy.issues.map(\.kind) == original.issues.map(\.kind), sourceLocation: sourceLocation)
        #expect(
            try GeniusExporter.export(copy).files == export.files, "written again: same files",
            sourceLocation: sourceLocation)
    }
}
