import AccordCore
import AccordFormats
import Foundation

/// The report on a bilateral scenario analysed from its rectangle frontier (``RectangleFrontierAnalysis``): the
/// frontier, how many of its outcomes both parties accept, and the bargaining solutions. Text and Markdown give
/// the computation's time; JSON leaves it out, so it stays reproducible; HTML is the text on a page.
public struct RectangleFrontierReport: Sendable {
    /// The analysis reported on.
    public var analysis: RectangleFrontierAnalysis

    /// Creates the report.
    public init(_ analysis: RectangleFrontierAnalysis) {
        self.analysis = analysis
    }

    /// The report in `format`.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .json: json().serialized() + "\n"
        case .markdown: markdown()
        case .text: text()
        case .html: HTMLPage.preformatted(title: scenario.name, text: text())
        }
    }

    private var scenario: Scenario { analysis.scenario }
    private var frontier: RectangleFrontier { analysis.frontier }
    private var names: [String] { scenario.parties.map(\.id) }
    private var reservations: [Double] { scenario.parties.map(\.reservation) }

    /// The solutions in report order: label, JSON key, the point.
    private var solutions: [(label: String, key: String, point: ScoredOutcome?)] {
        let s = analysis.solutions
        return [
            ("Nash point (in the zone)", "nash", s.nash),
            ("Utilitarian point (in the zone)", "utilitarian", s.utilitarian),
            ("Kalai–Smorodinsky point (in the zone)", "kalaiSmorodinsky", s.kalaiSmorodinsky),
            ("Egalitarian point (in the zone)", "egalitarian", s.egalitarian),
            ("GENIUS-style Kalai–Smorodinsky point (whole frontier)", "geniusKalai", s.geniusKalaiSmorodinsky),
        ]
    }
}

extension RectangleFrontierReport {
    func json() -> JSONValue {
        let scored = { (outcome: ScoredOutcome) -> JSONValue in
            .object([
                ("utilities", .array(outcome.utilities.map(JSONValue.number))),
                (
                    "outcome",
                    .object(scenario.space.labels(of: outcome.outcome).map { ($0.issue, JSONValue.string($0.level)) })
                ),
            ])
        }
        var fields: [(String, JSONValue)] = [
            ("scenario", .string(scenario.name)), ("method", .string("rectangle-frontier")),
            ("parties", .array(names.map(JSONValue.string))),
            ("reservations", .array(reservations.map(JSONValue.number))),
            ("outcomeCount", scenario.space.count.map(JSONValue.int) ?? .string(exactCount(scenario.space.radices))),
            ("exhaustive", .bool(frontier.isExhaustive)), ("regions", .int(frontier.regionCount)),
            ("conflicts", .int(frontier.conflictCount)), ("subproblems", .int(frontier.subproblemCount)),
            ("frontier", .array(frontier.outcomes.map(scored))),
            ("frontierInZone", .int(analysis.frontierInZone.count)),
        ]
        fields += solutions.map { ($0.key, $0.point.map(scored) ?? .null) }
        fields.append(("notes", .array(scenario.notes.map(JSONValue.string))))
        return .object(fields)
    }

    func markdown() -> String {
        var lines = [
            "# \(scenario.name)", "", "\(method) Found in \(seconds) s. \(guarantee)", "",
            "## \(frontierHeading)", "", "| \(names[0]) | \(names[1]) | outcome |", "|---:|---:|---|",
        ]
        for outcome in frontier.outcomes {
            lines.append(
                "| " + outcome.utilities.map { String(format: "%.4f", $0) }.joined(separator: " | ") + " | "
                    + scenario.space.describe(outcome.outcome) + " |")
        }
        lines += ["", "- \(zoneLine)"] + solutions.map { "- \($0.label): \(describe($0.point))" }
        if !scenario.notes.isEmpty { lines += ["", "## Notes", ""] + scenario.notes.map { "- \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    func text() -> String {
        var lines = [
            scenario.name, String(repeating: "═", count: scenario.name.count), "",
            "2 parties, \(scenario.issues.count) issues, \(formatOutcomes(scenario.space.approximateCount)) possible "
                + "packages.", "", method + " Found in \(seconds) s.", guarantee, "",
            frontierHeading, String(repeating: "─", count: frontierHeading.count), "",
        ]
        lines += frontierTable()
        lines += ["", "\(zoneLine)."] + solutions.map { "\($0.label): \(describe($0.point))." }
        if !scenario.notes.isEmpty { lines += ["", "Notes", "─────", ""] + scenario.notes.map { "  • \($0)" } }
        return lines.joined(separator: "\n") + "\n"
    }

    private func frontierTable() -> [String] {
        let width = max(names[0].count, names[1].count, 6)
        var lines = [
            "  " + names.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  outcome"
        ]
        for outcome in frontier.outcomes {
            let cells = outcome.utilities.map {
                let text = String(format: "%.4f", $0)
                return String(repeating: " ", count: max(0, width - text.count)) + text
            }
            lines.append("  " + cells.joined(separator: "  ") + "  " + scenario.space.describe(outcome.outcome))
        }
        return lines
    }

    private var frontierHeading: String {
        "Pareto frontier (\(frontier.outcomes.count) outcomes, best for \(names[0]) first)"
    }

    private var zoneLine: String {
        "Frontier outcomes acceptable to both (reservations \(formatList(reservations))): "
            + "\(analysis.frontierInZone.count)"
    }

    private var method: String {
        "The utilities are GENIUS hyper-rectangle utilities over \(formatOutcomes(scenario.space.approximateCount)) "
            + "outcomes, too many to list, so this is the Pareto frontier found from the rectangles: "
            + "\(frontier.regionCount) regions, \(frontier.conflictCount) conflicting pairs, "
            + "\(frontier.subproblemCount) sub-problems."
    }

    private var guarantee: String {
        frontier.isExhaustive
            ? "The search was exhaustive: every outcome of the space is weakly dominated by a listed one."
            : "The search was not exhaustive (a greedy search over weightings): outcomes better than those listed may exist."
    }

    private var seconds: String {
        let elapsed = frontier.elapsed.components
        return String(format: "%.3f", Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
    }

    private func describe(_ outcome: ScoredOutcome?) -> String {
        guard let outcome else { return "none" }
        return outcome.utilities.map { String(format: "%.4f", $0) }.joined(separator: ", ") + " at "
            + scenario.space.describe(outcome.outcome)
    }

    private func formatOutcomes(_ count: Double) -> String {
        count < 1e15 || !count.isFinite ? formatCount(count) : "about 10^\(Int(log10(count).rounded()))"
    }

    private func formatList(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: " and ")
    }

    /// The product of the radices in decimal digits, for counts beyond `Int`.
    private func exactCount(_ radices: [Int]) -> String {
        var digits = [1]  // least significant first
        for radix in radices {
            var carry = 0
            for index in digits.indices {
                let product = digits[index] * radix + carry
                digits[index] = product % 10
                carry = product / 10
            }
            while carry > 0 {
                digits.append(carry % 10)
                carry /= 10
            }
        }
        return digits.reversed().map(String.init).joined()
    }
}
