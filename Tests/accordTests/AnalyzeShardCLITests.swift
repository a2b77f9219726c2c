import Foundation
import Testing

/// `accord analyze --shard k/n --counts FILE` and `accord merge FILE…` (issue #18): the merged report is byte for
/// byte the unsharded one; misuse is one sentence and exit 2.
@Suite struct AnalyzeShardCLITests {
    @Test func threeShardsMergeIntoTheUnshardedReport() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var files: [String] = []
        for k in 1...3 {
            let file = scratch.url.appendingPathComponent("shard-\(k).json").path
            let run = try AccordTool.run([
                "analyze", "--samples", "2500", "--seed", "9", "--shard", "\(k)/3", "--counts", file,
            ])
            #expect(run.status == 0, "\(run)")
            #expect(run.stdout.hasPrefix("Shard \(k)/3: "))
            files.append(file)
        }
        let whole = try AccordTool.run(["analyze", "--samples", "2500", "--seed", "9", "--format", "json"])
        let merged = try AccordTool.run(["merge"] + files + ["--format", "json"])
        #expect(merged.status == 0, "\(merged)")
        #expect(merged.stdout == whole.stdout)
        let missing = try AccordTool.run(["merge", files[0], files[2]])
        #expect(missing.status == 2)
        #expect(
            missing.stderrLines == ["accord: the shards' counts do not make up one analysis: shard 2/3 is missing."])
    }

    @Test func shardOptionsAreCheckedBeforeAnyWork() throws {
        let alone = try AccordTool.run(["analyze", "--samples", "10", "--shard", "1/2"])
        #expect(alone.status == 2 && alone.stderr.contains("--shard and --counts go together"))
        let bad = try AccordTool.run(["analyze", "--samples", "10", "--shard", "3/2", "--counts", "/tmp/x.json"])
        #expect(bad.status == 2 && bad.stderr.contains("bad shard '3/2'"))
        let noDraws = try AccordTool.run(["analyze", "job-offer", "--shard", "1/2", "--counts", "/tmp/accord-x.json"])
        #expect(noDraws.status == 2 && noDraws.stderr.contains("give their number with --samples"), "\(noDraws)")
        let noOut = try AccordTool.run(["merge", NSTemporaryDirectory()])
        #expect(noOut.status == 2 && noOut.stderr.contains("--out names the merged results folder"))
    }
}
