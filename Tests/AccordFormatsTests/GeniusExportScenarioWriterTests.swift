import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// Writing Accord YAML and JSON (the target of `accord convert --to accord-yaml|accord-json`, and what GENIUS and
/// GeniusWeb imports are saved as): the file loads back to the same scenario.
@Suite struct GeniusExportScenarioWriterTests {
    /// Every party accepts and refuses the same outcomes (red lines and reservations).
    private func expectSameAcceptance(
        _ original: Scenario, _ copy: Scenario, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let count = original.space.count, count <= 200_000 else { return }
        for index in 0..<count {
            let outcome = original.space.outcome(at: index)
            let before = original.parties.map { $0.accepts(outcome, in: original.space) }
            let after = copy.parties.map { $0.accepts(outcome, in: copy.space) }
            if before != after {
                Testing.Issue.record(
                    "acceptance of \(original.space.describe(outcome)) differs", sourceLocation: sourceLocation)
                return
            }
        }
    }

    @Test(
        "Bundled scenarios written as YAML and JSON load back the same, and writing again gives the same text",
        arguments: ["job-offer", "berlin-2025"])
    func bundled(_ name: String) throws {
        let scenario = try ScenarioLoader.bundled(name)
        for export in [try ScenarioWriter.yaml(scenario), try ScenarioWriter.json(scenario)] {
            let copy = try RoundTrip.accord(export)
            expectSameUtilities(scenario, copy, tolerance: 1e-12)
            expectSameAcceptance(scenario, copy)
            #expect(copy.issues == scenario.issues)
            #expect(copy.parties.map(\.id) == scenario.parties.map(\.id))
            #expect(copy.parties.map(\.clout) == scenario.parties.map(\.clout))
            #expect(copy.parties.map(\.uncertainty) == scenario.parties.map(\.uncertainty))
            #expect(copy.parties.map(\.redLines) == scenario.parties.map(\.redLines))
            #expect(copy.proposals == scenario.proposals)
            #expect(copy.name == scenario.name && copy.description == scenario.description)
            let again =
                export.files[0].name.hasSuffix(".yaml") ? try ScenarioWriter.yaml(copy) : try ScenarioWriter.json(copy)
            #expect(again.files == export.files)
        }
    }

    @Test(
        "A GENIUS import becomes identifiers with the original strings as names; weights not summing to 1 normalised"
    )
    func fromGenius() throws {
        let lunch = try GeniusFixtures.lunch()
        var buyerOnly = lunch
        buyerOnly.parties = [lunch.parties[0]]
        let export = try ScenarioWriter.yaml(buyerOnly)
        #expect(export.files[0].name == "lunch.yaml")
        let copy = try RoundTrip.accord(export)
        expectSameUtilities(buyerOnly, copy, tolerance: 1e-15)
        #expect(copy.issues[0].options.map(\.id) == ["fish___chips", "soup", "salad__amp__bread"])
        #expect(copy.issues[0].options.map(\.name) == ["fish & chips", "soup", "salad &amp; bread"])
        #expect(export.notes.contains { $0.contains("Party 'buyer': the weights sum to 0.9") })
        let text = export.files[0].text
        #expect(text.contains("  - id: fish___chips\n        name: \"fish & chips\""))
        #expect(text.contains("    range: [10, 14]\n    type: integer"))
        #expect(text.contains("    range: [0, 1]\n    step: 0.1\n    type: real"))

        // Back to GENIUS: the names give the original strings again.
        let again = try RoundTrip.genius(try GeniusExporter.export(copy))
        #expect(again.issues[0].options.map(\.id) == ["fish & chips", "soup", "salad &amp; bread"])
    }

    @Test("A GeniusWeb import written as YAML keeps every utility exactly")
    func fromGeniusWeb() throws {
        let jobs = try GeniusWebFixtures.jobs(GeniusWebFixtures.jobsProfileOldDialect)
        let copy = try RoundTrip.accord(try ScenarioWriter.yaml(jobs))
        expectSameUtilities(jobs, copy)
        #expect(
            copy.issues.map(\.id) == [
                "lease_car", "permanent_contract", "career_development_opportunities", "fte", "salary",
                "work_from_home",
            ])
        #expect(copy.issues.map(\.name) == jobs.issues.map(\.id))
    }

    @Test("A numeric issue valued by a table is written as a piecewise function through every level")
    func numericTable() throws {
        let scenario = try GeniusWebFixtures.ranges()
        let export = try ScenarioWriter.yaml(scenario)
        #expect(
            export.files[0].text.contains(
                "hours:\n        piecewise: [[0, 0], [1, 0.33333333], [2, 0.66666667], [3, 1]]"))
        expectSameUtilities(scenario, try RoundTrip.accord(export), tolerance: 1e-15)
    }

    @Test("A binding GENIUS cap cannot be written")
    func capped() throws {
        #expect(
            throws: ScenarioExportError(
                format: "Accord YAML",
                message: "party 'seller' has GENIUS's cap at 1 (its weights can make the sum pass 1), which the Accord "
                    + "format cannot express yet")
        ) { try ScenarioWriter.yaml(try GeniusFixtures.lunch()) }
    }

    @Test(
        "Strings are plain only when YAML cannot misread them",
        arguments: [
            ("abc", "abc"), ("a_b.c-d", "a_b.c-d"), ("yes", "\"yes\""), ("Null", "\"Null\""), ("1.0", "\"1.0\""),
            ("a b", "\"a b\""), ("-x", "\"-x\""), ("", "\"\""), ("tab\there", "\"tab\\there\""), ("é", "\"é\""),
        ])
    func yamlStrings(_ text: String, _ written: String) throws {
        #expect(ScenarioWriter.yamlString(text) == written)
        let node = try DocumentNode.parse(yaml: "key: \(written)")
        #expect(node["key"]?.scalar == text)
    }

    @Test("Identifiers replace other characters with _ and stay distinct")
    func identifiers() {
        #expect(
            ScenarioWriter.identifiers(["a b", "a_b", "a b", "", "ok"], fallback: "issue")
                == ["a_b", "a_b_2", "a_b_3", "issue", "ok"])
    }
}

/// Accord YAML of every ANAC GENIUS pair (`../shared/conformance/genius`, read in place).
@Suite(
    .enabled(
        if: GeniusConformance.isAvailable,
        "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
struct GeniusExportScenarioWriterConformanceTests {
    @Test("Bilateral pair: GENIUS → Accord YAML → Accord keeps every utility", arguments: GeniusConformance.bilateral)
    func bilateral(_ expected: BilateralExpectation) throws {
        let original = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        guard !original.hasNonAdditiveUtility else {
            #expect(throws: ScenarioExportError.self) { try ScenarioWriter.yaml(original) }
            return
        }
        let copy = try RoundTrip.accord(try ScenarioWriter.yaml(original))
        expectSameUtilities(original, copy, tolerance: 1e-12)
    }
}
