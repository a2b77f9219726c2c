import AccordCore
import AccordFormats
import AccordReport
import Foundation
import Synchronization
import Testing

/// Analyses of bundled scenarios with default options, computed once per test run.
private let analysedCache = Mutex<[String: (Scenario, ScenarioAnalysis)]>([:])

/// A bundled scenario and its analysis.
struct Analysed {
    let scenario: Scenario
    let analysis: ScenarioAnalysis

    init(_ name: String, options: AnalysisOptions = AnalysisOptions()) throws {
        let isDefault = options == AnalysisOptions()
        if isDefault, let cached = analysedCache.withLock({ $0[name] }) {
            (scenario, analysis) = cached
            return
        }
        scenario = try ScenarioLoader.bundled(name)
        analysis = try scenario.analyze(options: options)
        if isDefault { analysedCache.withLock { [scenario, analysis] in $0[name] = (scenario, analysis) } }
    }

    var report: AnalysisReport { AnalysisReport(analysis) }
    var partyIDs: [String] { scenario.parties.map(\.id) }
    var issueIDs: [String] { scenario.issues.map(\.id) }
}

/// Parses JSON text with Foundation's parser, requiring a top-level object.
func parseObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    return try #require(value as? [String: Any], "not a JSON object", sourceLocation: sourceLocation)
}

/// A member that must be a JSON object.
func object(_ value: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
    try #require(
        value as? [String: Any], "\(what) is not an object: \(String(describing: value))",
        sourceLocation: sourceLocation)
}

/// A member that must be a JSON array.
func array(_ value: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Any] {
    try #require(
        value as? [Any], "\(what) is not an array: \(String(describing: value))", sourceLocation: sourceLocation)
}

/// A member that must be a JSON number.
func number(_ value: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
    let number = try #require(
        value as? NSNumber, "\(what) is not a number: \(String(describing: value))", sourceLocation: sourceLocation)
    return number.doubleValue
}

/// Whether a JSON member is `null`.
func isNull(_ value: Any?) -> Bool {
    value is NSNull
}

/// Whether two doubles agree to within an absolute tolerance.
func isClose(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance
}
