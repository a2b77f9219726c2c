import Foundation

/// Runs an analysis's Monte Carlo draws on a Slurm cluster: writes the batch scripts into the results folder, submits
/// one array task per shard of the draws (`accord analyze … --samples S --shard k/N --counts FOLDER/shard-k.counts.json`)
/// and a merge job that starts when every task has succeeded and writes `merged/analysis.txt` and
/// `merged/analysis.json`, exactly the reports of one unsharded `accord analyze … --samples S` (text and JSON). It can
/// wait for the merge's end.
///
/// Submitting again into the same folder resumes: shards whose counts files are complete and belong to this analysis
/// are skipped, the others run again. The rest is as for a tournament (``SlurmTournamentRequest``): the folder must be
/// on a file system the cluster's nodes share; `logs/shard-k.out`, `logs/merge.out`, `slurm-jobs.txt`.
public struct SlurmAnalysisRequest: Sendable {
    /// The analysis; its ``AnalysisRequest/samples`` must be given, and it cannot write exports or choose a chart.
    public var analysis: AnalysisRequest
    /// The results folder (created if needed).
    public var resultsFolder: String
    /// The number of shards, one array task each.
    public var shards: Int
    /// The partition (`--partition`); nil for the cluster's default.
    public var partition: String?
    /// The time limit of each job (`--time`, such as `04:00:00`); nil for the partition's default.
    public var timeLimit: String?
    /// The CPUs of each array task (`--cpus-per-task`); nil for one. A shard draws on the CPUs it sees.
    public var cpusPerTask: Int?
    /// The `accord` executable the jobs run (an absolute path on the shared file system).
    public var executable: String
    /// How long ``wait(for:on:monitor:)`` pauses between two looks at the jobs.
    public var pollInterval: Duration

    /// Creates a request.
    public init(
        analysis: AnalysisRequest, resultsFolder: String, shards: Int, partition: String? = nil,
        timeLimit: String? = nil, cpusPerTask: Int? = nil, executable: String, pollInterval: Duration = .seconds(1)
    ) {
        self.analysis = analysis
        self.resultsFolder = resultsFolder
        self.shards = shards
        self.partition = partition
        self.timeLimit = timeLimit
        self.cpusPerTask = cpusPerTask
        self.executable = executable
        self.pollInterval = pollInterval
    }

    /// Writes the batch scripts and submits the shards not complete yet and the merge.
    ///
    /// - Throws: ``RequestError`` for a bad option or folder, an analysis without samples, with exports or a chart,
    ///   or a scenario given as text; the scenario's ``ScenarioError``; ``SlurmFailure`` when a Slurm command fails
    ///   or an earlier job is still running; ``IOFailure`` for a file that cannot be written.
    public func submit(to scheduler: some SlurmScheduler) async throws -> SlurmSubmission {
        try await array().submit(to: scheduler)
    }

    /// Waits until the submission's merge job ends, reporting the shards done to `monitor` (unit "shards"); on a
    /// failed shard, cancels the merge and throws, as ``SlurmTournamentRequest/wait(for:on:monitor:)`` does.
    ///
    /// - Throws: ``SlurmFailure`` and `CancellationError` as ``SlurmTournamentRequest/wait(for:on:monitor:)``.
    public func wait(
        for submission: SlurmSubmission, on scheduler: some SlurmScheduler, monitor: any RunMonitor = SilentMonitor()
    ) async throws {
        try await array().wait(for: submission, on: scheduler, monitor: monitor)
    }

    private func array() throws(RequestError) -> SlurmArray<AnalysisShards> {
        try AnalysisShards.checkShardable(analysis, front: "slurm")
        var analysis = analysis
        switch analysis.source {
        case .bundled: break
        case .file(let path): analysis.source = .file(SlurmArray<AnalysisShards>.absolute(path))
        case .geniusFolder(let path): analysis.source = .geniusFolder(SlurmArray<AnalysisShards>.absolute(path))
        case .geniusFiles(let domain, let profiles):
            analysis.source = .geniusFiles(
                domain: SlurmArray<AnalysisShards>.absolute(domain),
                profiles: profiles.map(SlurmArray<AnalysisShards>.absolute))
        case .text: throw RequestError("a scenario given as text cannot be sent to Slurm's jobs: give its file")
        }
        return SlurmArray(
            workload: AnalysisShards(analysis: analysis), resultsFolder: resultsFolder, shards: shards,
            partition: partition, timeLimit: timeLimit, cpusPerTask: cpusPerTask, executable: executable,
            pollInterval: pollInterval)
    }
}
