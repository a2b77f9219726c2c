/// How the Kit watches a simulation: every action goes to the trace destination as a JSON line, every round ends
/// with a look at whether the monitor cancelled the run and a progress report (thinned to about a thousand per run).
struct SimulationObserver: SessionObserver {
    typealias Failure = any Error

    let monitor: any RunMonitor
    /// The encoder of the actions, nil when no destination wants them.
    let encoder: SimulationReport.TraceEncoder?
    let file: TraceFile?
    let sendsToMonitor: Bool
    /// The rounds of the deadline, 0 when it is in seconds only.
    let totalRounds: Int
    /// Progress is reported after every `progressStep` rounds, unless `reportsProgress` is off.
    let progressStep: Int
    let reportsProgress: Bool

    /// An observer of a session on `domain` with this deadline, streaming to `destination`.
    init(
        monitor: any RunMonitor, domain: NegotiationDomain, deadline: Deadline, destination: TraceDestination?,
        file: TraceFile?, reportsProgress: Bool = true
    ) {
        self.monitor = monitor
        self.reportsProgress = reportsProgress
        self.file = file
        sendsToMonitor = destination?.sendsToMonitor ?? false
        encoder = file != nil || sendsToMonitor ? SimulationReport.TraceEncoder(domain: domain) : nil
        totalRounds = deadline.rounds ?? 0
        progressStep = Swift.max(1, (deadline.rounds ?? 1_000_000) / 1_000)
    }

    func observe(_ event: TraceEvent) throws(any Error) {
        guard let encoder else { return }
        guard sendsToMonitor else {
            // The file alone: the action's bytes go straight into the file's buffer, with no line in between.
            try file?.write(event, encodedBy: encoder)
            return
        }
        let line = encoder.line(event)
        try file?.write(line: line)
        monitor.observe(.action(line))
    }

    func roundEnded(_ round: Int) throws(any Error) {
        if monitor.isCancelled { throw RunCancelled() }
        if reportsProgress, round % progressStep == 0 {
            monitor.observe(.progress(RunProgress(done: round, total: totalRounds, unit: "rounds")))
        }
    }

    /// Reports that the session is over, in `round`: every unit of work is done.
    func reportFinished(round: Int) {
        guard reportsProgress else { return }
        let total = totalRounds > 0 ? totalRounds : round
        monitor.observe(.progress(RunProgress(done: total, total: total, unit: "rounds")))
    }
}
