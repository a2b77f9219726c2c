import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// GeniusWeb's semantics on small hand-written files: one rule per test.
@Suite struct GeniusWebImportTests {
    private typealias Fixtures = GeniusWebFixtures

    /// Every level's value of one issue for one party, before weighting.
    private func values(_ scenario: Scenario, party: Int, issue: Int) throws -> [Double] {
        let additive = try #require(scenario.parties[party].utility as? LinearAdditiveUtility)
        return (0..<scenario.space.radices[issue]).map {
            additive.value(ofLevel: $0, onIssue: issue, in: scenario.space)
        }
    }

    private func importError(
        domain: String? = GeniusWebFixtures.jobsDomain, profile: String, file: String = "jobs1.json"
    ) -> GeniusWebImportError? {
        do {
            _ = try GeniusWebImporter.scenario(
                domain: domain.map { Fixtures.document("jobs.json", $0) }, profiles: [Fixtures.document(file, profile)])
            return nil
        } catch {
            return error
        }
    }

    // MARK: The GeniusWeb check

    @Test("The jobs profile gives 0.53 for the bid whose per-issue utilities are 1, 1, 0, .5, .25, .5")
    func jobsCheck() throws {
        let scenario = try Fixtures.jobs()
        let bid = try #require(Fixtures.outcome(Fixtures.jobsCheckBid, in: scenario))
        let utility = scenario.parties[0].utility.utility(of: bid, in: scenario.space)
        #expect(abs(utility - 0.53) < 1e-15, "\(utility)")
        let additive = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(additive.weights == [0.06, 0.16, 0.04, 0.32, 0.24, 0.18])
        let perIssue = bid.levels.enumerated().map { additive.value(ofLevel: $1, onIssue: $0, in: scenario.space) }
        #expect(perIssue == [1, 1, 0, 0.5, 0.25, 0.5])
    }

    @Test("Both dialects read the same profile, and the reservation bid gives the reservation value")
    func dialects() throws {
        let newer = try Fixtures.jobs()
        let older = try Fixtures.jobs(Fixtures.jobsProfileOldDialect)
        for index in 0..<(newer.space.count ?? 0) {
            let outcome = newer.space.outcome(at: index)
            #expect(newer.utilities(of: outcome) == older.utilities(of: outcome))
        }
        #expect(newer.parties[0].reservation == 0)
        let bid = try #require(
            Fixtures.outcome(
                [
                    "lease car": "no", "permanent contract": "yes", "career development opportunities": "medium",
                    "fte": "0.6", "salary": "3000", "work from home": "2",
                ], in: older))
        #expect(older.parties[0].reservation == older.utilities(of: bid)[0])
        #expect(
            abs(older.parties[0].reservation - (0.16 + 0.04 * 0.5 + 0.32 * 0.25 + 0.24 * 0.3 + 0.18 * 0.666666666666))
                < 1e-15)
    }

    @Test("Issues and values keep the file's order and strings; the party is named after its file and profile")
    func namesAndOrder() throws {
        let scenario = try Fixtures.jobs()
        #expect(scenario.name == "jobs")
        #expect(
            scenario.issues.map(\.id) == [
                "lease car", "permanent contract", "career development opportunities", "fte", "salary",
                "work from home",
            ])
        #expect(scenario.issues[4].options.map(\.id) == ["2000", "2500", "3000", "3500", "4000"])
        #expect(scenario.parties.map(\.id) == ["jobs1"])
        #expect(scenario.parties[0].name == "jobs1")
        // Utilities are matched by value, not by position: "1.0" is listed first but is the domain's last value.
        #expect(try values(scenario, party: 0, issue: 3) == [0.25, 0.5, 0.75])
        #expect(scenario.space.count == 540)
    }

    @Test("A profile alone is enough: its embedded domain gives the issues")
    func profileAlone() throws {
        let alone = try GeniusWebImporter.scenario(
            domain: nil, profiles: [Fixtures.document("jobs1.json", Fixtures.jobsProfile)])
        let withDomain = try Fixtures.jobs()
        #expect(alone.issues == withDomain.issues)
        #expect(
            alone.parties[0].utility.utility(of: alone.space.outcome(at: 17), in: alone.space)
                == withDomain.parties[0].utility.utility(of: withDomain.space.outcome(at: 17), in: withDomain.space))
    }

    // MARK: Number ranges

    @Test("Ranges in the object and array forms, on exactly GeniusWeb's grid")
    func ranges() throws {
        let scenario = try Fixtures.ranges()
        #expect(scenario.issues[1].kind == .integer(lower: 0, upper: 3, step: 1))
        #expect(scenario.issues[2].levelCount == 2)
        #expect(scenario.issues[2].number(atLevel: 0) == 12.2)
        #expect(abs(scenario.issues[2].number(atLevel: 1) - 12.5) < 1e-12)
        #expect(scenario.notes.contains { $0.contains("not a whole number of steps") && $0.contains("12.5") })
        #expect(scenario.space.count == 2 * 4 * 2)
    }

    @Test("Number utilities interpolate with GeniusWeb's rounding to 8 decimals")
    func numberUtilities() throws {
        let scenario = try Fixtures.ranges()
        #expect(try values(scenario, party: 0, issue: 1) == [0, 0.33333333, 0.66666667, 1])
        #expect(try values(scenario, party: 0, issue: 2) == [1, 0.55])
        #expect(try values(scenario, party: 1, issue: 1) == [1, 0.75, 0.5, 0.25])
        #expect(try values(scenario, party: 1, issue: 2) == [0, 0.75])
        // A linear function is kept where it gives the same numbers bit for bit, a table elsewhere.
        let boss = try #require(scenario.parties[1].utility as? LinearAdditiveUtility)
        #expect(boss.values[1] == .linear(slope: -0.25, intercept: 1))
        let worker = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(worker.values[1] == .table([0, 0.33333333, 0.66666667, 1]))
    }

    @Test("The reservation bid may name numbers; its utility is the reservation value")
    func numericReservationBid() throws {
        let scenario = try Fixtures.ranges()
        let expected = 0.5 * 0.2 + 0.3 * 0.33333333 + 0.2 * 0.55
        #expect(abs(scenario.parties[0].reservation - expected) < 1e-15)
        #expect(scenario.parties[0].reservation == scenario.utilities(of: Outcome(levels: [1, 1, 1]))[0])
        #expect(scenario.parties[1].reservation == 0)
        #expect(scenario.parties.map(\.name) == ["worker", "boss"])
    }

    @Test("A partial reservation bid counts the issues it leaves out as 0, with a note")
    func partialReservationBid() throws {
        let profile = Fixtures.jobsProfileOldDialect.replacingOccurrences(of: "\"lease car\": \"no\", ", with: "")
            .replacingOccurrences(of: "\"salary\": \"3000\", ", with: "")
        let scenario = try Fixtures.jobs(profile)
        #expect(
            abs(scenario.parties[0].reservation - (0.16 + 0.04 * 0.5 + 0.32 * 0.25 + 0.18 * 0.666666666666)) < 1e-15)
        #expect(scenario.notes.contains { $0.contains("leaves out \"lease car\", \"salary\"") })
    }

    // MARK: Precision

    static let exactTexts: [String] = [
        "0.1", "0.30000000000000004", "0.1000000000000000055511151231257827", "1e-3", "2.5E-1",
        "0.333333333333333314829616256247",
    ]

    @Test("Numbers are read from their exact text, to the nearest double", arguments: Self.exactTexts)
    func exactNumbers(_ text: String) throws {
        let profile = Fixtures.jobsProfile.replacingOccurrences(of: "\"medium\": 0.5", with: "\"medium\": \(text)")
        let scenario = try Fixtures.jobs(profile)
        #expect(try values(scenario, party: 0, issue: 2)[1] == Double(text))
    }

    @Test("Numbers are written in the shortest JSON text that reads back as the same double")
    func numberText() {
        let values: [Double] = [
            0.1, 0.30000000000000004, 1e-5, 1.0 / 3, 123_456.789, Double.leastNonzeroMagnitude,
            Double.greatestFiniteMagnitude, 3,
        ]
        for value in values {
            let text = jsonNumberText(value)
            #expect(isJSONNumber(text), "\(text)")
            #expect(Double(text) == value, "\(text)")
        }
        #expect(jsonNumberText(1e20) == "1e20")
        let long = "0.1000000000000000055511151231257827"
        #expect(exactDecimal(long)?.description == long)
        #expect(exactDecimal("0." + String(repeating: "3", count: 40)) == nil, "more digits than Decimal holds")
    }

    @Test("Weights with more digits than decimal arithmetic holds are summed as doubles")
    func longWeights() throws {
        let third = "0." + String(repeating: "3", count: 45)
        let domain =
            #"{"name": "d", "issuesValues": {"a": {"values": ["x", "y"]}, "b": {"values": ["x"]}, "c": {"values": ["x"]}}}"#
        let profile = """
            {"LinearAdditiveUtilitySpace": {"issueUtilities": {
              "a": {"discreteutils": {"valueUtilities": {"x": 1, "y": 0}}},
              "b": {"discreteutils": {"valueUtilities": {"x": 1}}}, "c": {"discreteutils": {"valueUtilities": {"x": 1}}}},
              "issueWeights": {"a": \(third), "b": \(third), "c": \(third)}}}
            """
        let scenario = try GeniusWebImporter.scenario(
            domain: Fixtures.document("d.json", domain), profiles: [Fixtures.document("p.json", profile)])
        let additive = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        let oneThird: Double = 1.0 / 3
        #expect(additive.weights == [oneThird, oneThird, oneThird])
    }

    @Test("The JSON reader keeps key order and number text, which JSONSerialization does not promise")
    func jsonNode() throws {
        let node = try JSONValue(parsing: #"{"b": 1.10, "a": [true, null, "\u00e9\n"], "c": -0e+2}"#)
        #expect(node.members?.map(\.key) == ["b", "a", "c"])
        #expect(node["b"] == .numberText("1.10"))
        #expect(node["c"] == .numberText("-0e+2"))
        #expect(node["a"] == .array([.bool(true), .null, .string("é\n")]))
        let written = try JSONValue(parsing: node.serialized())
        #expect(written == node)
    }

    // MARK: Bad input

    static let badProfiles: [(String, String)] = [
        (
            "{\"LinearAdditiveUtilitySpace\": {\"issueWeights\": {}",
            "jobs1.json:1: not readable as JSON: expected ',' or '}' in an object, found end of file."
        ),
        (
            "{\"a\": 1, \"a\": 2}",
            "jobs1.json:1: not readable as JSON: the key \"a\" appears twice in one object."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"issueWeights\"", with: "\"weights\""),
            "jobs1.json: LinearAdditiveUtilitySpace.issueWeights: is missing; expected an object of issue weights."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"fte\": 0.32", with: "\"fte\": -0.32"),
            "jobs1.json: LinearAdditiveUtilitySpace.issueWeights.fte: is negative (-0.32)."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"fte\": 0.32", with: "\"fte\": 0.22"),
            "jobs1.json: LinearAdditiveUtilitySpace.issueWeights: sum to 0.9; GeniusWeb requires the weights of a "
                + "profile to sum to 1."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"4000\": 1,", with: "\"4000\": 1.5,"),
            "jobs1.json: LinearAdditiveUtilitySpace.issueUtilities.salary.DiscreteValueSetUtilities.valueUtilities."
                + "4000: 1.5 is outside [0, 1]; GeniusWeb requires utilities in [0, 1]."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"4000\": 1,", with: "\"5000\": 1,"),
            "jobs1.json: LinearAdditiveUtilitySpace.issueUtilities.salary.DiscreteValueSetUtilities.valueUtilities."
                + "5000: is not a value of issue \"salary\" in the domain."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"4000\": 1,", with: ""),
            "jobs1.json: LinearAdditiveUtilitySpace.issueUtilities.salary.DiscreteValueSetUtilities.valueUtilities: "
                + "gives no utility for the value \"4000\"."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(
                of: "\"fte\": {\"Discrete", with: "\"FTE\": {\"Discrete"),
            "jobs1.json: LinearAdditiveUtilitySpace.issueUtilities.FTE: is not an issue of the domain \"jobs\"."
        ),
        (
            GeniusWebFixtures.jobsProfile.replacingOccurrences(
                of: "\"fte\": {\"DiscreteValueSetUtilities\"", with: "\"fte\": {\"Discrete\""),
            "jobs1.json: LinearAdditiveUtilitySpace.issueUtilities.fte.Discrete: is not a kind of issue utilities "
                + "Accord reads; expected DiscreteValueSetUtilities, NumberValueSetUtilities, discreteutils or "
                + "numberutils."
        ),
        (
            "{\"SumOfGroupsUtilitySpace\": {\"name\": \"x\"}}",
            "jobs1.json: a GeniusWeb SumOfGroupsUtilitySpace profile; Accord reads only LinearAdditiveUtilitySpace "
                + "profiles."
        ),
        (
            "[1, 2]",
            "jobs1.json: not a GeniusWeb profile: the file holds an array, not an object."
        ),
        (
            GeniusWebFixtures.jobsDomain,
            "jobs1.json: a GeniusWeb domain, given where a profile was expected."
        ),
    ]

    @Test("Malformed input is refused with one sentence naming the file and the JSON path", arguments: Self.badProfiles)
    func badProfile(_ profile: String, _ message: String) {
        #expect(importError(profile: profile)?.description == message)
    }

    @Test("Weights within 10⁻⁶ of 1 are used as written, with a note")
    func weightsNearlyOne() throws {
        let profile = Fixtures.jobsProfile.replacingOccurrences(of: "\"fte\": 0.32", with: "\"fte\": 0.3200001")
        let scenario = try Fixtures.jobs(profile)
        #expect(scenario.notes.contains { $0.contains("sum to 1.0000001, not exactly 1") })
        let additive = try #require(scenario.parties[0].utility as? LinearAdditiveUtility)
        #expect(additive.weights[3] == 0.3200001)
    }

    static let badDomains: [(String, String)] = [
        (
            #"{"name": "d", "issuesValues": {"x": {"range": {"low": 1, "high": 3, "step": 0}}}}"#,
            "jobs.json: issuesValues.x.range: has step 0; a range's step must be positive."
        ),
        (
            #"{"name": "d", "issuesValues": {"x": {"range": [3, 1, 1]}}}"#,
            "jobs.json: issuesValues.x.range: has low 3 above high 1."
        ),
        (
            #"{"name": "d", "issuesValues": {"x": {"range": [0, 1]}}}"#,
            "jobs.json: issuesValues.x.range: has 2 number(s); a range is [low, high, step]."
        ),
        (
            #"{"name": "d", "issuesValues": {"x": {"values": ["a", "a"]}}}"#,
            "jobs.json: issuesValues.x.values[1]: repeats the value \"a\"; values must be distinct."
        ),
        (
            #"{"name": "d", "issuesValues": {"x": {"values": [1, 2]}}}"#,
            "jobs.json: issuesValues.x.values[0]: is a number; expected a string."
        ),
        (
            #"{"name": "d", "issuesValues": {}}"#,
            "jobs.json: issuesValues: is empty; a domain needs at least one issue."
        ),
        (
            #"{"name": "d", "issuesValues": {"x": {"range": [0, 10000000, 1]}}}"#,
            "jobs.json: issuesValues.x.range: holds more than 1000000 values, the most an issue may have; choose a "
                + "coarser step."
        ),
    ]

    @Test("Bad domains and mismatched profiles are refused with the path at fault", arguments: Self.badDomains)
    func badDomain(_ domain: String, _ message: String) {
        #expect(importError(domain: domain, profile: Fixtures.jobsProfile)?.description == message)
    }

    @Test("A profile's embedded domain must have the domain file's issues and values")
    func embeddedDomainMismatch() {
        let domain = Fixtures.jobsDomain.replacingOccurrences(
            of: "\"low\", \"medium\", \"high\"", with: "\"low\", \"high\"")
        #expect(
            importError(domain: domain, profile: Fixtures.jobsProfile)?.description
                == "jobs1.json: LinearAdditiveUtilitySpace.domain: does not match the domain of jobs.json: the values "
                + "of issue \"career development opportunities\" differ.")
    }

    static let badNumberCases: [(String, String, String)] = [
        (
            #""lowValue": 0, "lowUtility": 0, "highValue": 3, "highUtility": 1"#,
            #""lowValue": 1, "lowUtility": 0, "highValue": 3, "highUtility": 1"#,
            "worker.json: LinearAdditiveUtilitySpace.issueUtilities.hours.numberutils: spans 1…3 but the issue's "
                + "range is 0…3; GeniusWeb requires lowValue and highValue to be the range's bounds."
        ),
        (
            #""lowValue": 0, "lowUtility": 0, "highValue": 3, "highUtility": 1"#,
            #""lowValue": 0, "lowUtility": 0, "highValue": 3, "highUtility": 2"#,
            "worker.json: LinearAdditiveUtilitySpace.issueUtilities.hours.numberutils.highUtility: 2 is outside "
                + "[0, 1]; GeniusWeb requires utilities in [0, 1]."
        ),
        (
            #""place": {"discreteutils""#,
            #""place": {"numberutils""#,
            "worker.json: LinearAdditiveUtilitySpace.issueUtilities.place.numberutils: values a number range, but "
                + "\"place\" is a discrete issue."
        ),
        (
            #""hours": 1, "rate": 12.5"#,
            #""hours": 1.5, "rate": 12.5"#,
            "worker.json: LinearAdditiveUtilitySpace.reservationBid.issuevalues.hours: 1.5 is not a value of the "
                + "range of issue \"hours\" (0 to 3 in steps of 1)."
        ),
    ]

    @Test("Number utilities must span the range and stay in [0, 1]", arguments: Self.badNumberCases)
    func badNumberUtilities(_ original: String, _ replacement: String, _ message: String) {
        let profile = Fixtures.rangesProfile.replacingOccurrences(of: original, with: replacement)
        #expect(profile != Fixtures.rangesProfile)
        #expect(
            importError(domain: Fixtures.rangesDomain, profile: profile, file: "worker.json")?.description == message)
    }

    @Test("The document kind tells Accord JSON from GeniusWeb domains and profiles")
    func documentKinds() {
        #expect(GeniusWebImporter.kind(of: Array(#"{"accord": 1, "name": "x"}"#.utf8)) == .accordScenario)
        #expect(GeniusWebImporter.kind(of: Array(Fixtures.jobsDomain.utf8)) == .geniusWebDomain)
        #expect(GeniusWebImporter.kind(of: Array(Fixtures.jobsProfile.utf8)) == .geniusWebProfile)
        #expect(GeniusWebImporter.kind(of: Array(#"{"DefaultPartialOrdering": {}}"#.utf8)) == .geniusWebProfile)
        #expect(GeniusWebImporter.kind(of: Array(#"{"x": 1}"#.utf8)) == .unknown)
        #expect(GeniusWebImporter.kind(of: Array("<xml/>".utf8)) == .unknown)
        #expect(GeniusWebImporter.looksLikeJSON(Array("\u{FEFF} \n {".utf8)))
        #expect(!GeniusWebImporter.looksLikeJSON(Array("<?xml?>".utf8)))
    }

    // MARK: Files and folders

    @Test("A folder of GeniusWeb files imports, also through GeniusImporter, as --domain files do")
    func folder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-gw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.rangesDomain.write(
            to: folder.appendingPathComponent("ranges.json"), atomically: true, encoding: .utf8)
        try Fixtures.rangesProfile.write(
            to: folder.appendingPathComponent("worker.json"), atomically: true, encoding: .utf8)
        try Fixtures.rangesBoss.write(to: folder.appendingPathComponent("boss.json"), atomically: true, encoding: .utf8)

        let fromFolder = try GeniusWebImporter.scenario(folderPath: folder.path)
        #expect(fromFolder.parties.map(\.id) == ["boss", "worker"])
        #expect(GeniusWebImporter.isGeniusWebFolder(folder.path))
        let throughGenius = try GeniusImporter.scenario(folderPath: folder.path)
        #expect(throughGenius.parties.map(\.id) == ["boss", "worker"])
        let files = try GeniusImporter.scenario(
            domainPath: folder.appendingPathComponent("ranges.json").path,
            profilePaths: [folder.appendingPathComponent("worker.json").path])
        #expect(files.parties.map(\.id) == ["worker"])
        #expect(files.parties[0].reservation == fromFolder.parties[1].reservation)

        do {
            _ = try GeniusImporter.scenario(
                domainPath: folder.appendingPathComponent("worker.json").path,
                profilePaths: [folder.appendingPathComponent("boss.json").path])
            Testing.Issue.record("a profile given as the domain was accepted")
        } catch {
            #expect(error.description.hasSuffix("worker.json: a GeniusWeb profile, given where a domain was expected."))
        }
        do {
            _ = try GeniusWebImporter.scenario(
                domainPath: folder.appendingPathComponent("none.json").path, profilePaths: [])
            Testing.Issue.record("a missing file was accepted")
        } catch {
            #expect(error.description.hasSuffix("none.json: cannot read the file: no such file."))
        }
    }
}
