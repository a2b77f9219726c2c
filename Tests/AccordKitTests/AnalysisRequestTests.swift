import AccordKit
import Foundation
import Synchronization
import Testing

@Suite struct AnalysisRequestTests {
    @Test func theDefaultScenarioHasNoDealAndRussiaBlocks() async throws {
        // Berlin: no package is acceptable to all four; without Russia 543 packages are.
        let result = try await AnalysisRequest().run()
        guard case .analysis(let report) = result.content else {
            Issue.record("expected the full analysis")
            return
        }
        #expect(report.analysis.zone.count == 0)
        let russia = try #require(report.analysis.blocking.first { $0.party == 3 })
        #expect(russia.blocks && russia.zoneCountWithout == 543)
        let json = result.render(.json)
        #expect(json.hasPrefix("{\n  \"accord\": 1,\n"))
        #expect(json.contains("\"zoneCountWithout\": 543"))
        #expect(result.render(.text).contains("Russia"))
    }

    @Test func theSameRequestGivesTheSameBytes() async throws {
        let request = AnalysisRequest(source: .bundled("job-offer"), samples: 300, seed: 9)
        for format in ReportFormat.allCases {
            #expect(try await request.run().render(format) == request.run().render(format))
        }
    }

    @Test func monteCarloReportsProgressInDrawsAndStopsWhenCancelled() async throws {
        let monitor = RecordingMonitor()
        _ = try await AnalysisRequest(samples: 2_500, seed: 3).run(monitor: monitor)
        #expect(monitor.progress.last == RunProgress(done: 2_500, total: 2_500, unit: "draws"))
        #expect(monitor.progress.first == RunProgress(done: 0, total: 2_500, unit: "draws"))
        #expect(monitor.progress.count == 4)  // the start, then chunks of 1,000 draws

        let cancelling = RecordingMonitor(cancelAfter: 1)
        await #expect(throws: RunCancelled.self) {
            try await AnalysisRequest(samples: 50_000, seed: 3, parallelism: 1).run(monitor: cancelling)
        }
        #expect(cancelling.progress.count < 50)
    }

    @Test func everyPackageIsTrackedOnlyOnRequestWithTheSameZoneProbability() async throws {
        let object = { (request: AnalysisRequest) async throws -> [String: Any] in
            let json = try await request.run().render(.json)
            return try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        }
        let tracked = try await object(AnalysisRequest(samples: 2_000, seed: 4))
        let every = try await object(AnalysisRequest(samples: 2_000, seed: 4, tracksEveryPackage: true))
        let zone = try #require(tracked["zoneNonEmptyProbability"] as? [String: Double])
        #expect(zone == every["zoneNonEmptyProbability"] as? [String: Double])
        // Berlin has 1,980 packages, of which 559 cross no red line and suit the parties with certain numbers: all
        // of them are candidates, so the tracked list misses none that is ever in the zone.
        let trackedPackages = try #require(tracked["trackedPackages"] as? [String: Any])
        #expect(trackedPackages["all"] as? Bool == false)
        #expect(trackedPackages["count"] as? Int == 559)
        #expect(trackedPackages["complete"] as? Bool == true)
        #expect((every["trackedPackages"] as? [String: Any])?["count"] as? Int == 1_980)
        #expect((tracked["mostRobust"] as? NSArray)?.count == 10)
        #expect((tracked["mostRobust"] as? NSArray)?.isEqual(every["mostRobust"]) == true)
        // Ukraine's and Russia's numbers are uncertain; the others' verdicts are certain.
        #expect(tracked["uncertainParties"] as? [String] == ["ukraine", "russia"])
    }

    @Test func aRunRecordKeepsTheJSONReport() async throws {
        let request = AnalysisRequest(source: .bundled("job-offer"))
        let (record, output) = await OperationRunner.record(request)
        #expect(record.status == .succeeded)
        #expect(record.operation == .analyze)
        #expect(record.result == output?.render(.json))
        #expect(record.inputFingerprint == ScenarioSource.bundled("job-offer").fingerprint())
        #expect(record.parameters.contains("\"bundled\":\"job-offer\""))
    }

    @Test(
        arguments: [
            (["nosuch"], nil, "--issues: "),
            (
                nil, PartyPair(x: "us", y: "nosuch"),
                "--plot: there is no party 'nosuch'; parties are: us, ukraine, europe, russia."
            ),
        ] as [([String]?, PartyPair?, String)])
    func badRequestsSayWhich(issues: [String]?, plot: PartyPair?, start: String) async {
        await #expect {
            try await AnalysisRequest(issues: issues, plot: plot).run()
        } throws: { error in
            guard let error = error as? RequestError else { return false }
            return error.sentence.hasPrefix(start) && error.exitStatus == .badInput
        }
    }
}

@Suite struct EvaluationRequestTests {
    @Test func aPartialPackageIsCompletedAndJudged() async throws {
        let request = EvaluationRequest(package: try PackageChoice(parsing: "guarantee=article5_like"))
        let text = try await request.run().render(.text)
        // Europe's best completion is 0.516 against its reservation 0.55.
        #expect(text.contains("0 of 396 completions are acceptable to every party"))
        #expect(text.contains("Europe           0.516        0.550  -0.034  rejects: below reservation"))
    }

    @Test(arguments: [
        ("", "--outcome is empty; give issue=option pairs such as guarantee=article5_like."),
        ("guarantee", "--outcome: 'guarantee' is not of the form issue=option."),
        (
            "nosuch=1",
            "--outcome: there is no issue 'nosuch'; issues are: guarantee, territory, army_cap, sanctions, frozen_assets."
        ),
        ("guarantee=none,guarantee=none", "--outcome: issue 'guarantee' is given twice."),
        ("army_cap=5", "--outcome: '5' is not a level of issue 'army_cap'; levels run from 400 to 900."),
    ])
    func badPackagesSayWhy(text: String, sentence: String) async {
        await #expect {
            try await EvaluationRequest(package: try PackageChoice(parsing: text)).run()
        } throws: { error in
            (error as? RequestError)?.sentence == sentence
        }
    }
}
