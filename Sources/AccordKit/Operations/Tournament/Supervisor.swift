import Foundation

/// Runs a tournament's worker process and starts it again when it crashes or stops making progress, so one
/// misbehaving negotiation cannot end the run (``TournamentIsolation/supervised(_:)``): the worker resumes from the
/// progress log, retries the negotiations it was running one at a time, and records one that stops it twice as
/// failed. The supervisor reports the records the worker appends as progress.
struct Supervisor {
    /// The worker's command line.
    let worker: TournamentWorker
    /// The progress log the worker appends to.
    let progressPath: String
    /// The specification's time limit per negotiation in seconds, if any: it decides when a quiet worker is stuck.
    let timeLimit: Double?
    /// The negotiations of the slice.
    let total: Int
    let monitor: any RunMonitor

    /// The most restarts before giving up.
    static let restartLimit = 100
    /// The most restarts in a row after which the progress log has not grown (a worker failing the same way at
    /// once, before it records anything) before giving up.
    static let fruitlessRestartLimit = 3
    /// The environment variable that tells a worker its supervisor's process id: the worker then watches its
    /// standard input, a pipe whose other end only the supervisor holds, and ends when it closes (the supervisor
    /// died, even by SIGKILL); and it writes under the supervisor's lock on the results folder.
    static let supervisorVariable = "ACCORD_TOURNAMENT_SUPERVISOR"

    /// Runs the worker until it succeeds; throws when it fails on its own, is interrupted, or keeps crashing.
    func run() async throws {
        var tail = ProgressLogTail(path: progressPath)
        _ = tail.update()
        report(tail)
        var restarts = 0
        var fruitless = 0
        while true {
            let sizeBefore = logSize
            let token = LeftoverAgents.newToken()
            let (process, lifeline) = try launch(token: token)
            let hung = await watch(process, tail: &tail)
            process.waitUntilExit()
            try? lifeline.close()
            LeftoverAgents.kill(token: token)  // the external agents of a worker that died abruptly
            if tail.update() { report(tail) }
            let signalled = process.terminationReason == .uncaughtSignal
            let status = process.terminationStatus
            // Stopped by the interruption (before it could catch it, or after, with its status 130).
            if signalled ? TournamentStop.isRequested(by: monitor) : status == ExitStatus.interrupted.rawValue {
                throw TournamentStop.error(of: monitor)
            }
            if !signalled && !hung {
                guard status == 0 else { throw TournamentWorkerFailure.exited(status: status) }
                return
            }
            restarts += 1
            fruitless = logSize == sizeBefore ? fruitless + 1 : 0
            guard restarts <= Self.restartLimit, fruitless < Self.fruitlessRestartLimit else {
                throw TournamentWorkerFailure.gaveUp(restarts: restarts)
            }
            let why = hung ? "made no progress for \(Int(stallLimit ?? 0)) s" : "crashed (signal \(status))"
            monitor.observe(.note("the tournament worker \(why); restarting it."))
        }
    }

    /// With a per-negotiation time limit, a worker whose progress log does not grow for twice that plus 2 s is stuck
    /// inside an agent's turn (the limit is checked between turns).
    private var stallLimit: Double? { timeLimit.map { 2 * $0 + 2 } }

    /// The progress log's size in bytes (0 when it does not exist yet).
    private var logSize: Int {
        (try? FileManager.default.attributesOfItem(atPath: progressPath)[.size] as? Int) ?? 0
    }

    /// Starts the worker with a lifeline on its standard input and `token` in its environment (``LeftoverAgents``);
    /// returns it and the lifeline's end to close once it has exited.
    private func launch(token: String) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = worker.executable
        process.arguments = worker.arguments
        process.standardOutput = FileHandle.nullDevice
        let lifeline = Pipe()
        process.standardInput = lifeline
        var environment = ProcessInfo.processInfo.environment
        environment[Self.supervisorVariable] = String(getpid())
        environment[LeftoverAgents.tokenVariable] = token
        process.environment = environment
        do {
            try process.run()
        } catch {
            let failure = IOFailure("cannot start", error: error)
            throw TournamentWorkerFailure.cannotStart(executable: worker.executable.path, reason: failure.reason)
        }
        try? lifeline.fileHandleForReading.close()
        return (process, lifeline.fileHandleForWriting)
    }

    /// Watches the worker until it exits: reports its progress, passes a stop request on as SIGINT, and kills it
    /// when it is stuck. Returns whether it was killed as stuck.
    private func watch(_ process: Process, tail: inout ProgressLogTail) async -> Bool {
        var lastSize = -1
        var lastChange = ContinuousClock.now
        var forwarded = false
        while process.isRunning {
            do {
                try await Task.sleep(for: .milliseconds(200))
            } catch {
                usleep(200_000)  // A cancelled task sleeps no more; keep polling anyway, less often.
            }
            if tail.update() { report(tail) }
            if TournamentStop.isRequested(by: monitor) {
                // Ctrl-C reaches both processes; a signal sent to this one alone, or a cancellation, is passed on.
                if !forwarded { kill(process.processIdentifier, SIGINT) }
                forwarded = true
                continue
            }
            guard let stallLimit else { continue }
            let size = logSize
            if size != lastSize {
                lastSize = size
                lastChange = .now
            } else if ContinuousClock.now - lastChange > .seconds(stallLimit) {
                kill(process.processIdentifier, SIGKILL)
                return true
            }
        }
        return false
    }

    private func report(_ tail: ProgressLogTail) {
        monitor.observe(.progress(RunProgress(done: min(tail.records, total), total: total, unit: "negotiations")))
    }
}
