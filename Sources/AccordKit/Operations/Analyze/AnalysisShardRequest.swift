import Foundation

/// One shard of an analysis's Monte Carlo draws (`accord analyze --samples N --shard k/n --counts FILE`): the draws
/// of the chunks of ``AcceptanceOptions/chunkSize`` whose number modulo n is k − 1, each from its own stream of the
/// seed, counted and written to ``countsFile`` (``AnalysisShardFile``). ``AnalysisMergeRequest`` turns the files of
/// every shard into exactly the analysis of one run making every draw. The exact analysis runs in every shard (it
/// decides which packages are tracked); only the draws are divided.
public struct AnalysisShardRequest: Sendable {
    /// The analysis the shard belongs to (its ``AnalysisRequest/samples`` must be given).
    public var analysis: AnalysisRequest
    /// The shard.
    public var shard: Shard
    /// The file the counts go to (written whole, through a temporary file).
    public var countsFile: String

    /// Creates the request.
    public init(analysis: AnalysisRequest, shard: Shard, countsFile: String) {
        self.analysis = analysis
        self.shard = shard
        self.countsFile = countsFile
    }

    /// Makes the shard's draws and writes their counts; returns what it wrote.
    ///
    /// - Throws: ``RequestError`` without `samples` or for a scenario given as text, the analysis's errors, and
    ///   ``IOFailure`` when the file cannot be written.
    public func run(monitor: any RunMonitor = SilentMonitor()) async throws -> AnalysisShardFile {
        guard analysis.samples != nil else {
            throw RequestError("--shard divides Monte Carlo draws: give their number with --samples")
        }
        if case .text = analysis.source { throw RequestError("a scenario given as text cannot be sharded") }
        guard let slice = DrawSlice(index: shard.index, count: shard.count) else {
            throw RequestError("--shard \(shard) is not a shard")
        }
        let counts = try await analysis.acceptanceCounts(slice: slice, monitor: monitor)
        let file = AnalysisShardFile(
            request: analysis.parameters, scenarioFingerprint: analysis.source.fingerprint(), counts: counts)
        let url = URL(fileURLWithPath: countsFile)
        do {
            try Data((file.json.serialized() + "\n").utf8).write(to: url, options: .atomic)
        } catch {
            throw IOFailure("cannot write '\(Echo.cut(countsFile))'", error: error)
        }
        return file
    }

    /// The line `accord analyze --shard` prints.
    public static func summary(_ file: AnalysisShardFile, path: String) -> String {
        "Shard \(file.counts.slice): \(formatCount(Double(file.counts.draws))) of \(formatCount(Double(file.counts.samples))) "
            + "draws (seed \(file.counts.seed)) counted in \(path); accord merge combines the shards' files."
    }
}
