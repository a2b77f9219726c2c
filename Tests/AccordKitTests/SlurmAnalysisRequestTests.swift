import AccordKit
import Foundation
import Testing

/// An analysis's Monte Carlo draws submitted to a Slurm cluster that a fake stands in for: the scripts, the command
/// line each shard runs, what resuming skips, and what is refused.
@Suite struct SlurmAnalysisRequestTests {
    static let analysis = AnalysisRequest(source: .bundled("berlin-2025"), samples: 400, seed: 3)

    func request(_ scratch: borrowing TournamentScratch, shards: Int = 4, analysis: AnalysisRequest = analysis)
        -> SlurmAnalysisRequest
    {
        SlurmAnalysisRequest(
            analysis: analysis, resultsFolder: scratch.path("out"), shards: shards, timeLimit: "00:05:00",
            executable: "/opt/accord", pollInterval: .zero)
    }

    @Test func theShardsRunAccordAnalyzeWithTheirCountsFilesAndTheMergeWritesTextAndJSON() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let submission = try await request(scratch).submit(to: slurm)
        let out = submission.folder
        #expect(slurm.submissions.map(\.options) == [["--array=1-4"], ["--dependency=afterok:100"]])
        let shardScript = try scratch.read("out/accord-shards.sbatch")
        #expect(shardScript.contains("# Written by accord slurm analyze.\n"))
        #expect(shardScript.contains("#SBATCH --time=00:05:00\n"))
        #expect(
            shardScript.hasSuffix(
                """
                k=$SLURM_ARRAY_TASK_ID
                exec '/opt/accord' 'analyze' 'berlin-2025' '--samples' '400' '--seed' '3' \\
                    --shard "$k/4" --counts '\(out)'/shard-"$k".counts.json

                """))
        let mergeScript = try scratch.read("out/accord-merge.sbatch")
        #expect(
            mergeScript.hasSuffix(
                """
                mkdir -p '\(out)'/merged
                '/opt/accord' merge '\(out)'/shard-{1..4}.counts.json --output '\(out)'/merged/analysis.txt
                exec '/opt/accord' merge '\(out)'/shard-{1..4}.counts.json --format json --output '\(out)'/merged/analysis.json

                """))
    }

    @Test func everyOptionOfTheAnalysisIsOnTheShardsCommandLine() throws {
        let request = AnalysisRequest(
            source: .file("scenarios/x y.yaml"), issues: ["a", "b"], maxOutcomes: 9, round: 2, date: "2026-01-31",
            diagnosticsLimit: 5, sensitivityLimit: 0, limit: 3, samples: 10, seed: 1, parity: true,
            tracksEveryPackage: true)
        let folder = FileManager.default.currentDirectoryPath
        #expect(
            try request.analyzeArguments() == [
                "analyze", URL(fileURLWithPath: folder + "/scenarios/x y.yaml").standardizedFileURL.path, "--issues",
                "a,b", "--max-outcomes", "9", "--round", "2", "--date", "2026-01-31", "--diagnostics-limit", "5",
                "--sensitivity-limit", "0", "--limit", "3", "--samples", "10", "--parity", "--all-packages",
            ])
        let genius = AnalysisRequest(source: .geniusFiles(domain: "/d.xml", profiles: ["/a.xml", "/b.xml"]))
        #expect(
            try genius.analyzeArguments() == [
                "analyze", "--domain", "/d.xml", "--profile", "/a.xml", "--profile", "/b.xml",
            ])
    }

    @Test func resubmittingSkipsTheShardsWhoseCountsBelongToThisAnalysis() async throws {
        let scratch = try TournamentScratch()
        try FileManager.default.createDirectory(atPath: scratch.path("out"), withIntermediateDirectories: true)
        for k in [1, 3] {
            _ = try await AnalysisShardRequest(
                analysis: Self.analysis, shard: try Shard(index: k, count: 4),
                countsFile: scratch.path("out/shard-\(k).counts.json")
            ).run()
        }
        // Shard 2's file comes from another seed, shard 4's is cut short: both run again.
        var other = Self.analysis
        other.seed = 4
        _ = try await AnalysisShardRequest(
            analysis: other, shard: try Shard(index: 2, count: 4), countsFile: scratch.path("out/shard-2.counts.json")
        ).run()
        _ = try scratch.file("out/shard-4.counts.json", "{\"kind\": \"acceptance-shard\"")
        let slurm = FakeSlurm()
        let submission = try await request(scratch).submit(to: slurm)
        #expect(submission.completeShards == [1, 3] && submission.submittedShards == [2, 4])
        #expect(slurm.submissions.map(\.options) == [["--array=2,4"], ["--dependency=afterok:100"]])
        // Of three shards the files of four are not complete.
        let three = try await request(scratch, shards: 3).submit(to: FakeSlurm())
        #expect(three.completeShards.isEmpty)
    }

    @Test func aMergeTheClusterHasForgottenCountsWhenItsJSONReportIsThere() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let request = request(scratch, shards: 1)
        let submission = try await request.submit(to: slurm)
        slurm.answer("100", [[FakeSlurm.task(1, "COMPLETED")]])
        await #expect(throws: SlurmFailure.self) { try await request.wait(for: submission, on: slurm) }
        try FileManager.default.createDirectory(atPath: scratch.path("out/merged"), withIntermediateDirectories: true)
        _ = try scratch.file("out/merged/analysis.json", "{}")
        try await request.wait(for: submission, on: slurm)
    }

    @Test(arguments: [
        (
            AnalysisRequest(source: .bundled("berlin-2025")),
            "accord slurm analyze divides Monte Carlo draws: give their number with --samples."
        ),
        (
            AnalysisRequest(source: .text("x", file: "x.yaml"), samples: 10),
            "a scenario given as text cannot be sent to Slurm's jobs: give its file."
        ),
        (
            AnalysisRequest(source: .bundled("berlin-2025"), exportZone: "zone.csv", samples: 10),
            "accord slurm analyze writes text and JSON reports: run accord analyze for exports or charts."
        ),
        (
            AnalysisRequest(source: .bundled("no-such-scenario"), samples: 10),
            "there is no bundled scenario named 'no-such-scenario'"
        ),
    ])
    func aBadAnalysisIsRefusedBeforeAnythingIsWritten(analysis: AnalysisRequest, sentence: String) async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        await #expect {
            try await request(scratch, analysis: analysis).submit(to: slurm)
        } throws: { error in
            (error as? any AccordError)?.sentence.hasPrefix(sentence) == true
        }
        #expect(slurm.submissions.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }
}
