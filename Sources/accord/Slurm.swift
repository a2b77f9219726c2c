import AccordKit
import ArgumentParser
import Foundation

/// `accord slurm`: long operations as Slurm jobs (docs/scale-out.md).
struct Slurm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a tournament or an analysis's Monte Carlo draws as a Slurm job array and a dependent merge job.",
        subcommands: [SlurmTournament.self, SlurmAnalyze.self])
}

/// The options of every `accord slurm` command: the folder, the shards, the jobs' resources, and waiting.
struct SlurmOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The results folder (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "The number of shards (array tasks).")
    var shards: Int

    @Option(help: "The Slurm partition (default: the cluster's).") var partition: String?
    @Option(help: "The time limit of each job (default: the partition's).") var time: String?

    @Option(help: "CPUs per array task (default: 1).")
    var cpusPerTask: Int?

    @Flag(help: "Wait for the merge job and exit with its outcome.")
    var wait = false

    @OptionGroup var progress: ProgressOptions

    /// The `accord` executable the jobs run: this one.
    var executable: String { (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])).path }

    /// Prints the submission; with `--wait`, waits for the merge through `wait`.
    func report(_ submission: SlurmSubmission, wait: (any RunMonitor) async throws -> Void) async throws {
        emit(submission.description + "\n")
        guard self.wait else { return }
        let display = progress.display()
        defer { display.finish() }
        try await wait(display)
        emit("the merge job \(submission.mergeJob) completed; the results are in \(submission.mergedFolder)\n")
    }
}

/// `accord slurm tournament`: the shards as array tasks, then `accord merge`, on the cluster's shared file system.
struct SlurmTournament: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tournament",
        abstract: "Submit a tournament's shards as a Slurm job array and their merge as a job that waits for it.",
        discussion: """
            The --out folder, shared by the cluster's nodes, gets the batch scripts, logs/, shard-k/ and merged/. \
            Submitting again skips complete shards. --wait ends with the merge, or names a failed shard and its log.
            """)

    @Argument(help: "The tournament specification (.yaml, .yml or .json).")
    var specification: String

    @OptionGroup var slurm: SlurmOptions

    func run() async throws {
        let request = SlurmTournamentRequest(
            specification: specification, resultsFolder: slurm.out, shards: slurm.shards, partition: slurm.partition,
            timeLimit: slurm.time, cpusPerTask: slurm.cpusPerTask, executable: slurm.executable)
        let scheduler = SlurmCommands()
        let submission = try await request.submit(to: scheduler)
        try await slurm.report(submission) { try await request.wait(for: submission, on: scheduler, monitor: $0) }
    }
}

/// `accord slurm analyze`: an analysis's Monte Carlo draws in shards as array tasks, then their merge.
struct SlurmAnalyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Submit an analysis's Monte Carlo draws in shards as a Slurm job array, and their merge.",
        discussion: """
            The --out folder, shared by the cluster's nodes, gets the batch scripts, logs/, shard-k.counts.json and \
            merged/analysis.txt and .json, the reports of one unsharded run. Submitting again skips complete shards.
            """)

    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var slurm: SlurmOptions

    func run() async throws {
        let request = SlurmAnalysisRequest(
            analysis: try analysis.request(), resultsFolder: slurm.out, shards: slurm.shards,
            partition: slurm.partition, timeLimit: slurm.time, cpusPerTask: slurm.cpusPerTask,
            executable: slurm.executable)
        let scheduler = SlurmCommands()
        let submission = try await request.submit(to: scheduler)
        try await slurm.report(submission) { try await request.wait(for: submission, on: scheduler, monitor: $0) }
    }
}
