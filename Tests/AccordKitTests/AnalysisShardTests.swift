import AccordKit
import Foundation
import Testing

/// The Monte Carlo draws of an analysis divided into shards (issue #18): each shard counts its chunks of draws into
/// a file, and the merge of every shard's file is exactly the analysis of one run making every draw, whatever the
/// number of shards; shards that do not make up one analysis are refused with one sentence.
@Suite struct AnalysisShardTests {
    /// Berlin (uncertain reservation values and weights) with 5,500 draws: six chunks, the last one short.
    static func analysis(seed: UInt64 = 7, source: ScenarioSource = .default) -> AnalysisRequest {
        AnalysisRequest(source: source, samples: 5_500, seed: seed)
    }

    static func shardFiles(_ request: AnalysisRequest, count: Int, in scratch: ScratchFolder) async throws -> [String] {
        var files: [String] = []
        for index in 1...count {
            let path = scratch.path + "/shard-\(index).json"
            let file = try await AnalysisShardRequest(
                analysis: request, shard: try Shard(index: index, count: count), countsFile: path
            ).run()
            #expect(file.counts.draws == AcceptanceCounts.draws(of: file.counts.slice, samples: 5_500))
            files.append(path)
        }
        return files
    }

    @Test(arguments: [1, 2, 3, 7])
    func theMergeOfEveryShardIsTheUnshardedAnalysis(_ shards: Int) async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let whole = try await Self.analysis().run()
        let files = try await Self.shardFiles(Self.analysis(), count: shards, in: scratch)
        let merged = try await AnalysisMergeRequest(countsFiles: files.reversed()).run()
        #expect(merged.render(.json) == whole.render(.json))
        #expect(merged.render(.text) == whole.render(.text))
        guard case .analysis(let report) = merged.content else {
            Issue.record("the merge is not an analysis")
            return
        }
        #expect(report.acceptance?.samples == 5_500)
    }

    @Test func shardsThatDoNotMakeUpOneAnalysisAreRefused() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let files = try await Self.shardFiles(Self.analysis(), count: 3, in: scratch)
        let missing = await #expect(throws: AnalysisError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: Array(files.prefix(2))).run()
        }
        #expect(missing?.description.contains("shard 3/3 is missing") == true)
        await #expect(throws: AnalysisError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: files + [files[0]]).run()
        }
        let other = try await AnalysisShardRequest(
            analysis: Self.analysis(seed: 8), shard: try Shard(index: 3, count: 3),
            countsFile: scratch.path + "/other.json"
        ).run()
        #expect(other.counts.seed == 8)
        let mixed = await #expect(throws: RequestError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: Array(files.prefix(2)) + [scratch.path + "/other.json"])
                .run()
        }
        #expect(mixed?.description.contains("another analysis") == true)
        // A count edited out of range (more successes than draws) is refused, not turned into a probability above 1.
        let edited = try String(contentsOfFile: files[0], encoding: .utf8).replacing(
            /"zoneNonEmpty": [0-9]+/, with: "\"zoneNonEmpty\": 99999999")
        #expect(edited.contains("99999999"))
        _ = try scratch.file("shard-1.json", edited)
        let outOfRange = await #expect(throws: AnalysisError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: files).run()
        }
        #expect(outOfRange?.description.contains("has a count outside 0…") == true)
        let notCounts = try scratch.file("notes.json", "{\"accord\": 1}")
        let wrong = await #expect(throws: RequestError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: [notCounts]).run()
        }
        #expect(wrong?.description.contains("is not the counts file of a shard") == true)
    }

    @Test func aScenarioChangedSinceTheShardsRanIsRefused() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let text = try String(contentsOfFile: try ScenarioLoader.bundledPath("berlin-2025"), encoding: .utf8)
        let scenario = try scratch.file("berlin.yaml", text)
        let files = try await Self.shardFiles(Self.analysis(source: .file(scenario)), count: 2, in: scratch)
        _ = try await AnalysisMergeRequest(countsFiles: files).run()
        _ = try scratch.file("berlin.yaml", text + "\n# edited\n")
        let changed = await #expect(throws: RequestError.self) {
            _ = try await AnalysisMergeRequest(countsFiles: files).run()
        }
        #expect(changed?.description.contains("has changed since the shard ran") == true)
    }

    @Test func aShardNeedsItsNumberOfDraws() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let error = await #expect(throws: RequestError.self) {
            _ = try await AnalysisShardRequest(
                analysis: AnalysisRequest(), shard: try Shard(index: 1, count: 2), countsFile: scratch.path + "/x.json"
            ).run()
        }
        #expect(error?.description.contains("--samples") == true)
    }
}
