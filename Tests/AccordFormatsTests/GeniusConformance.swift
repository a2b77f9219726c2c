import AccordCore
import AccordFormats
import Foundation
import Testing

/// Where the GENIUS conformance data lives (`../shared/conformance/genius` beside the package), and its expected
/// values. The data is read in place, never copied into the repository.
enum GeniusConformance {
    /// The conformance folder: `<package root>/../shared/conformance/genius`.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AccordFormatsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/conformance/genius").standardizedFileURL

    /// The GENIUS files as they ship.
    static let templates = folder.appendingPathComponent("templates")

    /// Whether the conformance data is present.
    static let isAvailable = FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("expected-bilateral.json").path)

    static let bilateral: [BilateralExpectation] = load("expected-bilateral.json")
    static let multilateral: [MultilateralExpectation] = load("expected-multilateral.json")

    private static func load<T: Decodable>(_ name: String) -> [T] {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)) else { return [] }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode([T].self, from: data)
        } catch {
            print("GENIUS conformance: cannot decode \(name): \(error)")
            return []
        }
    }

    /// A path under `templates/`.
    static func template(_ relative: String) -> String {
        templates.appendingPathComponent(relative).path
    }
}

/// One row of `expected-bilateral.json`. Utilities are rounded to 4 decimals.
struct BilateralExpectation: Decodable, Sendable, CustomTestStringConvertible {
    /// The domain file, relative to `templates/`; the profiles sit in the same folder.
    var domain: String
    var profiles: [String]
    var nOutcomes: Int
    /// The files' reservation and discount values (`nil`: the file gives none).
    var rv: [Double?]
    var df: [Double?]
    var paretoBids: Int
    var paretoBidsNaiveFloat: Int
    var nashRv0: [Double]
    var zoneCount: Int
    var nashZone: [Double]?
    var ksZone: [Double]?
    var utilitarianZone: [Double]?
    var egalitarianZone: [Double]?
    var ksGenius: [Double]
    var maxSw: [Double]
    var sw: Double
    var opposition: Double
    var distribution: Double

    var domainPath: String { GeniusConformance.template(domain) }
    var profilePaths: [String] {
        let folder = (domain as NSString).deletingLastPathComponent
        return profiles.map { GeniusConformance.template(folder + "/" + $0) }
    }
    var testDescription: String { "\(domain) [\(profiles.joined(separator: ", "))]" }
}

/// One row of `expected-multilateral.json` (three parties).
struct MultilateralExpectation: Decodable, Sendable, CustomTestStringConvertible {
    /// The folder, relative to `templates/`.
    var domain: String
    var domainFile: String
    var profiles: [String]
    var nOutcomes: Int
    var rv: [Double?]
    var df: [Double?]
    var paretoBids: Int
    var nashRv0: [Double]
    var nashProduct: Double
    var maxSw: [Double]
    var sw: Double

    var domainPath: String { GeniusConformance.template(domain + "/" + domainFile) }
    var profilePaths: [String] { profiles.map { GeniusConformance.template(domain + "/" + $0) } }
    var testDescription: String { domain }
}

/// Expects two utility vectors to agree to 4 decimals (within half a unit of the 4th decimal).
func expectFourDecimals(
    _ actual: [Double]?, _ expected: [Double]?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let expected else {
        #expect(actual == nil, "\(what): expected none, got \(actual ?? [])", sourceLocation: sourceLocation)
        return
    }
    guard let actual else {
        Testing.Issue.record("\(what): expected \(expected), got none", sourceLocation: sourceLocation)
        return
    }
    let close =
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= 0.5e-4 + 1e-12 }
    #expect(close, "\(what): expected \(expected), got \(actual.map(rounded4))", sourceLocation: sourceLocation)
}

func rounded4(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

extension Scenario {
    /// Whether some party's utility is not additive (GENIUS's cap at 1 binds).
    var hasNonAdditiveUtility: Bool {
        parties.contains { $0.utility.contributionTable(in: space) == nil }
    }
}

/// A brute-force reference over every outcome, for the few small GENIUS scenarios whose utilities are capped (not
/// additive): it checks the frontier of the analysis, which lists every outcome for them, pair by pair.
struct BruteForceReference {
    /// utilities[outcome index][party]
    let utilities: [[Double]]

    init(_ scenario: Scenario) {
        let count = scenario.space.count ?? 0
        utilities = (0..<count).map { scenario.utilities(of: scenario.space.outcome(at: $0)) }
    }

    /// The frontier: outcomes no other outcome ε-dominates (ε = 1e-9, ties kept).
    var frontier: [Int] {
        func dominates(_ y: [Double], _ x: [Double]) -> Bool {
            zip(y, x).allSatisfy { $0 >= $1 - 1e-9 } && zip(y, x).contains { $0 > $1 + 1e-9 }
        }
        return utilities.indices.filter { x in !utilities.contains { dominates($0, utilities[x]) } }
    }

    /// The first outcome maximising a score over some outcomes.
    func argmax(_ candidates: [Int], _ score: ([Double]) -> Double) -> Int? {
        var best: (index: Int, value: Double)?
        for index in candidates where best == nil || score(utilities[index]) > best!.value {
            best = (index, score(utilities[index]))
        }
        return best?.index
    }

    /// GENIUS's Kalai–Smorodinsky point: the frontier outcome minimising Σ_{i<j} |u_i − u_j|.
    var geniusKalaiSmorodinsky: Int? {
        argmax(frontier) { u in
            var spread = 0.0
            for i in u.indices { for j in u.indices where j > i { spread += abs(u[i] - u[j]) } }
            return -spread
        }
    }
}
