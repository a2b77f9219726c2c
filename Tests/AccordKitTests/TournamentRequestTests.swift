import AccordKit
import Foundation
import Testing

/// A tournament run, resumed, sharded, merged and cancelled in this process, through AccordKit alone.
@Suite struct TournamentRequestTests {
    static let resultFiles = [
        "negotiations.csv", "negotiations.jsonl", "genius-log.csv", "summary.json", "summary.md", "summary.html",
        "summary.txt",
    ]

    @Test func aRunWritesTheResultFilesAndReportsEachNegotiation() async throws {
        let scratch = try TournamentScratch()
        let monitor = RecordingMonitor()
        let request = TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("out"), jobs: 2)
        let result = try await request.run(monitor: monitor)
        #expect(result.records.map(\.id) == Array(0..<TournamentScratch.negotiations))
        for file in Self.resultFiles { #expect(FileManager.default.fileExists(atPath: scratch.path("out/" + file))) }
        #expect(try result.render(.text) == scratch.read("out/summary.txt"))
        #expect(try result.render(.json) == scratch.read("out/summary.json"))
        #expect(try scratch.read("out/negotiations.csv").split(separator: "\n").count == 19)
        // The starting point (nothing recorded yet), then one event per negotiation.
        let total = TournamentScratch.negotiations
        #expect(monitor.progress == (0...total).map { RunProgress(done: $0, total: total, unit: "negotiations") })
    }

    @Test func aSecondRunResumesAndPlaysNothingAgain() async throws {
        let scratch = try TournamentScratch()
        let request = TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("out"))
        let first = try await request.run()
        let log = try scratch.read("out/progress.jsonl")
        let monitor = RecordingMonitor()
        let second = try await request.run(monitor: monitor)
        #expect(try scratch.read("out/progress.jsonl") == log)  // not one negotiation started again
        #expect(monitor.progress == [RunProgress(done: 18, total: 18, unit: "negotiations")])
        #expect(second.render(.json) == first.render(.json))
    }

    @Test func mergedShardsEqualTheWholeRunByteForByte() async throws {
        let scratch = try TournamentScratch()
        let whole = try await TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("whole")).run()
        var shards: [String] = []
        for index in 1...3 {
            let folder = scratch.path("shard\(index)")
            let shard = try Shard(index: index, count: 3)
            let part = try await TournamentRequest(specification: scratch.spec, resultsFolder: folder, shard: shard)
                .run()
            #expect(part.records.count == 6)
            #expect(part.records.allSatisfy { shard.contains($0.id) })
            shards.append(folder)
        }
        let merged = try await MergeRequest(shards: shards, resultsFolder: scratch.path("merged")).run()
        #expect(merged.render(.text) == whole.render(.text))
        #expect(merged.records == whole.records.map { record in withSeconds(of: merged, record) })
        for file in Self.resultFiles where file != "genius-log.csv" {
            #expect(try scratch.read("merged/" + file) == scratch.read("whole/" + file), "\(file)")
        }
    }

    /// The merged record of `record`'s negotiation keeps its shard's wall-clock time, the one field that differs.
    private func withSeconds(of merged: TournamentResult, _ record: NegotiationRecord) -> NegotiationRecord {
        var record = record
        record.seconds = merged.records[record.id].seconds
        return record
    }

    @Test func aFolderOfAnotherTournamentOrShardIsRefused() async throws {
        let scratch = try TournamentScratch()
        let out = scratch.path("out")
        _ = try await TournamentRequest(specification: scratch.spec, resultsFolder: out).run()
        let summary = try scratch.read("out/summary.json")
        let other = try scratch.file(
            "other.yaml", TournamentScratch.specification.replacingOccurrences(of: "seed: 5", with: "seed: 6"))
        await #expect {
            try await TournamentRequest(specification: other, resultsFolder: out).run()
        } throws: { error in
            let sentence = (error as? RequestError)?.sentence ?? ""
            return sentence.hasPrefix("\(out) holds the results of another tournament (fingerprint ")
                && sentence.hasSuffix("); choose another --out folder, nothing was overwritten.")
        }
        #expect(try scratch.read("out/summary.json") == summary)
        await #expect(
            throws: RequestError(
                "\(out) holds shard 1/1 of this tournament, not 1/2; give each shard its own --out folder")
        ) {
            try await TournamentRequest(
                specification: scratch.spec, resultsFolder: out, shard: Shard(index: 1, count: 2)
            )
            .run()
        }
    }

    @Test func cancellingThroughTheMonitorStopsTheRunAndKeepsWhatItRecorded() async throws {
        let scratch = try TournamentScratch()
        let out = scratch.path("out")
        let monitor = RecordingMonitor(cancelAfter: 3)
        let request = TournamentRequest(specification: scratch.spec, resultsFolder: out, jobs: 1)
        let (record, output) = await OperationRunner.record(request, monitor: monitor)
        #expect(output == nil)
        #expect(record.status == .cancelled)
        #expect(record.error == RunCancelled().sentence)
        #expect(monitor.progress.map(\.done) == [0, 1, 2, 3])
        // One negotiation at a time: the run stopped right after the third, which the log keeps.
        #expect(try scratch.recordCount("out") == 3)
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.json"))
        let resumed = RecordingMonitor()
        let result = try await request.run(monitor: resumed)
        #expect(resumed.progress.first == RunProgress(done: 3, total: 18, unit: "negotiations"))
        let reference = try await TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("ref"))
            .run()
        #expect(result.render(.json) == reference.render(.json))
    }

    @Test func jobsBelowOneIsABadRequest() async throws {
        let scratch = try TournamentScratch()
        await #expect(throws: RequestError("--jobs must be at least 1, not 0")) {
            try await TournamentRequest(specification: scratch.spec, resultsFolder: scratch.path("out"), jobs: 0).run()
        }
        #expect(!FileManager.default.fileExists(atPath: scratch.path("out")))
    }
}
