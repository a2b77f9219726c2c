import AccordKit
import Foundation
import Testing

/// A supervised tournament through AccordKit, with shell commands standing in for the worker: one that appends the
/// records of a finished run to the progress log, one that crashes first, and ones that fail.
@Suite struct TournamentSupervisorTests {
    /// A worker that runs `script` with `sh`.
    func shell(_ script: String) -> TournamentIsolation {
        .supervised(TournamentWorker(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script]))
    }

    /// A finished in-process run in `reference`, whose progress log a fake worker copies.
    func reference(_ scratch: borrowing TournamentScratch) async throws -> TournamentResult {
        try await TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("reference")).run()
    }

    @Test func theSupervisorReportsTheWorkersRecordsAndReadsItsResult() async throws {
        let scratch = try TournamentScratch()
        let expected = try await reference(scratch)
        let copy = "cat '\(scratch.path("reference/progress.jsonl"))' >> '\(scratch.path("out/progress.jsonl"))'"
        let monitor = RecordingMonitor()
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: shell(copy))
        let result = try await request.run(monitor: monitor)
        #expect(result.render(.text) == expected.render(.text))
        #expect(monitor.progress.first == RunProgress(done: 0, total: 18, unit: "negotiations"))
        #expect(monitor.progress.last == RunProgress(done: 18, total: 18, unit: "negotiations"))
        #expect(monitor.notes.isEmpty)
    }

    @Test func aCrashedWorkerIsStartedAgain() async throws {
        let scratch = try TournamentScratch()
        _ = try await reference(scratch)
        let marker = scratch.path("crashed-once")
        let script = """
            if [ -e '\(marker)' ]; then cat '\(scratch.path("reference/progress.jsonl"))' >> \
            '\(scratch.path("out/progress.jsonl"))'; else touch '\(marker)'; kill -SEGV $$; fi
            """
        let monitor = RecordingMonitor()
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: shell(script))
        let result = try await request.run(monitor: monitor)
        #expect(result.records.count == 18)
        #expect(monitor.notes == ["the tournament worker crashed (signal \(SIGSEGV)); restarting it."])
    }

    @Test(arguments: [
        ("exit 3", TournamentWorkerFailure.exited(status: 3), AccordKit.ExitStatus.failure),
        ("exit 2", .exited(status: 2), .badInput),
        ("exit 0", .unfinished, .failure),
    ])
    func aWorkerThatFailsEndsTheRun(
        script: String, failure: TournamentWorkerFailure, status: AccordKit.ExitStatus
    ) async throws {
        let scratch = try TournamentScratch()
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: shell(script))
        await #expect(throws: failure) { try await request.run() }
        #expect(failure.exitStatus == status)
    }

    @Test func aWorkerInterruptedOnItsOwnEndsTheRunAsInterrupted() async throws {
        let scratch = try TournamentScratch()
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: shell("exit 130"))
        await #expect(throws: TournamentInterrupted()) { try await request.run() }
        #expect(
            TournamentInterrupted().sentence
                == "interrupted; run the same command again to continue where it stopped.")
        #expect(TournamentInterrupted().exitStatus == .interrupted)
    }

    /// A worker that fails at once, before recording anything, is given up after three tries in a row, not 100.
    @Test func aWorkerFailingTheSameWayAtOnceIsGivenUpAfterThreeTries() async throws {
        let scratch = try TournamentScratch()
        let count = scratch.path("starts")
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"),
            isolation: shell("echo x >> '\(count)'; kill -SEGV $$"))
        await #expect(throws: TournamentWorkerFailure.gaveUp(restarts: 3)) { try await request.run() }
        #expect(try String(contentsOfFile: count, encoding: .utf8) == "x\nx\nx\n")
    }

    /// A second run on a results folder that a run is writing is refused with a sentence naming the first.
    @Test func aSecondRunOnTheSameFolderIsRefused() async throws {
        let scratch = try TournamentScratch()
        // The first run's worker waits until the test has tried the second run, and tells when it has started.
        let started = scratch.path("started")
        let release = scratch.path("release")
        let wait =
            "touch '\(started)'; i=0; while [ ! -e '\(release)' ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i+1)); done"
        let first = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: shell(wait))
        let running = Task { try? await first.run() }
        defer { running.cancel() }
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: started) {
            try await Task.sleep(for: .milliseconds(50))
        }
        let second = TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("out"))
        let error = try await #require(throws: RequestError.self) { try await second.run() }
        #expect(
            error.sentence
                == "\(scratch.path("out")) is being written by another run (process \(getpid())); wait for it to end, "
                + "or choose another --out folder.")
        _ = FileManager.default.createFile(atPath: release, contents: nil)
        _ = await running.value
        // Once the first has ended, the folder is free again.
        _ = try await second.run()
    }

    @Test func aWorkerThatCannotStartIsAFailedRun() async throws {
        let scratch = try TournamentScratch()
        let missing = scratch.path("no-such-program")
        let worker = TournamentWorker(executable: URL(fileURLWithPath: missing), arguments: [])
        let request = TournamentRequest(
            specification: scratch.spec, resultsFolder: scratch.path("out"), isolation: .supervised(worker))
        await #expect {
            try await request.run()
        } throws: { error in
            guard case .cannotStart(let executable, _) = error as? TournamentWorkerFailure else { return false }
            return executable == missing && (error as? TournamentWorkerFailure)?.exitStatus == .failure
        }
    }
}
