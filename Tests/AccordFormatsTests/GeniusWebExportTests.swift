import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// GeniusWeb export: files in the newer dialect that GeniusWeb's semantics read back as the same utilities.
@Suite struct GeniusWebExportTests {
    private typealias Fixtures = GeniusWebFixtures

    /// The sum of a profile's weights, in exact decimals, from the written JSON.
    private func decimalWeightSum(_ file: ScenarioExport.File) throws -> Decimal {
        let root = try JSONValue(parsing: file.text)
        let weights = try #require(root[GeniusWebProfile.linearAdditive]?["issueWeights"]?.members)
        return weights.reduce(Decimal(0)) { sum, member in
            guard case .numberText(let text) = member.value, let value = exactDecimal(text) else { return sum + 100 }
            return sum + value
        }
    }

    @Test("GeniusWeb → Accord → GeniusWeb → Accord gives identical utilities, and writing again the same files")
    func jobsRoundTrip() throws {
        let original = try Fixtures.jobs(Fixtures.jobsProfileOldDialect)
        let export = try GeniusWebExporter.export(original)
        #expect(export.files.map(\.name) == ["jobs.json", "jobs1.json"])
        #expect(export.notes.isEmpty, "\(export.notes)")
        let copy = try RoundTrip.geniusWeb(export)
        expectSameUtilities(original, copy)
        #expect(copy.issues == original.issues)
        #expect(try GeniusWebExporter.export(copy).files == export.files)
        // The newer dialect, the domain embedded, the reservation as a bid.
        let profile = export.files[1].text
        #expect(profile.contains("\"DiscreteValueSetUtilities\""))
        #expect(!profile.contains("discreteutils"))
        #expect(profile.contains("\"domain\": {\n      \"name\": \"jobs\""))
        #expect(profile.contains("\"reservationBid\": {\n      \"issuevalues\": {"))
    }

    @Test("Number ranges stay ranges with NumberValueSetUtilities, on the same grid and with the same utilities")
    func rangesRoundTrip() throws {
        let original = try Fixtures.ranges()
        let export = try GeniusWebExporter.export(original)
        let copy = try RoundTrip.geniusWeb(export)
        expectSameUtilities(original, copy)
        #expect(copy.issues.map(\.kind) == original.issues.map(\.kind))
        #expect(export.files[0].text.contains("\"range\": {\n        \"low\": 12.2,\n        \"high\": 12.5,"))
        #expect(export.files[1].text.contains("\"NumberValueSetUtilities\""))
        #expect(export.files[1].text.contains("\"hours\": 1,\n        \"rate\": 12.5"))
        #expect(try GeniusWebExporter.export(copy).files == export.files)
    }

    @Test("The weights of every written profile sum to exactly 1 in decimal, as GeniusWeb requires")
    func weightsSumToOne() throws {
        let thirds = codedScenario(
            issues: [
                AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "y")])),
                AccordCore.Issue(id: "b", kind: .discrete([Option(id: "x"), Option(id: "y")])),
                AccordCore.Issue(id: "c", kind: .discrete([Option(id: "x"), Option(id: "y")])),
            ],
            utilities: [
                LinearAdditiveUtility(
                    weights: [1.0 / 3, 1.0 / 3, 1.0 / 3], values: [.table([1, 0]), .table([0, 1]), .table([1, 0.5])])
            ])
        let export = try GeniusWebExporter.export(thirds)
        #expect(try decimalWeightSum(export.files[1]) == 1)
        #expect(export.notes.contains { $0.contains("changed in its last digits") })
        expectSameUtilities(thirds, try RoundTrip.geniusWeb(export), tolerance: 1e-15)

        let job = try GeniusWebExporter.export(try ScenarioLoader.bundled("job-offer"))
        for file in job.files.dropFirst() { #expect(try decimalWeightSum(file) == 1, "\(file.name)") }
    }

    @Test("An Accord scenario goes to GeniusWeb and back; linear numeric issues stay ranges, others are discretised")
    func jobOffer() throws {
        let scenario = try ScenarioLoader.bundled("job-offer")
        let export = try GeniusWebExporter.export(scenario)
        let copy = try RoundTrip.geniusWeb(export)
        expectSameUtilities(withReservations(of: copy, in: scenario), copy, tolerance: 1e-12)
        for (before, after) in zip(scenario.parties, copy.parties) {
            #expect(abs(before.reservation - after.reservation) < 0.01, "the nearest bid to \(before.reservation)")
        }
        #expect(copy.issues[0].kind == .integer(lower: 90, upper: 130, step: 5), "salary: linear for both parties")
        #expect(copy.issues[1].options.map(\.id) == ["20", "25", "30"], "vacation: the employer's is piecewise")
        #expect(export.notes.contains { $0.hasPrefix("Issue 'vacation' is discretised") })
        #expect(export.notes.contains { $0.contains("Party 'employer': 1 red line(s) left out") })
        #expect(export.notes.contains { $0.contains("3 proposal(s) are not written") })
        #expect(copy.parties.map(\.id) == ["candidate", "employer"])
    }

    @Test("A reservation value becomes the bid of nearest utility; the difference is noted")
    func reservationBid() throws {
        let issue = AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "y"), Option(id: "z")]))
        let utility = LinearAdditiveUtility(weights: [1], values: [.table([0, 0.5, 1])])
        let exact = codedScenario(issues: [issue], utilities: [utility], reservations: [0.5])
        let exactExport = try GeniusWebExporter.export(exact)
        #expect(exactExport.files[1].text.contains("\"issuevalues\": {\n        \"a\": \"y\""))
        #expect(try RoundTrip.geniusWeb(exactExport).parties[0].reservation == 0.5)

        let between = codedScenario(issues: [issue], utilities: [utility], reservations: [0.7])
        let export = try GeniusWebExporter.export(between)
        #expect(try RoundTrip.geniusWeb(export).parties[0].reservation == 0.5)
        #expect(
            export.notes.contains {
                $0.contains("the reservation value 0.7 becomes the bid with the nearest utility, 0.5")
            })
    }

    @Test("The nearest-outcome search finds the outcome closest to a target")
    func nearestSearch() {
        let table: [[Double]] = [[0, 0.1, 0.3], [0, 0.05, 0.4], [0, 0.25]]
        #expect(nearestOutcome(to: 0.62, contributions: table) == [2, 1, 1])
        #expect(nearestOutcome(to: 0, contributions: table) == [0, 0, 0])
        #expect(nearestOutcome(to: 2, contributions: table) == [2, 2, 1])
    }

    @Test("GENIUS weights that do not sum to 1 are normalised with the values rescaled; a binding cap is refused")
    func fromGenius() throws {
        let lunch = try GeniusFixtures.lunch()
        var buyerOnly = lunch
        buyerOnly.parties = [lunch.parties[0]]
        let export = try GeniusWebExporter.export(buyerOnly)
        #expect(export.notes.contains { $0.contains("Party 'buyer': the weights sum to 0.9") })
        expectSameUtilities(buyerOnly, try RoundTrip.geniusWeb(export), tolerance: 1e-15)

        #expect(
            throws: ScenarioExportError(
                format: "GeniusWeb",
                message:
                    "party 'seller' has GENIUS's cap at 1 (its weights can make the sum pass 1), which a GeniusWeb "
                    + "profile cannot express")
        ) { try GeniusWebExporter.export(lunch) }
    }

    @Test("Names become letters and digits; a value listed twice is renamed")
    func namesAndValues() throws {
        let issue = AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "y")]))
        var scenario = codedScenario(
            issues: [issue], utilities: [LinearAdditiveUtility(weights: [1], values: [.table([1, 0])])],
            name: "job offer (2)")
        scenario.parties[0].id = "the-buyer"
        let export = try GeniusWebExporter.export(scenario)
        #expect(export.files.map(\.name) == ["job offer (2).json", "the-buyer.json"])
        #expect(export.files[0].text.contains("\"name\": \"joboffer2\""))
        #expect(export.files[1].text.contains("\"name\": \"thebuyer\""))
        let copy = try RoundTrip.geniusWeb(export)
        #expect(copy.parties[0].id == "the-buyer")

        // GENIUS allows a value twice (two choices); GeniusWeb's values are distinct, so the copy is renamed.
        let twice = AccordCore.Issue(id: "a", kind: .discrete([Option(id: "x"), Option(id: "x"), Option(id: "x (2)")]))
        let repeated = codedScenario(
            issues: [twice], utilities: [LinearAdditiveUtility(weights: [1], values: [.table([1, 0, 0.5])])])
        let renamed = try GeniusWebExporter.export(repeated)
        let note =
            "Issue 'a' lists the value \"x\" more than once; GeniusWeb values are distinct, so the copies are named "
            + "\"x (3)\"."
        #expect(renamed.notes.contains(note))
        let sameName = AccordCore.Issue(id: "a", kind: .discrete([Option(id: "z")]))
        let twoIssues = codedScenario(
            issues: [sameName, sameName],
            utilities: [LinearAdditiveUtility(weights: [0.5, 0.5], values: [.table([1]), .table([0])])])
        let issuesRenamed = try GeniusWebExporter.export(twoIssues)
        #expect(try RoundTrip.geniusWeb(issuesRenamed).issues.map(\.id) == ["a", "a (2)"])
        #expect(issuesRenamed.notes.contains { $0.hasPrefix("Issues share the name \"a\"") })
        let copy2 = try RoundTrip.geniusWeb(renamed)
        #expect(copy2.issues[0].options.map(\.id) == ["x", "x (3)", "x (2)"])
        expectSameUtilities(repeated, copy2)
    }
}

/// The GeniusWeb export of the ANAC GENIUS domains (`../shared/conformance/genius`, read in place).
@Suite(
    .enabled(
        if: GeniusConformance.isAvailable,
        "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
struct GeniusWebExportConformanceTests {
    @Test(
        "Bilateral pair: GENIUS → Accord → GeniusWeb → Accord keeps every utility",
        arguments: GeniusConformance.bilateral)
    func bilateral(_ expected: BilateralExpectation) throws {
        let original = try GeniusImporter.scenario(domainPath: expected.domainPath, profilePaths: expected.profilePaths)
        guard !original.hasNonAdditiveUtility else {
            #expect(throws: ScenarioExportError.self) { try GeniusWebExporter.export(original) }
            return
        }
        let export = try GeniusWebExporter.export(original)
        let copy = try RoundTrip.geniusWeb(export)
        // Utilities to rounding; reservation values to the utility of the nearest bid.
        expectSameUtilities(withReservations(of: copy, in: original), copy, tolerance: 1e-12)
    }
}

/// The scenario with the reservation values of `copy` and no discount factors (GeniusWeb states reservation only
/// as a bid, and has no discount), for comparing utilities alone.
func withReservations(of copy: Scenario, in original: Scenario) -> Scenario {
    var result = original
    for index in result.parties.indices {
        result.parties[index].reservation = copy.parties[index].reservation
        result.parties[index].discount = nil
    }
    return result
}
