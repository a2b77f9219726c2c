import AccordKit
import ArgumentParser
import Foundation
import Synchronization

/// `accord tournament`: every agent against every other, on every scenario, in every role, repeated.
struct TournamentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tournament",
        abstract: "Run a tournament of agents from a specification file; resumable, shardable.",
        discussion: """
            Results go to the --out folder: negotiations.csv, negotiations.jsonl, genius-log.csv and the summary \
            (summary.json, summary.md, summary.html, summary.txt). An interrupted run continues where it stopped \
            when the same command runs again. --shard k/n runs the k-th of n slices; 'accord merge' combines them. \
            Specification format: docs/tournaments.md.
            """)

    @Argument(help: "The tournament specification (.yaml, .yml or .json).")
    var specification: String

    @Option(help: ArgumentHelp("The results folder (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: ArgumentHelp("Run only the k-th of n deterministic slices of the tournament.", valueName: "k/n"))
    var shard: String?

    @Option(help: "Negotiations run at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "The summary printed at the end: text, json, markdown or html.")
    var format: ReportFormat = .text

    @Option(help: "Progress on standard error: auto (a bar on a terminal, lines otherwise), bar, lines or none.")
    var progress: String = "auto"

    @Flag(help: "Run in this process, without the supervisor that restarts the run after a crash or a hang.")
    var noIsolation = false

    @Flag(help: .hidden)
    var worker = false

    func run() async throws {
        guard let progressMode = ProgressDisplay.Mode(rawValue: progress) else {
            throw RequestError("unknown --progress '\(progress)'; use auto, bar, lines or none")
        }
        if let jobs, jobs < 1 { throw RequestError("--jobs must be at least 1, not \(jobs)") }
        var slice = Shard.whole
        if let shard { slice = try negotiationCall { () throws(NegotiationError) in try Shard(parsing: shard) } }
        let specification = try TournamentLoader.load(path: self.specification)
        let plan = try negotiationCall { () throws(NegotiationError) in try specification.tournament.plan() }
        let facts = TournamentFacts(specification: specification, shard: slice, negotiations: plan.count)
        let folder = TournamentFolder(path: out)
        try folder.prepare(for: facts)

        if !worker && !noIsolation {
            let code = try Supervisor(folder: folder, timeLimit: specification.tournament.timeLimit).run()
            if code != 0 { throw ExitCode(code) }
            return
        }
        let mine = plan.filter { slice.contains($0.id) }
        let runner = try negotiationCall { () throws(NegotiationError) in
            try TournamentRunner(tournament: specification.tournament)
        }
        guard let records = try await play(mine, runner: runner, folder: folder, mode: progressMode) else {
            FileHandle.standardError.write(
                Data("accord: interrupted; run the same command again to continue where it stopped.\n".utf8))
            throw ExitCode(130)
        }
        let report = try TournamentOutput.report(records: records, facts: facts)
        try folder.writeResults(records, facts: facts, report: report)
        emit(report.render(format))
    }

    /// Plays the negotiations not yet recorded; returns the slice's records in plan order, or nil when interrupted
    /// before all were recorded.
    private func play(
        _ mine: [Tournament.Negotiation], runner: TournamentRunner, folder: TournamentFolder,
        mode: ProgressDisplay.Mode
    ) async throws -> [NegotiationRecord]? {
        let progress = try NegotiationRecordReader.read(path: folder.progressPath)
        let log = try ProgressLog(path: folder.progressPath, truncated: progress.truncatedLastLine)
        var pending: [Tournament.Negotiation] = []
        var suspects: [Tournament.Negotiation] = []
        for negotiation in mine where progress.records[negotiation.id] == nil {
            let starts = progress.starts[negotiation.id] ?? 0
            if starts >= 2 {
                // Started twice, never finished: it crashed or hung the run both times. Record it as failed.
                var record = runner.failedRecord(
                    negotiation,
                    reason: "stopped the run twice (a crash or a hang) and was given up; see docs/tournaments.md")
                record.seconds = 0
                try log.append(record: record)
            } else if starts == 1 {
                suspects.append(negotiation)
            } else {
                pending.append(negotiation)
            }
        }
        let recorded = mine.count - pending.count - suspects.count
        let display = ProgressDisplay(total: mine.count, done: recorded, mode: mode)
        Interrupt.install()
        // Negotiations that were running when a previous run stopped go first, one at a time, so that one that
        // crashes again takes no innocent neighbour with it.
        for (batch, jobs) in [(suspects, 1), (pending, self.jobs ?? ProcessInfo.processInfo.activeProcessorCount)] {
            guard !batch.isEmpty, !Interrupt.requested else { continue }
            let failure = Mutex<String?>(nil)
            await runner.run(
                batch, parallelism: jobs, shouldStop: { Interrupt.requested },
                willStart: { negotiation in log.started(negotiation.id) },
                didFinish: { record in
                    do {
                        try log.append(record: record)
                    } catch {
                        failure.withLock { $0 = "\(error)" }
                    }
                    display.advance()
                })
            if let message = failure.withLock({ $0 }) { throw RequestError(message) }
        }
        display.finish()
        let written = try NegotiationRecordReader.read(path: folder.progressPath).records
        var records: [NegotiationRecord] = []
        for negotiation in mine {
            guard let record = written[negotiation.id] else { return nil }
            records.append(record)
        }
        return records
    }
}

/// Converts the negotiation module's errors into bad-input errors of the CLI.
func negotiationCall<T>(_ body: () throws(NegotiationError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw RequestError(error.description)
    }
}

/// A results folder: `tournament.json` (what it holds), `progress.jsonl` (append-only log of starts and
/// records), and the result files written when the slice is complete.
struct TournamentFolder {
    let path: String

    var factsPath: String { path + "/tournament.json" }
    var progressPath: String { path + "/progress.jsonl" }

    /// Creates the folder, or checks that it holds this tournament's slice: never mixes or overwrites another's.
    func prepare(for facts: TournamentFacts) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw RequestError("\(path) is a file, not a results folder") }
            if manager.fileExists(atPath: factsPath) {
                let existing = try TournamentFacts.read(path: factsPath)
                guard existing.fingerprint == facts.fingerprint else {
                    throw RequestError(
                        "\(path) holds the results of another tournament (fingerprint \(existing.fingerprint), this "
                            + "one \(facts.fingerprint)); choose another --out folder, nothing was overwritten")
                }
                guard existing.shard == facts.shard else {
                    throw RequestError(
                        "\(path) holds shard \(existing.shard) of this tournament, not \(facts.shard); give each shard its "
                            + "own --out folder")
                }
                return
            }
            let contents = (try? manager.contentsOfDirectory(atPath: path)) ?? []
            guard contents.filter({ !$0.hasPrefix(".") }).isEmpty else {
                throw RequestError(
                    "\(path) is not empty and holds no tournament.json; choose an empty or new --out folder, nothing "
                        + "was overwritten")
            }
        } else {
            do {
                try manager.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw RequestError("cannot create the results folder \(path)")
            }
        }
        try write(facts.json, to: factsPath)
    }

    /// Writes the result files of a complete slice (or merge), records in plan order, with their report.
    func writeResults(_ records: [NegotiationRecord], facts: TournamentFacts, report: TournamentReport) throws {
        for (name, text) in TournamentOutput.files(records: records, facts: facts, report: report) {
            try write(text, to: path + "/" + name)
        }
    }

    func write(_ text: String, to file: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            throw RequestError("cannot write \(file)")
        }
    }
}

/// The append-only progress log, shared by the negotiation tasks.
final class ProgressLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String, truncated: Bool) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw RequestError("cannot write \(path)")
            }
        }
        guard let handle = FileHandle(forUpdatingAtPath: path) else { throw RequestError("cannot write \(path)") }
        if truncated {
            // The last line was cut short by a kill: drop it (its negotiation runs again).
            let data = (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()
            let keep = (data.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
            do {
                try handle.truncate(atOffset: UInt64(keep))
            } catch {
                throw RequestError("cannot repair \(path): \(error.localizedDescription)")
            }
        }
        handle.seekToEndOfFile()
        self.handle = Mutex(handle)
    }

    func started(_ id: Int) {
        handle.withLock { $0.write(Data("{\"started\":\(id)}\n".utf8)) }
    }

    func append(record: NegotiationRecord) throws {
        var line = TournamentOutput.progressLine(record)
        while line.hasSuffix("\n") { line.removeLast() }
        handle.withLock { $0.write(Data((line + "\n").utf8)) }
    }
}

/// SIGINT and SIGTERM ask the run to stop taking new negotiations; what is recorded stays recorded.
enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    static var requested: Bool { flag.load(ordering: .relaxed) }

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        signal(SIGTERM) { _ in Interrupt.flag.store(true, ordering: .relaxed) }
        // A process may start with these signals blocked (inherited from its parent): unblock them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
}

/// Runs the tournament in a child process and starts it again when it crashes or stops making progress, so one
/// misbehaving negotiation cannot end the run: the child resumes from the progress log, retries the negotiations
/// it was running one at a time, and records one that stops it twice as failed.
struct Supervisor {
    let folder: TournamentFolder
    let timeLimit: Double?
    /// The most restarts before giving up.
    static let restartLimit = 100

    func run() throws -> Int32 {
        Interrupt.install()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var restarts = 0
        while true {
            let process = Process()
            process.executableURL = executable
            process.arguments = Array(CommandLine.arguments.dropFirst()) + ["--worker"]
            do {
                try process.run()
            } catch {
                throw RequestError("cannot start the tournament worker: \(error.localizedDescription)")
            }
            let hung = watch(process)
            process.waitUntilExit()
            let signalled = process.terminationReason == .uncaughtSignal
            // Stopped by the interruption itself (before it could install its handler): report an interruption.
            if signalled && Interrupt.requested { return 130 }
            if !signalled && !hung { return process.terminationStatus }
            restarts += 1
            guard restarts <= Self.restartLimit else {
                throw RequestError(
                    "the tournament worker stopped \(restarts) times; giving up (the results so far are kept)")
            }
            let why =
                hung
                ? "made no progress for \(Int(stallLimit ?? 0)) s" : "crashed (signal \(process.terminationStatus))"
            FileHandle.standardError.write(Data("accord: the tournament worker \(why); restarting it.\n".utf8))
        }
    }

    /// With a per-negotiation time limit, a worker whose progress log does not grow for twice that plus 2 s is stuck
    /// inside an agent's turn (the limit is checked between turns): kill it.
    private var stallLimit: Double? { timeLimit.map { 2 * $0 + 2 } }

    private func watch(_ process: Process) -> Bool {
        var lastSize = -1
        var lastChange = ContinuousClock.now
        var forwarded = false
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.2)
            if Interrupt.requested && !forwarded {
                // Interrupted (Ctrl-C reaches both; a signal sent to this process alone is passed on).
                kill(process.processIdentifier, SIGINT)
                forwarded = true
            }
            guard let stallLimit, !Interrupt.requested else { continue }
            let size = (try? FileManager.default.attributesOfItem(atPath: folder.progressPath)[.size] as? Int) ?? 0
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
}
