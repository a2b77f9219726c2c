import AccordKit
import ArgumentParser

/// `accord evaluate`: how every party judges one package.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge one package: every party's utility, margin, acceptance and crossed red lines.")

    @OptionGroup var input: ScenarioArgument

    @Option(help: "The package, as issue=option pairs separated by commas; issues left out stay open.")
    var outcome: String

    @Option(help: "Output format: text, json, markdown or html (a minimal page with the judgement table).")
    var format: ReportFormat = .text

    func run() throws {
        let scenario = try input.load()
        let levels = try parseOutcome(outcome, in: scenario.space)
        let evaluation = try scenario.evaluate(Proposal(id: "outcome", levels: levels))
        emit(EvaluationReport(scenario: scenario, evaluation: evaluation).render(format))
    }
}

/// Parses `issue=option,issue=option` into a (possibly partial) assignment.
func parseOutcome(_ text: String, in space: OutcomeSpace) throws -> [Int?] {
    var levels = [Int?](repeating: nil, count: space.issues.count)
    let pairs = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !pairs.isEmpty else {
        throw RequestError("--outcome is empty; give issue=option pairs such as guarantee=article5_like.")
    }
    for pair in pairs {
        let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2 else {
            throw RequestError("--outcome: '\(pair)' is not of the form issue=option.")
        }
        guard let issue = space.issueIndex(of: parts[0]) else {
            throw RequestError(
                "--outcome: there is no issue '\(parts[0])'; issues are: \(space.issues.map(\.id).joined(separator: ", "))."
            )
        }
        guard levels[issue] == nil else { throw RequestError("--outcome: issue '\(parts[0])' is given twice.") }
        guard let level = space.issues[issue].level(matching: parts[1]) else {
            let choices =
                space.issues[issue].isNumeric
                ? "levels run from \(space.issues[issue].label(ofLevel: 0)) to \(space.issues[issue].label(ofLevel: space.radices[issue] - 1))"
                : "options are: " + space.issues[issue].options.map(\.id).joined(separator: ", ")
            throw RequestError("--outcome: '\(parts[1])' is not a level of issue '\(parts[0])'; \(choices).")
        }
        levels[issue] = level
    }
    return levels
}
