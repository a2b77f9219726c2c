import Foundation

/// An analysis's Monte Carlo draws in shards: array task k runs `accord analyze … --shard k/N --counts
/// FOLDER/shard-k.counts.json`, and the merge writes `merged/analysis.txt` and `merged/analysis.json`, the reports
/// of one unsharded run (`accord analyze …` and `… --format json`). A shard's counts file is written whole, so a
/// shard is complete when its file reads and belongs to this analysis; an incomplete shard runs again from its start.
struct AnalysisShards: SlurmWorkload {
    /// The analysis, its scenario named by absolute path.
    let analysis: AnalysisRequest

    var command: String { "analyze" }

    /// Refuses an analysis that cannot be sharded by `accord <front> analyze` (`slurm`, `kubernetes`): one without
    /// samples, or with exports or a chart, which a merge of text and JSON reports cannot give.
    static func checkShardable(_ analysis: AnalysisRequest, front: String) throws(RequestError) {
        guard analysis.samples != nil else {
            throw RequestError("accord \(front) analyze divides Monte Carlo draws: give their number with --samples")
        }
        guard analysis.exportZone == nil, analysis.exportFrontier == nil, analysis.plot == nil else {
            throw RequestError(
                "accord \(front) analyze writes text and JSON reports: run accord analyze for exports or charts")
        }
    }

    /// The shard's counts file.
    static func countsFile(_ k: String, in folder: String) -> String { folder + "/shard-\(k).counts.json" }

    func completeShards(in folder: String, of shards: Int) throws -> Set<Int> {
        _ = try analysis.scenario()  // a scenario that does not read fails before any folder is made
        let fingerprint = analysis.source.fingerprint()
        var complete: Set<Int> = []
        for k in 1...shards {
            guard let file = try? AnalysisShardFile(path: Self.countsFile(String(k), in: folder)) else { continue }
            if file.request == analysis.parameters, file.scenarioFingerprint == fingerprint,
                file.counts.slice == DrawSlice(index: k, count: shards)
            {
                complete.insert(k)
            }
        }
        return complete
    }

    func shardLines(executable: String, folder: String, shards: Int, jobs: String) -> String {
        let arguments = ((try? analysis.analyzeArguments()) ?? []).map(SlurmBatchScripts.quoted)
        return "exec \(SlurmBatchScripts.quoted(executable)) \(arguments.joined(separator: " ")) \\\n"
            + "    --shard \"$k/\(shards)\" --counts \(SlurmBatchScripts.quoted(folder))/shard-\"$k\".counts.json\n"
    }

    func mergeLines(executable: String, folder: String, shards: Int) -> String {
        let quoted = SlurmBatchScripts.quoted
        let merge = "\(quoted(executable)) merge \(quoted(folder))/shard-{1..\(shards)}.counts.json"
        return """
            mkdir -p \(quoted(folder))/merged
            \(merge) --output \(quoted(folder))/merged/analysis.txt
            exec \(merge) --format json --output \(quoted(folder))/merged/analysis.json

            """
    }

    func mergeIsComplete(in folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/merged/analysis.json")
    }
}
