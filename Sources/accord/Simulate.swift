import AccordKit
import ArgumentParser
import Foundation

/// `accord simulate`: runs a negotiation between agents under a mechanism and reports how it ended.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Simulate the talks: agents negotiate under a mechanism until they agree, walk away or time runs out.",
        discussion: """
            The scenario's protocol: section gives the defaults; every option given here overrides it. Agents: \
            accord simulate --list-agents. Same scenario, options and seed: the same output, byte for byte (unless \
            the deadline is in --seconds).
            """)

    @OptionGroup var input: ScenarioArgument
    @OptionGroup var output: OutputOption
    @OptionGroup var charts: ChartsOption

    @Option(
        help: ArgumentHelp(
            "The mechanism: alternating (two parties), saop (stacked alternating offers) or mediated (default: "
                + "alternating for two parties at the table, saop for more)."))
    var mechanism: MechanismKind?

    @Option(
        help: ArgumentHelp(
            "Agents by party, such as us=boulware,ukraine=tit-for-tat or us=time-dependent(e=0.5); "
                + "parties not named get boulware.",
            valueName: "party=agent,..."))
    var agents: String?

    @Option(
        help: ArgumentHelp(
            "The parties at the table, in turn order (default: every party, in scenario order).",
            valueName: "id,id,..."))
    var parties: String?

    @Option(help: ArgumentHelp("Who drafts in the mediated mechanism: a party id, or neutral.", valueName: "id"))
    var mediator: String?

    @Option(help: "The deadline in rounds (default 100); with --seconds, whichever comes first.")
    var rounds: Int?

    @Option(help: "A wall-clock deadline in seconds (the output then depends on the machine's speed).")
    var seconds: Double?

    @Option(help: "The seed of every random choice (default 1); the same seed gives the same talks.")
    var seed: UInt64?

    @Option(
        help: ArgumentHelp(
            "Write every action to this file as JSON Lines (one object per line).", valueName: "file.jsonl"))
    var trace: String?

    @Option(
        help: ArgumentHelp(
            "Simulate only these issues (comma-separated ids), as if the others were settled elsewhere; "
                + "weights are renormalised over them.", valueName: "id,id,..."))
    var issues: String?

    @Option(help: "Output format: text, json, markdown or html (one self-contained page with SVG charts).")
    var format: ReportFormat = .text

    @Flag(help: "List the agents and their parameters, and exit.")
    var listAgents = false

    @OptionGroup var progress: ProgressOptions

    func validate() throws {
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1, found \(rounds).") }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("--seconds must be a positive number, found \(seconds).")
        }
    }

    func run() async throws {
        if listAgents {
            try output.deliver(SimulationResult.agentList(format))
            return
        }
        let result = try await progress.run(request())
        try output.deliver(result.render(format))
        try charts.export(result)
    }

    /// The request the options describe.
    func request() throws -> SimulationRequest {
        SimulationRequest(
            source: try input.source(),
            mechanism: mechanism, agents: agents, parties: parties.map(Self.ids), mediator: mediator, rounds: rounds,
            seconds: seconds, seed: seed, trace: trace.map(TraceDestination.file), issues: issues.map(Self.ids))
    }

    /// The ids of a comma-separated list, trimmed of spaces, empty entries left out.
    static func ids(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension MechanismKind: ExpressibleByArgument {
    /// Reads a mechanism name, in any case.
    public init?(argument: String) { self.init(rawValue: argument.lowercased()) }
}
