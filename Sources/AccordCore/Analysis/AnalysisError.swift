/// Why an analysis could not be carried out.
public enum AnalysisError: AccordError, Sendable, Equatable {
    /// The space (after pruning) holds more outcomes than the enumeration limit allows.
    case spaceTooLarge(outcomes: Double, afterPruning: Double, limit: Int)
    /// A party's utility is not additive, which this computation requires; or, when `outcomes` and `limit` are
    /// given, the analysis would list every outcome (``Scenario/denseOutcomeLimit``) but the space has more than
    /// `limit`.
    case nonAdditiveUtility(party: String, outcomes: Double? = nil, limit: Int? = nil)
    /// The red lines have more conditions than the engine's bit masks hold.
    case tooManyRedLineConditions(Int)
    /// The issues have so many levels that their utility tables alone would not fit.
    case tooManyLevels(levels: Int, limit: Int)
    /// A Monte Carlo sample count outside 1…limit.
    case invalidSampleCount(Int, limit: Int)
    /// The selection leaves an issue with no level at all.
    case emptySelection(issue: String)
    /// A step of the frontier construction of an analysis without enumeration would hold more partial outcomes than
    /// its limit (``Scenario/frontierCandidateLimit``), which `--max-outcomes` does not change; `candidates` is the
    /// size of the step's partial outcomes completed by every remaining issue, as for `spaceTooLarge`.
    case frontierTooLarge(outcomes: Double, candidates: Double, limit: Int)
    /// Counting the zone of a space analysed without enumeration would list more partial outcomes of one half of the
    /// issues than ``Scenario/zoneCountHalfLimit``, which `--max-outcomes` does not change.
    case halfTooLarge(outcomes: Double, half: Double, limit: Int)
    /// The zone of a space analysed without enumeration has more packages than a zone export writes
    /// (``ScenarioAnalysis/zoneExportLimit``).
    case zoneTooLargeToExport(packages: Int, limit: Int)
    /// The caller asked the computation to stop (``AcceptanceProgress/isCancelled``).
    case cancelled
    /// Counts of Monte Carlo slices that do not make up one analysis: the sentence says what does not fit.
    case slicesDoNotFit(String)

    public var description: String {
        switch self {
        case .spaceTooLarge(let outcomes, let afterPruning, let limit):
            let pruned =
                afterPruning < outcomes
                ? " (still \(formatCount(afterPruning)) after removing options dominated on their issue)" : ""
            return "the outcome space has \(formatCount(outcomes)) outcomes\(pruned), more than the enumeration "
                + "limit of \(formatCount(Double(limit))); raise --max-outcomes, give numeric issues a coarser "
                + "step, or analyse fewer issues"
        case .nonAdditiveUtility(let party, let outcomes?, let limit?):
            return "party '\(party)' has a utility that is not additive, so the analysis lists every outcome, which it "
                + "does on spaces of at most \(formatCount(Double(limit))) outcomes; this one has "
                + "\(formatCount(outcomes)); analyse fewer issues or give numeric issues a coarser step"
        case .nonAdditiveUtility(let party, _, _):
            return "party '\(party)' has a utility that is not additive, which this analysis does not support yet"
        case .tooManyRedLineConditions(let limit):
            return "the parties' red lines have more than \(limit) conditions in all, the most the engine supports"
        case .tooManyLevels(let levels, let limit):
            return
                "the issues have \(formatCount(Double(levels))) levels in all across the parties' utility tables, more "
                + "than the \(formatCount(Double(limit))) the engine holds; give numeric issues a coarser step"
        case .invalidSampleCount(let count, let limit):
            return "the sample count must be between 1 and \(formatCount(Double(limit))), found \(count)"
        case .emptySelection(let issue):
            return "no option of issue '\(issue)' is available, so no outcome exists"
        case .frontierTooLarge(let outcomes, _, let limit):
            return "the outcome space has \(formatCount(outcomes)) outcomes and a step of its Pareto frontier's "
                + "construction needs more than the frontier limit of \(formatCount(Double(limit))) partial outcomes "
                + "(fixed; --max-outcomes does not change it); analyse fewer issues or give numeric issues a coarser step"
        case .halfTooLarge(let outcomes, let half, let limit):
            return "the outcome space has \(formatCount(outcomes)) outcomes; counting its agreement zone without "
                + "enumeration lists \(formatCount(half)) partial outcomes of one half of its issues, more than the limit "
                + "of \(formatCount(Double(limit))) (fixed; --max-outcomes does not change it); analyse fewer issues or "
                + "give numeric issues a coarser step"
        case .zoneTooLargeToExport(let packages, let limit):
            return "the agreement zone has \(formatCount(Double(packages))) packages, more than the "
                + "\(formatCount(Double(limit))) that --export-zone writes (a fixed limit); export the frontier instead, "
                + "or restrict the issues"
        case .cancelled:
            return "the analysis was cancelled"
        case .slicesDoNotFit(let reason):
            return "the shards' counts do not make up one analysis: \(reason)"
        }
    }

    public var exitStatus: ExitStatus { self == .cancelled ? .interrupted : .badInput }
}

/// Writes a count with thousands separators, or in scientific form when it is astronomically large.
///
/// Total: a negative number keeps its sign (`-1,000`, `about -10^20`), NaN prints as `not a number` and the
/// infinities as `more than 10^308` and `less than -10^308`; no value reaches an `Int` conversion out of range.
package func formatCount(_ value: Double) -> String {
    guard !value.isNaN else { return "not a number" }
    guard value >= 0 else {
        guard value > -.infinity else { return "less than -10^308" }
        let magnitude = formatCount(-value)
        return magnitude.hasPrefix("about ") ? "about -" + magnitude.dropFirst(6) : "-" + magnitude
    }
    guard value.isFinite else { return "more than 10^308" }
    guard value < 1e18 else {
        let exponent = Int(value.exponentOf10)
        return "about 10^\(exponent)"
    }
    let digits = String(Int(value))
    var result = ""
    for (offset, character) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(character)
    }
    return result
}

extension Double {
    fileprivate var exponentOf10: Double {
        var exponent = 0.0
        var rest = self
        while rest >= 10 {
            rest /= 10
            exponent += 1
        }
        return exponent
    }
}
