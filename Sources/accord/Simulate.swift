import AccordKit
import ArgumentParser
import Foundation

/// `accord simulate`: runs a negotiation between agents under a mechanism and reports how it ended.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Simulate the talks: agents negotiate under a mechanism until they agree, walk away or time runs out.",
        discussion: """
            The scenario's protocol: section gives the defaults; every option given here overrides it. Agents: \
            accord simulate --list-agents. Same scenario, options and seed: the same output, byte for byte (unless \
            the deadline is in --seconds).
            """)

    @OptionGroup var input: ScenarioArgument

    @Option(
        help: ArgumentHelp(
            "The mechanism: alternating (two parties), saop (stacked alternating offers) or mediated (default: "
                + "alternating for two parties at the table, saop for more)."))
    var mechanism: String?

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

    func validate() throws {
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1, found \(rounds).") }
        if let seconds, !(seconds > 0 && seconds.isFinite) {
            throw ValidationError("--seconds must be a positive number, found \(seconds).")
        }
    }

    func run() throws {
        if listAgents {
            emit(Self.agentList(format))
            return
        }
        let document = try loadDocument()
        var scenario = document.scenario
        if let issues { scenario = try scenario.restricted(toIssueList: issues.split(separator: ",").map(String.init)) }
        let (setup, notes) = try simulationSetup(scenario: scenario, section: document.simulation)
        // Every check before the trace file is created, and the file before the run, so that bad input leaves
        // no file behind and an unwritable path fails before a long run.
        let session = try negotiation { () throws(NegotiationError) in
            try setup.session(on: try NegotiationDomain(scenario: scenario))
        }
        let traceFile = try openTraceFile()
        let result = session.run()
        let reference = Result<NegotiationReference, AnalysisError> { () throws(AnalysisError) in
            try NegotiationReference(domain: session.domain, participants: result.participants)
        }
        var withoutExpiry: SessionResult?
        if result.trace.contains(where: { $0.kind == .expire }) {
            // The same session where every option stays on the table (same outcome indices, agents and seed).
            withoutExpiry = try negotiation { () throws(NegotiationError) in
                let open = try NegotiationDomain(scenario: SimulationReport.scenarioWithoutExpiry(scenario))
                return try setup.session(on: open).run()
            }
        }
        let report = SimulationReport(
            session: session, result: result, reference: reference, withoutExpiry: withoutExpiry, notes: notes)
        if let traceFile {
            traceFile.handle.write(Data(report.traceLines().utf8))
            try? traceFile.handle.close()
        }
        emit(report.render(format))
    }

    /// Runs a piece of the simulation, turning its errors into one-sentence CLI errors (exit 2).
    func negotiation<T>(_ body: () throws(NegotiationError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw RequestError(error.description + ".")
        }
    }

    /// The scenario file with its `protocol:` section, or a scenario imported from GENIUS files (no section).
    func loadDocument() throws -> ScenarioDocument {
        if input.isGeniusFiles { return ScenarioDocument(scenario: try input.load()) }
        if let scenario = input.scenario, ScenarioArgument.isDirectory(scenario),
            !ScenarioArgument.hasScenarioExtension(scenario)
        {
            return ScenarioDocument(scenario: try input.load())
        }
        return try ScenarioLoader.loadDocument(path: try input.path())
    }

    /// The scenario's protocol section with the command line's options over it, checked against the scenario's
    /// parties; also notes on what the command line set aside.
    func simulationSetup(scenario: Scenario, section: SimulationSetup?) throws -> (SimulationSetup, [String]) {
        let ids = scenario.parties.map(\.id)
        let known = ids.joined(separator: ", ")
        var notes: [String] = []
        var overrides = SimulationSetup(rounds: rounds, seconds: seconds, seed: seed)
        try negotiation { () throws(NegotiationError) in
            if let mechanism { overrides.mechanism = try MechanismKind(name: mechanism) }
            if let agents { overrides.agents = try AgentAssignment(parsing: agents) }
        }
        if let parties {
            let table = parties.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            guard !table.isEmpty else { throw RequestError("--parties is empty; give party ids such as \(known).") }
            for id in table where !ids.contains(id) {
                throw RequestError("--parties: there is no party '\(id)'; parties are: \(known).")
            }
            if let repeated = table.enumerated().first(where: { table[..<$0.offset].contains($0.element) }) {
                throw RequestError("--parties: party '\(repeated.element)' is given twice.")
            }
            overrides.participants = table
        }
        for entry in overrides.agents.entries where !ids.contains(entry.party) {
            throw RequestError("--agents: there is no party '\(entry.party)'; parties are: \(known).")
        }
        if let mediator {
            guard mediator.lowercased() == "neutral" || ids.contains(mediator) else {
                throw RequestError("--mediator: there is no party '\(mediator)'; name one of \(known), or neutral.")
            }
            overrides.mediator = mediator
        }
        var base = section ?? SimulationSetup()
        // A table chosen on the command line sets aside the scenario's agents for the parties it leaves out.
        if let table = overrides.participants {
            let dropped = base.agents.entries.filter { !table.contains($0.party) }
            if !dropped.isEmpty {
                base.agents = AgentAssignment(base.agents.entries.filter { table.contains($0.party) })
                notes.append(
                    "The scenario's agents for \(dropped.map(\.party).joined(separator: ", ")) are set aside: "
                        + "--parties leaves \(dropped.count == 1 ? "that party" : "those parties") out.")
            }
        }
        let setup = base.overridden(by: overrides)
        let table = setup.participants ?? ids
        for entry in overrides.agents.entries where !table.contains(entry.party) {
            throw RequestError(
                "--agents: party '\(entry.party)' is not at the table (\(table.joined(separator: ", "))); "
                    + "add it with --parties or leave its agent out.")
        }
        let resolvedMechanism = setup.mechanism ?? (table.count == 2 ? .alternating : .saop)
        if mediator != nil, resolvedMechanism != .mediated {
            throw RequestError(
                "--mediator applies to the mediated mechanism, not \(resolvedMechanism.rawValue); "
                    + "add --mechanism mediated."
            )
        }
        return (setup, notes)
    }

    /// Opens (and empties) the trace file before the run, so an unwritable path fails at once.
    func openTraceFile() throws -> (path: String, handle: FileHandle)? {
        guard let trace else { return nil }
        guard FileManager.default.createFile(atPath: trace, contents: nil),
            let handle = FileHandle(forWritingAtPath: trace)
        else {
            var isDirectory: ObjCBool = false
            let reason =
                FileManager.default.fileExists(atPath: trace, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "it is a folder" : "the folder does not exist or is not writable"
            throw RequestError("--trace: cannot write '\(trace)': \(reason).")
        }
        return (trace, handle)
    }

    /// The registered agents, as text or JSON.
    static func agentList(_ format: ReportFormat) -> String {
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
