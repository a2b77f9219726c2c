import AccordKit
import ArgumentParser
import Foundation

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
    var shard: ShardOption?

    @Option(help: "Negotiations run at once (default: the number of cores).")
    var jobs: Int?

    @Option(help: "The summary printed at the end: text, json, markdown or html.")
    var format: ReportFormat = .text

    @OptionGroup var progress: ProgressOptions

    @OptionGroup var output: OutputOption

    @Flag(help: "Run in this process, without the supervisor that restarts the run after a crash or a hang.")
    var noIsolation = false

    /// Set by the supervising `accord tournament` on the worker process it starts.
    @Flag(help: .hidden)
    var worker = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, not \(jobs).") }
        _ = try shard?.checked()
    }

    func run() async throws {
        Interrupt.install()
        let request = TournamentRequest(
            specification: specification, resultsFolder: out, shard: try shard?.checked() ?? .whole, jobs: jobs,
            isolation: worker || noIsolation ? .inProcess : .supervised(Self.workerCommand))
        if worker { return try await work(request) }
        let display = progress.display()
        do {
            let result = try await request.run(monitor: display)
            display.finish()
            try output.deliver(result.render(format))
        } catch TournamentWorkerFailure.exited(let status) {
            display.finish()
            throw ExitCode(status)  // The worker has written why.
        } catch {
            display.finish()
            throw error
        }
    }

    /// The supervised worker's part: plays in this process, showing no progress (the supervisor reads it from the
    /// progress log) and printing no summary (the supervisor does); interrupted, it exits with status 130 and
    /// leaves the message to the supervisor.
    private func work(_ request: TournamentRequest) async throws {
        do {
            _ = try await request.run()
        } catch is TournamentInterrupted {
            throw ExitCode(ExitStatus.interrupted.rawValue)
        }
    }

    /// This program again, with the same arguments and `--worker`. The path is Foundation's portable
    /// `Bundle.main.executableURL`, or the path the program was started by when Foundation cannot tell.
    static var workerCommand: TournamentWorker {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        return TournamentWorker(
            executable: executable, arguments: Array(CommandLine.arguments.dropFirst()) + ["--worker"])
    }
}
