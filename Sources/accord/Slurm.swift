import AccordKit
import ArgumentParser
import Foundation

/// `accord slurm`: long operations as Slurm jobs (docs/scale-out.md).
struct Slurm: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a tournament as a Slurm job array and a dependent merge job.",
        subcommands: [SlurmTournament.self])
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

    @Option(help: ArgumentHelp("The results folder (created if needed).", valueName: "folder"))
    var out: String

    @Option(help: "The number of shards (array tasks).")
    var shards: Int

    @Option(help: "The Slurm partition (default: the cluster's).") var partition: String?
    @Option(help: "The time limit of each job (default: the partition's).") var time: String?

    @Option(help: "CPUs per array task, each playing one negotiation at a time (default: 1).")
    var cpusPerTask: Int?

    @Flag(help: "Wait for the merge job and exit with its outcome.")
    var wait = false

    @OptionGroup var progress: ProgressOptions

    func run() async throws {
        let executable = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        let request = SlurmTournamentRequest(
            specification: specification, resultsFolder: out, shards: shards, partition: partition, timeLimit: time,
            cpusPerTask: cpusPerTask, executable: executable.path)
        let scheduler = SlurmCommands()
        let submission = try await request.submit(to: scheduler)
        emit(submission.description + "\n")
        guard wait else { return }
        let display = progress.display()
        defer { display.finish() }
        try await request.wait(for: submission, on: scheduler, monitor: display)
        emit("the merge job \(submission.mergeJob) completed; the results are in \(submission.mergedFolder)\n")
    }
}
