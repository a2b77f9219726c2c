import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// Hostile GENIUS numbers and nesting (issue #15): each is refused at import with one sentence naming the file,
/// the element and the value (cut when long), and fast.
@Suite struct GeniusLimitsTests {
    private typealias Fixtures = GeniusFixtures

    /// The sentence importing ``GeniusFixtures/pairProfile`` with one element replaced gives, and how long it took.
    private func refusal(replacing original: String, with replacement: String) -> (sentence: String?, seconds: Double) {
        let profile = Fixtures.pairProfile(replacing: original, with: replacement)
        let start = Date()
        do {
            _ = try GeniusImporter.scenario(
                domain: Fixtures.document("domain.xml", Fixtures.pairDomain),
                profiles: [Fixtures.document("profile.xml", profile)])
            return (nil, Date().timeIntervalSince(start))
        } catch {
            return (error.sentence, Date().timeIntervalSince(start))
        }
    }

    @Test(arguments: ["1e8", "100000000", "4294967296", "18446744073709551616", "-1e8", "-0.5", "1.0000001"])
    func aReservationOutsideZeroToOneIsRefused(_ value: String) throws {
        let result = refusal(
            replacing: "</objective>", with: "</objective>\n<reservation value=\"\(value)\"/>")
        let sentence = try #require(result.sentence)
        #expect(
            sentence
                == "profile.xml:16: <reservation value=\"\(value)\">: has value=\"\(value)\", which is outside "
                + "[0, 1]; a reservation value is a utility, from 0 to 1.")
        #expect(result.seconds < 1)
    }

    @Test func reservationsAtTheEndsOfTheRangeAreKept() throws {
        for value in ["0", "1", "1.0"] {
            let profile = Fixtures.pairProfile(
                replacing: "</objective>", with: "</objective>\n<reservation value=\"\(value)\"/>")
            let scenario = try GeniusImporter.scenario(
                domain: Fixtures.document("domain.xml", Fixtures.pairDomain),
                profiles: [Fixtures.document("profile.xml", profile)])
            #expect(scenario.parties[0].reservation == Double(value))
        }
    }

    @Test(arguments: ["-1e308", "-2147483649", "-1e6", "-0.1"])
    func aNegativeWeightIsRefused(_ value: String) throws {
        let result = refusal(
            replacing: #"<weight index="2" value="0.7"/>"#, with: "<weight index=\"2\" value=\"\(value)\"/>")
        let sentence = try #require(result.sentence)
        #expect(
            sentence
                == "profile.xml:12: <weight index=\"2\" value=\"\(value)\">: has value=\"\(value)\", which is "
                + "negative; GENIUS weights and evaluations are 0 or more.")
        #expect(result.seconds < 1)
    }

    @Test func aNegativeEvaluationIsRefused() throws {
        let result = refusal(
            replacing: #"<item index="1" value="red" evaluation="3"/>"#,
            with: #"<item index="1" value="red" evaluation="-1e308"/>"#)
        let sentence = try #require(result.sentence)
        #expect(
            sentence
                == "profile.xml:4: <item index=\"1\" value=\"red\">: has evaluation=\"-1e308\", which is negative; "
                + "GENIUS weights and evaluations are 0 or more.")
    }

    @Test func aLongValueIsCutInTheSentence() throws {
        let value = "-" + String(repeating: "9", count: 20_000)
        let result = refusal(
            replacing: #"<weight index="2" value="0.7"/>"#, with: "<weight index=\"2\" value=\"\(value)\"/>")
        let sentence = try #require(result.sentence)
        let shown = String(value.prefix(39)) + "…"
        #expect(sentence.count < 250, "\(sentence)")
        #expect(sentence.contains("value=\"\(shown)\""))
        #expect(!sentence.contains(String(repeating: "9", count: 40)))
    }

    @Test func nestingDeeperThanTheLimitIsRefusedWithTheLine() throws {
        let text = String(repeating: "<a>", count: 100_000)
        let start = Date()
        #expect(throws: GeniusImportError.self) { try GeniusXMLReader.parse(Array(text.utf8), file: "deep.xml") }
        do {
            _ = try GeniusXMLReader.parse(Array(text.utf8), file: "deep.xml")
        } catch {
            #expect(
                error.sentence
                    == "deep.xml:1: not readable as XML: elements nest more than 1000 deep (GENIUS files nest a few "
                    + "levels).")
        }
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let depth = GeniusXMLReader.maximumDepth
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        var element = try GeniusXMLReader.parse(Array(text.utf8), file: "deep.xml")
        var levels = 1
        while let child = element.children.first {
            element = child
            levels += 1
        }
        #expect(levels == depth)
    }

    @Test(arguments: ["-", ""])
    func aLongGeniusWebNumberIsCutInTheSentence(_ sign: String) throws {
        // A 20,000-digit weight: negative, or far outside [0, 1] as a utility.
        let digits = sign + String(repeating: "9", count: 20_000)
        let profile =
            sign.isEmpty
            ? GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"4000\": 1,", with: "\"4000\": \(digits),")
            : GeniusWebFixtures.jobsProfile.replacingOccurrences(of: "\"fte\": 0.32", with: "\"fte\": \(digits)")
        #expect(profile.contains(digits))
        do {
            _ = try GeniusWebImporter.scenario(
                domain: GeniusWebFixtures.document("jobs.json", GeniusWebFixtures.jobsDomain),
                profiles: [GeniusWebFixtures.document("jobs1.json", profile)])
            Testing.Issue.record("imported a 20,000-digit number")
        } catch {
            #expect(error.sentence.count < 250, "\(error.sentence.count) characters")
            #expect(error.sentence.contains(String(digits.prefix(39)) + "…"), "\(error.sentence)")
        }
    }
}
