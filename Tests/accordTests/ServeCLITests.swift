import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite(.serialized) struct ServeCLITests {
    static func scratchDatabase() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-serve-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("accord.sqlite").path
    }

    static func id(in body: String) -> String? {
        body.firstMatch(of: /"id": "([0-9a-f-]+)"/).map { String($0.output.1) }
    }

    @Test func serveListensOnLoopbackPrintsItsURLAndStopsOnSIGTERM() async throws {
        let server = try ServerProcess(arguments: ["--database", try Self.scratchDatabase()])
        #expect(server.url.absoluteString.hasPrefix("http://127.0.0.1:"))
        let health = try await server.request("GET", "/health")
        #expect(health.status == 200)
        #expect(health.body.contains(#""status": "ok""#))
        server.kill(SIGTERM)
        #expect(server.process.terminationReason == .exit)
        #expect(server.process.terminationStatus == 0)
    }

    @Test func anotherHostWithoutATokenIsRefused() throws {
        let run = try AccordTool.run(["serve", "--host", "0.0.0.0", "--port", "0"], timeout: .seconds(30))
        #expect(run.status == 2)
        #expect(run.stderrLines.count == 1)
        #expect(run.stderr.contains("give an access token with --token-file or ACCORD_TOKEN"))
    }

    /// Item 5 of the server issue: a server killed with SIGKILL under load loses no acknowledged run, marks the
    /// runs it cut off as interrupted and starts again cleanly on the same database.
    @Test func aServerKilledUnderLoadLosesNoAcknowledgedRun() async throws {
        let database = try Self.scratchDatabase()
        let server = try ServerProcess(arguments: ["--database", database])
        let long = try await server.request(
            "POST", "/api/v1/simulations",
            body: #"{"scenario": "job-offer", "agents": "candidate=hardliner,employer=hardliner", "rounds": 100000000}"#
        )
        #expect(long.status == 202)
        let longID = try #require(Self.id(in: long.body))
        let acknowledged = AcknowledgedRuns()
        let stop = Date().addingTimeInterval(2)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    while Date() < stop {
                        guard
                            let reply = try? await server.request(
                                "POST", "/api/v1/scenarios/job-offer/analyses", body: #"{"sensitivityLimit": 0}"#),
                            reply.status == 201, let id = Self.id(in: reply.body)
                        else { continue }
                        acknowledged.ids.withLock { $0.append(id) }
                    }
                }
            }
            group.addTask {
                try await Task.sleep(for: .milliseconds(1_500))
                server.kill(SIGKILL)
            }
            try await group.waitForAll()
        }
        #expect(server.process.terminationReason == .uncaughtSignal)
        let ids = acknowledged.ids.withLock { $0 }
        #expect(ids.count > 0)

        let restarted = try ServerProcess(arguments: ["--database", database])
        #expect(try await restarted.request("GET", "/health").status == 200)
        for id in ids {
            let run = try await restarted.request("GET", "/api/v1/runs/\(id)")
            #expect(run.status == 200, "acknowledged run \(id) was lost")
            #expect(run.body.contains(#""status": "succeeded""#))
        }
        let cut = try await restarted.request("GET", "/api/v1/runs/\(longID)")
        #expect(cut.body.contains(#""status": "interrupted""#))
        #expect(try await restarted.request("POST", "/api/v1/scenarios/job-offer/analyses", body: "{}").status == 201)
        restarted.kill(SIGTERM)
    }
}

/// The ids of runs the server acknowledged, collected from concurrent tasks.
final class AcknowledgedRuns: Sendable {
    let ids = Mutex<[String]>([])
}
