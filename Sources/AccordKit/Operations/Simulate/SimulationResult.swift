/// The result of a ``SimulationRequest``: the simulated talks, rendered by AccordReport's ``SimulationReport`` in
/// every format (the JSON contract is in docs/cli.md).
public struct SimulationResult: OperationResult {
    /// The report: the session, how it ended, the reference metrics and the counterfactual without expiries.
    public let report: SimulationReport

    /// Creates the result of a report.
    public init(report: SimulationReport) { self.report = report }

    /// How the talks ended, with their bounded trace.
    public var outcome: SessionResult { report.result }

    public func render(_ format: ReportFormat) -> String { report.render(format) }

    /// The registered agents and their parameters (`accord simulate --list-agents`): a JSON array of `name` and
    /// `description`, or text for people in the other formats.
    public static func agentList(_ format: ReportFormat) -> String {
        let registry = AgentSpecification.registry
        switch format {
        case .json:
            let entries = registry.map { entry in
                JSONValue.object([("name", .string(entry.name)), ("description", .string(entry.description))])
            }
            return JSONValue.array(entries).serialized() + "\n"
        default:
            let width = registry.map(\.name.count).max() ?? 0
            let lines = registry.map { entry in
                entry.name + String(repeating: " ", count: width - entry.name.count + 2) + entry.description
            }
            return lines.joined(separator: "\n") + "\n\n"
                + "Parameters: name(key=value;...), e.g. time-dependent(e=0.5), conceder(ac=combi;T=0.95), "
                + "tit-for-tat(model=frequency). Keys: e (time-dependent), ac (next, const, time, combi), c and T "
                + "(thresholds), model (frequency or none), window.\n"
        }
    }
}
