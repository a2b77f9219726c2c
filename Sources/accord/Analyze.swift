import AccordKit
import ArgumentParser
import Foundation

/// `accord analyze`: the exact analysis of a scenario.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find the agreement zone, the Pareto frontier, the bargaining solutions, who blocks, and the gaps.")

    @OptionGroup var input: ScenarioArgument

    @Option(help: "Output format: text, json, markdown or html (one self-contained page with SVG charts).")
    var format: ReportFormat = .text

    @Option(
        help: ArgumentHelp(
            "The two parties of the HTML utility-space chart, as x,y party ids (default: the pair with the largest total position gap).",
            valueName: "x,y"))
    var plot: String?

    @Option(help: "The most outcomes to enumerate before refusing.")
    var maxOutcomes: Int = AnalysisOptions().maxOutcomes

    @Option(
        help:
            "Analyse only these issues (comma-separated ids), as if the others were settled elsewhere; weights are renormalised over them."
    )
    var issues: String?

    @Flag(
        help: "Also report GENIUS's opposition and bid distribution (costs outcomes × frontier size distance checks)."
    )
    var parity = false

    @Option(
        help:
            "Analyse only the options still available in this round (options past their available_until round are removed)."
    )
    var round: Int?

    @Option(help: "Analyse only the options still available on this date (YYYY-MM-DD).")
    var date: String?

    @Option(
        help:
            "The most outcome checks to spend on diagnostics (coalitions, reservation thresholds) before leaving them out."
    )
    var diagnosticsLimit: Int = AnalysisOptions().diagnosticsWorkLimit

    @Option(
        help:
            "Monte Carlo draws of the scenario's uncertain numbers (default 10,000 when it has any; at most 10,000,000)."
    )
    var samples: Int?

    @Option(help: "The random seed of the Monte Carlo draws; the same seed gives the same result.")
    var seed: UInt64 = 1

    func validate() throws {
        guard maxOutcomes >= 1 else {
            throw ValidationError("--max-outcomes must be at least 1, found \(maxOutcomes).")
        }
        if let round, round < 1 { throw ValidationError("--round must be at least 1, found \(round).") }
        guard diagnosticsLimit >= 0 else {
            throw ValidationError("--diagnostics-limit must be at least 0, found \(diagnosticsLimit).")
        }
        if let samples, !(1...AcceptanceOptions.maximumSamples).contains(samples) {
            throw ValidationError("--samples must be between 1 and 10,000,000, found \(samples).")
        }
        if let date, !isISODate(date) {
            throw ValidationError("--date must be a date of the form YYYY-MM-DD, found '\(date)'.")
        }
        if let plot {
            guard format == .html else {
                throw ValidationError("--plot chooses the parties of the HTML chart; use it with --format html.")
            }
            _ = try plotIDs(plot)
        }
    }

    /// The two party ids of `--plot x,y`, distinct and non-empty.
    func plotIDs(_ text: String) throws -> (x: String, y: String) {
        let ids = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard ids.count == 2, !ids[0].isEmpty, !ids[1].isEmpty else {
            throw ValidationError(
                "--plot takes two party ids separated by a comma, such as us,russia; found '\(text)'.")
        }
        guard ids[0] != ids[1] else {
            throw ValidationError("--plot needs two different parties, found '\(ids[0])' twice.")
        }
        return (ids[0], ids[1])
    }

    /// The party indices of `--plot`, or `nil` for the default pair.
    func plotPair(in scenario: Scenario) throws -> (x: Int, y: Int)? {
        guard let plot else { return nil }
        let ids = try plotIDs(plot)
        let known = scenario.parties.map(\.id).joined(separator: ", ")
        guard let x = scenario.partyIndex(of: ids.x) else {
            throw RequestError("--plot: there is no party '\(ids.x)'; parties are: \(known).")
        }
        guard let y = scenario.partyIndex(of: ids.y) else {
            throw RequestError("--plot: there is no party '\(ids.y)'; parties are: \(known).")
        }
        return (x, y)
    }

    func run() async throws {
        var scenario = try input.load()
        if let issues { scenario = try scenario.restricted(toIssueList: issues) }
        let plotPair = try plotPair(in: scenario)
        let options = AnalysisOptions(
            maxOutcomes: maxOutcomes, round: round, date: date, diagnosticsWorkLimit: diagnosticsLimit)
        let analysis: ScenarioAnalysis
        do {
            analysis = try scenario.analyze(options: options)
        } catch {
            guard let report = try rectangleFrontierReport(of: scenario, after: error) else { throw error }
            emit(report)
            return
        }
        var acceptance: AcceptanceAnalysis?
        if scenario.hasUncertainty || samples != nil {
            let options = AcceptanceOptions(
                samples: samples ?? 10_000, seed: seed, parallelism: ProcessInfo.processInfo.activeProcessorCount,
                round: round, date: date)
            acceptance = try await scenario.acceptance(options: options)
        }
        let report = AnalysisReport(
            analysis, acceptance: acceptance, parity: parity ? try analysis.parityMetrics() : nil)
        emit(format == .html ? report.html(plot: plotPair) : report.render(format))
    }
}

extension Analyze {
    /// The report on a bilateral scenario with GENIUS hyper-rectangle utilities whose space is too large to list:
    /// the Pareto frontier found from the rectangles (``Scenario/rectangleFrontier(options:)``), and the bargaining
    /// points that lie on it. The run time is printed in text and Markdown, not in JSON (which stays reproducible).
    ///
    /// - Returns: `nil` when the analysis failed for another reason than hyper-rectangle utilities.
    func rectangleFrontierReport(of scenario: Scenario, after error: AnalysisError) throws -> String? {
        guard case .nonAdditiveUtility = error,
            scenario.parties.contains(where: { $0.utility is HyperRectangleUtility })
        else { return nil }
        guard scenario.parties.count == 2 else {
            throw RequestError(
                "\(error); with two parties, accord analyze would report their Pareto frontier found from the "
                    + "hyper-rectangles instead, but this scenario has \(scenario.parties.count).")
        }
        guard format != .html else {
            throw RequestError(
                "--format html is not available for hyper-rectangle scenarios too large to list; use text, markdown "
                    + "or json.")
        }
        let frontier: RectangleFrontier
        do {
            frontier = try scenario.rectangleFrontier()
        } catch {
            throw RequestError(
                "the outcome space is too large to list, and its rectangle frontier cannot be found: \(error).")
        }
        let names = scenario.parties.map(\.id)
        let reservations = scenario.parties.map(\.reservation)
        let zone = frontier.outcomes.filter { point in
            zip(point.utilities, reservations).allSatisfy { $0 >= $1 - utilityTolerance }
        }
        // Every solution below is attained on the frontier (a dominated outcome never does better), so when the
        // search was exhaustive these are the solutions of the whole space.
        let nash = zone.max { lhs, rhs in
            (lhs.utilities[0] - reservations[0]) * (lhs.utilities[1] - reservations[1])
                < (rhs.utilities[0] - reservations[0]) * (rhs.utilities[1] - reservations[1])
        }
        let utilitarian = frontier.outcomes.max {
            $0.utilities[0] + $0.utilities[1] < $1.utilities[0] + $1.utilities[1]
        }
        let seconds =
            Double(frontier.elapsed.components.seconds) + Double(frontier.elapsed.components.attoseconds) * 1e-18
        let method =
            "The utilities are GENIUS hyper-rectangle utilities over \(formatOutcomes(scenario.space.approximateCount)) "
            + "outcomes, too many to list, so this is the Pareto frontier found from the rectangles: "
            + "\(frontier.regionCount) regions, \(frontier.conflictCount) conflicting pairs, "
            + "\(frontier.subproblemCount) sub-problems."
        let guarantee =
            frontier.isExhaustive
            ? "The search was exhaustive: every outcome of the space is weakly dominated by a listed one."
            : "The search was not exhaustive (a greedy search over weightings): outcomes better than those listed may exist."
        let point = { (outcome: ScoredOutcome?) -> String in
            guard let outcome else { return "none" }
            return outcome.utilities.map { String(format: "%.4f", $0) }.joined(separator: ", ") + " at "
                + scenario.space.describe(outcome.outcome)
        }

        switch format {
        case .json:
            let scored = { (outcome: ScoredOutcome) -> JSONValue in
                .object([
                    ("utilities", .array(outcome.utilities.map(JSONValue.number))),
                    (
                        "outcome",
                        .object(
                            scenario.space.labels(of: outcome.outcome).map { ($0.issue, JSONValue.string($0.level)) })
                    ),
                ])
            }
            return JSONValue.object([
                ("scenario", .string(scenario.name)), ("method", .string("rectangle-frontier")),
                ("parties", .array(names.map(JSONValue.string))),
                ("reservations", .array(reservations.map(JSONValue.number))),
                (
                    "outcomeCount",
                    scenario.space.count.map(JSONValue.int) ?? .string(exactCount(scenario.space.radices))
                ),
                ("exhaustive", .bool(frontier.isExhaustive)), ("regions", .int(frontier.regionCount)),
                ("conflicts", .int(frontier.conflictCount)), ("subproblems", .int(frontier.subproblemCount)),
                ("frontier", .array(frontier.outcomes.map(scored))),
                ("frontierInZone", .int(zone.count)), ("nash", nash.map(scored) ?? .null),
                ("utilitarian", utilitarian.map(scored) ?? .null),
                ("notes", .array(scenario.notes.map(JSONValue.string))),
            ]).serialized() + "\n"
        case .markdown:
            var lines = [
                "# \(scenario.name)", "",
                "\(method) Found in \(String(format: "%.3f", seconds)) s. \(guarantee)", "",
                "## Pareto frontier (\(frontier.outcomes.count) outcomes, best for \(names[0]) first)", "",
                "| \(names[0]) | \(names[1]) | outcome |", "|---:|---:|---|",
            ]
            for outcome in frontier.outcomes {
                lines.append(
                    "| " + outcome.utilities.map { String(format: "%.4f", $0) }.joined(separator: " | ") + " | "
                        + scenario.space.describe(outcome.outcome) + " |")
            }
            lines += [
                "", "- Frontier outcomes acceptable to both (reservations \(formatList(reservations))): \(zone.count)",
                "- Nash point (in the zone): \(point(nash))", "- Utilitarian point: \(point(utilitarian))",
            ]
            if !scenario.notes.isEmpty { lines += ["", "## Notes", ""] + scenario.notes.map { "- \($0)" } }
            return lines.joined(separator: "\n") + "\n"
        default:
            let heading = "Pareto frontier (\(frontier.outcomes.count) outcomes, best for \(names[0]) first)"
            var lines = [
                scenario.name, String(repeating: "═", count: scenario.name.count), "",
                "2 parties, \(scenario.issues.count) issues, \(formatOutcomes(scenario.space.approximateCount)) possible "
                    + "packages.", "", method + " Found in \(String(format: "%.3f", seconds)) s.", guarantee, "",
                heading, String(repeating: "─", count: heading.count), "",
            ]
            let width = max(names[0].count, names[1].count, 6)
            lines.append(
                "  " + names.map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    + "  outcome")
            for outcome in frontier.outcomes {
                let cells = outcome.utilities.map {
                    let text = String(format: "%.4f", $0)
                    return String(repeating: " ", count: max(0, width - text.count)) + text
                }
                lines.append("  " + cells.joined(separator: "  ") + "  " + scenario.space.describe(outcome.outcome))
            }
            lines += [
                "", "Frontier outcomes acceptable to both (reservations \(formatList(reservations))): \(zone.count).",
                "Nash point (in the zone): \(point(nash)).", "Utilitarian point: \(point(utilitarian)).",
            ]
            if !scenario.notes.isEmpty { lines += ["", "Notes", "─────", ""] + scenario.notes.map { "  • \($0)" } }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func formatOutcomes(_ count: Double) -> String {
        count < 1e15 ? formatCount(count) : "about 10^\(Int(count.log10Rounded))"
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

    private func formatList(_ values: [Double]) -> String {
        values.map { String(format: "%.2f", $0) }.joined(separator: " and ")
    }
}

extension Double {
    /// The base-10 logarithm rounded to the nearest integer, for counts like 10^30.
    fileprivate var log10Rounded: Double { (Foundation.log10(self)).rounded() }
}

/// Whether the text is a date of the form YYYY-MM-DD.
func isISODate(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil
    else { return false }
    return (1...12).contains(month) && (1...31).contains(day)
}
