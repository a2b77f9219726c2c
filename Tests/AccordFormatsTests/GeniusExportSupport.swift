import AccordCore
import AccordFormats
import Foundation
import Testing

/// Reading back what the exporters write, and comparing scenarios outcome by outcome.
enum RoundTrip {
    /// The scenario of exported GENIUS files: the first file is the domain, the others the profiles.
    static func genius(_ export: ScenarioExport) throws -> Scenario {
        let documents = export.files.map { GeniusDocument(file: $0.name, text: $0.text) }
        return try GeniusImporter.scenario(domain: documents[0], profiles: Array(documents.dropFirst()))
    }

    /// The scenario of exported GeniusWeb files: the first file is the domain, the others the profiles.
    static func geniusWeb(_ export: ScenarioExport) throws -> Scenario {
        let documents = export.files.map { GeniusWebDocument(file: $0.name, text: $0.text) }
        return try GeniusWebImporter.scenario(domain: documents[0], profiles: Array(documents.dropFirst()))
    }

    /// The scenario of an exported Accord file.
    static func accord(_ export: ScenarioExport) throws -> Scenario {
        try ScenarioLoader.parse(export.files[0].text, file: export.files[0].name)
    }
}

/// Checks that two scenarios have the same outcome space size and parties, the same reservation values and discount
/// factors, and the same utility for every party and outcome: exactly (`tolerance` 0) or within `tolerance`.
/// Returns the largest difference found.
@discardableResult
func expectSameUtilities(
    _ original: Scenario, _ copy: Scenario, tolerance: Double = 0, sourceLocation: SourceLocation = #_sourceLocation
) -> Double {
    #expect(copy.space.radices == original.space.radices, "levels per issue", sourceLocation: sourceLocation)
    #expect(copy.parties.count == original.parties.count, "party count", sourceLocation: sourceLocation)
    guard copy.space.radices == original.space.radices, copy.parties.count == original.parties.count,
        let count = original.space.count
    else { return .infinity }
    var largest = 0.0
    for (a, b) in zip(original.parties, copy.parties) {
        #expect(
            abs(a.reservation - b.reservation) <= tolerance, "reservation of \(a.id)", sourceLocation: sourceLocation)
        #expect(a.discount == b.discount, "discount of \(a.id)", sourceLocation: sourceLocation)
    }
    for index in 0..<count {
        let outcome = original.space.outcome(at: index)
        for (a, b) in zip(original.utilities(of: outcome), copy.utilities(of: outcome)) {
            largest = max(largest, abs(a - b))
        }
    }
    #expect(largest <= tolerance, "largest utility difference \(largest)", sourceLocation: sourceLocation)
    return largest
}

/// A scenario built in code, for what files cannot easily say.
func codedScenario(
    issues: [AccordCore.Issue], utilities: [any UtilityFunction], reservations: [Double]? = nil, name: String = "coded"
) -> Scenario {
    Scenario(
        name: name, issues: issues,
        parties: utilities.enumerated().map { index, utility in
            Party(id: "p\(index + 1)", utility: utility, reservation: reservations?[index] ?? 0)
        })
}
