/// A simulation of the talks (`accord simulate`): agents negotiate under a mechanism until they agree, walk away or
/// time runs out.
///
/// The scenario's `protocol:` section gives the defaults; every property set here overrides it (see
/// ``AccordNegotiation/SimulationSetup``). Same scenario, request and seed: the same result, byte for byte, unless
/// the deadline is in ``seconds``.
///
/// The report keeps the first and the last ``AccordNegotiation/SessionTrace/defaultExcerpt`` actions of a long
/// session, with counts; a ``trace`` destination sees every action as it happens. The run reports its progress in
/// rounds (after every round, or every thousandth of the deadline's rounds when there are more than a thousand;
/// `total` is 0 when the deadline is in seconds only) and stops with ``RunCancelled`` between rounds when its monitor
/// asks it to.
public struct SimulationRequest: AccordOperation {
    public static let kind = OperationKind.simulate

    /// The scenario, with its `protocol:` section (none for GENIUS sources).
    public var source: ScenarioSource
    /// The mechanism (default: the scenario's, else alternating offers for two parties at the table and stacked
    /// alternating offers for more).
    public var mechanism: MechanismKind?
    /// Agents by party, as `--agents` takes them: `us=boulware,ukraine=tit-for-tat` or `us=time-dependent(e=0.5)`;
    /// parties named neither here nor in the scenario get boulware.
    public var agents: String?
    /// The parties at the table, in turn order (default: the scenario's, else every party in scenario order).
    public var parties: [String]?
    /// Who drafts in the mediated mechanism: a party id, or `neutral`.
    public var mediator: String?
    /// The deadline in rounds (default 100); with ``seconds``, whichever comes first. Either replaces the
    /// scenario's whole deadline.
    public var rounds: Int?
    /// A wall-clock deadline in seconds (the result then depends on the machine's speed).
    public var seconds: Double?
    /// The seed of every random choice (default 1).
    public var seed: UInt64?
    /// Where every action goes as it happens (nil: nowhere but the report's excerpt).
    public var trace: TraceDestination?
    /// Simulate only these issues, as if the others were settled elsewhere (nil: every issue).
    public var issues: [String]?

    /// Creates a request; every option left out takes the scenario's value or the default.
    public init(
        source: ScenarioSource = .default, mechanism: MechanismKind? = nil, agents: String? = nil,
        parties: [String]? = nil, mediator: String? = nil, rounds: Int? = nil, seconds: Double? = nil,
        seed: UInt64? = nil, trace: TraceDestination? = nil, issues: [String]? = nil
    ) {
        self.source = source
        self.mechanism = mechanism
        self.agents = agents
        self.parties = parties
        self.mediator = mediator
        self.rounds = rounds
        self.seconds = seconds
        self.seed = seed
        self.trace = trace
        self.issues = issues
    }

    public var parameters: JSONValue {
        let strings = { (list: [String]?) in list.map { JSONValue.array($0.map(JSONValue.string)) } ?? .null }
        return .object([
            ("scenario", source.json),
            ("mechanism", mechanism.map { .string($0.rawValue) } ?? .null),
            ("agents", agents.map(JSONValue.string) ?? .null),
            ("parties", strings(parties)),
            ("mediator", mediator.map(JSONValue.string) ?? .null),
            ("rounds", rounds.map(JSONValue.int) ?? .null),
            ("seconds", seconds.map(JSONValue.number) ?? .null),
            ("seed", seed.map { .string(String($0)) } ?? .null),
            ("trace", trace?.json ?? .null),
            ("issues", strings(issues)),
        ])
    }

    public func inputFingerprint() throws -> String { source.fingerprint() }

    /// Runs the simulation, then, when options expired during the talks, the same session without the expiries.
    ///
    /// Every check runs before the trace file is created, and the file is created before the run, so that a bad
    /// request leaves no file behind and an unwritable path fails before a long run.
    ///
    /// - Throws: ``RequestError`` for a bad option (its sentence names the option), the engine's errors for a bad
    ///   scenario or session, ``IOFailure`` when the trace file cannot be created or written, and
    ///   ``RunCancelled`` when the monitor cancels the run.
    public func run(monitor: any RunMonitor) async throws -> SimulationResult {
        try checkRanges()
        let document = try source.document()
        var scenario = document.scenario
        if let issues { scenario = try scenario.restricted(toIssues: issues) }
        let (setup, setupNotes) = try resolvedSetup(for: scenario, section: document.simulation)
        var notes = setupNotes
        if let note = scenario.nominalValuesNote(
            use: "the simulation", consequence: "The agents negotiate with these values; no draw is made.")
        {
            notes.append(note)
        }
        let session = try setup.session(on: try NegotiationDomain(scenario: scenario))
        if monitor.isCancelled { throw RunCancelled() }
        let result = try run(session, monitor: monitor)
        let reference = Result<NegotiationReference, AnalysisError> { () throws(AnalysisError) in
            try NegotiationReference(domain: session.domain, participants: result.participants)
        }
        var withoutExpiry: SessionResult?
        if result.trace.count(of: .expire) > 0 {
            // The same session where every option stays on the table (same outcome indices, agents and seed).
            let open = try NegotiationDomain(scenario: SimulationReport.scenarioWithoutExpiry(scenario))
            var observer = SimulationObserver(
                monitor: monitor, domain: open, deadline: session.configuration.deadline, destination: nil, file: nil,
                reportsProgress: false)
            withoutExpiry = try setup.session(on: open).run(observer: &observer)
        }
        let report = SimulationReport(
            session: session, result: result, reference: reference, withoutExpiry: withoutExpiry, notes: notes)
        return SimulationResult(report: report)
    }

    /// Runs the session, streaming its actions to the trace destination.
    private func run(_ session: Session, monitor: any RunMonitor) throws -> SessionResult {
        let file = try trace?.file.map { path throws(IOFailure) in try TraceFile(path: path) }
        var observer = SimulationObserver(
            monitor: monitor, domain: session.domain, deadline: session.configuration.deadline, destination: trace,
            file: file)
        let result: SessionResult
        do {
            result = try session.run(observer: &observer)
        } catch {
            // A cancelled run keeps the actions it took.
            try? file?.close()
            throw error
        }
        try file?.close()
        observer.reportFinished(round: result.round)
        return result
    }
}
