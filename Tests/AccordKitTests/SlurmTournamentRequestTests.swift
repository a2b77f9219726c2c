import AccordKit
import Foundation
import Testing

/// A tournament submitted to a Slurm cluster that a fake stands in for: the scripts written, what is submitted
/// (and skipped when resuming), and how the wait judges the jobs' ends.
@Suite struct SlurmTournamentRequestTests {
    func request(_ scratch: borrowing TournamentScratch, shards: Int = 4) -> SlurmTournamentRequest {
        SlurmTournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), shards: shards, partition: "debug",
            timeLimit: "00:10:00", cpusPerTask: 2, executable: "/opt/it's/accord", pollInterval: .zero)
    }

    @Test func theShardsAreSubmittedAsAnArrayAndTheMergeWaitsForIt() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let submission = try await request(scratch).submit(to: slurm)
        let out = URL(fileURLWithPath: scratch.path("out")).standardizedFileURL.path
        #expect(submission.folder == out)
        #expect(slurm.submissions.map(\.script) == [out + "/accord-shards.sbatch", out + "/accord-merge.sbatch"])
        #expect(slurm.submissions.map(\.options) == [["--array=1-4"], ["--dependency=afterok:100"]])
        #expect(submission.arrayJob == "100" && submission.mergeJob == "101")
        #expect(try scratch.read("out/slurm-jobs.txt") == "array 100\nmerge 101\n")
        #expect(
            submission.description == """
                shards 1-4 of 4: array job 100 (logs \(out)/logs/shard-<k>.out)
                merge: job 101, after array job 100 succeeds (log \(out)/logs/merge.out); results in \(out)/merged
                """)
        let shardScript = try scratch.read("out/accord-shards.sbatch")
        for line in [
            "#SBATCH --output=\(out)/logs/shard-%a.out", "#SBATCH --partition=debug", "#SBATCH --time=00:10:00",
            "#SBATCH --cpus-per-task=2",
            "exec '/opt/it'\\''s/accord' tournament '\(URL(fileURLWithPath: scratch.spec).standardizedFileURL.path)' \\",
            "    --out '\(out)'/shard-\"$k\" --shard \"$k/4\" --jobs \"$SLURM_CPUS_PER_TASK\" --progress lines",
        ] {
            #expect(shardScript.split(separator: "\n").contains(Substring(line)), "\(line)")
        }
        let mergeScript = try scratch.read("out/accord-merge.sbatch")
        #expect(mergeScript.hasSuffix("merge --out '\(out)'/merged '\(out)'/shard-{1..4}\n"))
        #expect(!mergeScript.contains("--cpus-per-task"))
    }

    @Test func resubmittingSkipsCompleteShardsAndResumesTheOthers() async throws {
        let scratch = try TournamentScratch()
        for k in [1, 3] {
            _ = try await TournamentRequest(
                specification: scratch.spec, resultsFolder: scratch.path("out/shard-\(k)"),
                shard: try Shard(index: k, count: 4)
            ).run()
        }
        // Shard 2 stopped after 2 of its 5 negotiations: not complete.
        await #expect(throws: RunCancelled.self) {
            try await TournamentRequest(
                specification: scratch.spec, resultsFolder: scratch.path("out/shard-2"),
                shard: try Shard(index: 2, count: 4), jobs: 1
            ).run(monitor: RecordingMonitor(cancelAfter: 2))
        }
        let slurm = FakeSlurm()
        let submission = try await request(scratch).submit(to: slurm)
        #expect(submission.completeShards == [1, 3] && submission.submittedShards == [2, 4])
        #expect(slurm.submissions.map(\.options) == [["--array=2,4"], ["--dependency=afterok:100"]])
        #expect(submission.description.hasPrefix("shards complete already, skipped: 1,3\nshards 2,4 of 4: array job"))
    }

    @Test func withEveryShardCompleteOnlyTheMergeIsSubmitted() async throws {
        let scratch = try TournamentScratch()
        for k in 1...2 {
            _ = try await TournamentRequest(
                specification: scratch.spec, resultsFolder: scratch.path("out/shard-\(k)"),
                shard: try Shard(index: k, count: 2)
            ).run()
        }
        let slurm = FakeSlurm()
        let submission = try await request(scratch, shards: 2).submit(to: slurm)
        #expect(submission.arrayJob == nil && submission.submittedShards.isEmpty)
        #expect(slurm.submissions.map(\.options) == [[]])
        #expect(try scratch.read("out/slurm-jobs.txt") == "merge 100\n")
        // No array to wait for: the wait looks at the merge only.
        slurm.answer("100", [[FakeSlurm.job("100", "RUNNING")], [FakeSlurm.job("100", "COMPLETED")]])
        try await request(scratch, shards: 2).wait(for: submission, on: slurm)
        #expect(slurm.looks == ["100", "100"])
    }

    @Test func theWaitEndsWhenTheMergeSucceedsAndCountsTheShards() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let submission = try await request(scratch).submit(to: slurm)
        let pending = SlurmJob(id: "100", arrayJobID: "100", arrayTask: nil, state: "PENDING")
        slurm.answer(
            "100",
            [
                [pending],
                [FakeSlurm.task(1, "COMPLETED"), FakeSlurm.task(2, "RUNNING"), pending],
                (1...4).map { FakeSlurm.task($0, "COMPLETED") },
            ])
        slurm.answer(
            "101",
            [[FakeSlurm.job("101", "PENDING")], [FakeSlurm.job("101", "RUNNING")], [FakeSlurm.job("101", "COMPLETED")]])
        let monitor = RecordingMonitor()
        try await request(scratch).wait(for: submission, on: slurm, monitor: monitor)
        #expect(monitor.progress.map(\.done) == [0, 1, 4])
        #expect(monitor.progress.allSatisfy { $0.total == 4 && $0.unit == "shards" })
        // The merge is looked at only once every shard has ended.
        #expect(slurm.looks == ["100", "100", "100", "101", "100", "101", "100", "101"])
        #expect(slurm.cancelled.isEmpty)
    }

    @Test func aFailedShardIsNamedWithItsLogOnceNoTaskRunsAndTheMergeIsCancelled() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let request = request(scratch)
        let submission = try await request.submit(to: slurm)
        slurm.answer(
            "100",
            [
                [FakeSlurm.task(1, "COMPLETED"), FakeSlurm.task(2, "FAILED", exit: 1), FakeSlurm.task(3, "RUNNING")],
                [
                    FakeSlurm.task(1, "COMPLETED"), FakeSlurm.task(2, "FAILED", exit: 1),
                    FakeSlurm.task(3, "CANCELLED"), FakeSlurm.task(4, "COMPLETED"),
                ],
            ])
        let out = submission.folder
        await #expect {
            try await request.wait(for: submission, on: slurm)
        } throws: { error in
            (error as? SlurmFailure)?.sentence
                == "shard 2 (FAILED, exit status 1; log \(out)/logs/shard-2.out), shard 3 (CANCELLED; log "
                + "\(out)/logs/shard-3.out) failed, so the merge did not run; submit the same command again to "
                + "resume the failed shards."
        }
        #expect(slurm.cancelled == ["101"])
        #expect(slurm.looks == ["100", "100"])
    }

    @Test func aFailedMergeIsNamedWithItsLog() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        let request = request(scratch)
        let submission = try await request.submit(to: slurm)
        slurm.answer("100", [(1...4).map { FakeSlurm.task($0, "COMPLETED") }])
        slurm.answer("101", [[FakeSlurm.job("101", "FAILED", exit: 2)]])
        await #expect {
            try await request.wait(for: submission, on: slurm)
        } throws: { error in
            guard let failure = error as? SlurmFailure else { return false }
            return failure.exitStatus == .failure
                && failure.sentence
                    == "the merge job 101 failed (FAILED, exit status 2); its log is \(submission.folder)/logs/merge.out."
        }
    }

    @Test func aRunningEarlierSubmissionIsRefusedAndItsWaitingMergeCancelled() async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        _ = try await request(scratch).submit(to: slurm)
        slurm.answer("100", [[FakeSlurm.task(1, "RUNNING")]])
        await #expect {
            try await request(scratch).submit(to: slurm)
        } throws: { error in
            (error as? SlurmFailure)?.exitStatus == .badInput
                && (error as? SlurmFailure)?.sentence.hasPrefix("job 100 of an earlier submission into ") == true
        }
        #expect(slurm.submissions.count == 2)
        // Once the array has ended (a shard failed), the merge that can never start is cancelled and both resubmitted.
        slurm.answer("100", [[FakeSlurm.task(1, "FAILED", exit: 1)]])
        slurm.answer("101", [[SlurmJob(id: "101", state: "PENDING", reason: "DependencyNeverSatisfied")]])
        let again = try await request(scratch).submit(to: slurm)
        #expect(slurm.cancelled == ["101"])
        #expect(again.arrayJob == "102" && again.mergeJob == "103")
    }

    @Test(arguments: [
        (0, "out", "--shards must be at least 1, not 0."),
        (2, "my results", "--out must name a folder without spaces or '%' for Slurm's log paths."),
    ])
    func aBadRequestIsRefusedBeforeAnythingIsSubmitted(shards: Int, folder: String, sentence: String) async throws {
        let scratch = try TournamentScratch()
        let slurm = FakeSlurm()
        var request = request(scratch, shards: shards)
        request.resultsFolder = scratch.path(folder)
        await #expect {
            try await request.submit(to: slurm)
        } throws: { error in
            (error as? RequestError)?.sentence == sentence
        }
        #expect(slurm.submissions.isEmpty)
    }

    @Test func scontrolLinesAreRead() {
        let line =
            "JobId=4 ArrayJobId=1 ArrayTaskId=2 JobName=wrap UserId=root(0) JobState=FAILED Reason=NonZeroExitCode "
            + "Dependency=(null) Requeue=1 ExitCode=1:0 RunTime=00:00:02 Command=(null) StdOut=/tmp/x Power= "
        let job = SlurmJob(scontrolLine: line)
        #expect(
            job
                == SlurmJob(
                    id: "4", arrayJobID: "1", arrayTask: 2, state: "FAILED", exitStatus: 1, reason: "NonZeroExitCode"))
        #expect(job?.hasEnded == true && job?.hasSucceeded == false)
        let pending = SlurmJob(scontrolLine: "JobId=1 ArrayJobId=1 ArrayTaskId=1-3 JobState=PENDING Reason=None")
        #expect(pending?.arrayTask == nil && pending?.hasEnded == false)
        #expect(SlurmJob(scontrolLine: "slurm_load_jobs error: Invalid job id specified") == nil)
    }

    @Test(arguments: [([1, 2, 3, 4], "1-4"), ([2, 4], "2,4"), ([1, 2, 3, 5, 7, 8], "1-3,5,7-8"), ([6], "6")])
    func shardListsAreWrittenAsSlurmArrays(shards: [Int], list: String) {
        #expect(SlurmSubmission.arrayList(shards) == list)
    }
}
