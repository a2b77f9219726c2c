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

    /// An open event stream (a room's, which follows until the room ends) does not keep the server from stopping.
    @Test func aServerWithAnOpenEventStreamStopsOnSIGTERM() async throws {
        let server = try ServerProcess(arguments: ["--database", try Self.scratchDatabase()])
        let created = try await server.request("POST", "/api/v1/rooms", body: #"{"scenarioId": "job-offer"}"#)
        #expect(created.status == 201)
        let room = try #require(created.body.firstMatch(of: /"id": "([^"]+)"/).map { String($0.output.1) })
        let token = try #require(created.body.firstMatch(of: /"mediator": "(room_[^"]+)"/).map { String($0.output.1) })
        let stream = Process()
        stream.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        stream.arguments = [
            "-s", "-N", "-H", "Authorization: Bearer \(token)",
            server.url.absoluteString + "api/v1/rooms/\(room)/events",
        ]
        let received = Pipe()
        stream.standardOutput = received
        try stream.run()
        defer { if stream.isRunning { stream.terminate() } }
        let first = String(decoding: received.fileHandleForReading.availableData, as: UTF8.self)
        #expect(first.contains("event: room.created"))
        Foundation.kill(server.process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(15)
        while server.process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!server.process.isRunning, "the server still runs 15 s after SIGTERM with an event stream open")
        if !server.process.isRunning { #expect(server.process.terminationStatus == 0) }
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

    /// A tournament cut off by SIGKILL resumes from its progress log when the server starts again, under the same
    /// id, and ends with every negotiation of its plan.
    @Test func aTournamentCutOffByAStopResumesOnTheNextStart() async throws {
        let database = try Self.scratchDatabase()
        let runs = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("accord-runs")
        let server = try ServerProcess(arguments: ["--database", database])
        let specification =
            #"{"specification": {"accord_tournament": 1, "agents": ["boulware", "conceder", "linear"], "#
            + #""scenarios": ["synthetic-15k-2p"], "deadline": {"rounds": 2000}, "repetitions": 40}}"#
        let started = try await server.request("POST", "/api/v1/tournaments", body: specification)
        #expect(started.status == 202)
        let id = try #require(Self.id(in: started.body))
        let progress = runs.appendingPathComponent("\(id)/results/progress.jsonl")
        let deadline = Date().addingTimeInterval(60)
        func finished() -> Int {
            let text = (try? String(contentsOf: progress, encoding: .utf8)) ?? ""
            return text.split(separator: "\n").filter { !$0.contains(#""started""#) }.count
        }
        while finished() < 5, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        server.kill(SIGKILL)
        let before = finished()
        #expect(before >= 5)
        #expect(before < 360, "the tournament ended before the kill; make it longer")

        let restarted = try ServerProcess(arguments: ["--database", database])
        let events = try await restarted.request("GET", "/api/v1/runs/\(id)/events")
        #expect(
            events.body.contains(#"event: end\#ndata: {"status":"succeeded","error":null}"#),
            "\(events.body.suffix(300))")
        let run = try await restarted.request("GET", "/api/v1/runs/\(id)")
        #expect(run.body.contains(#""status": "succeeded""#))
        #expect(run.body.contains(#""recorded": 360"#))
        #expect(run.body.contains(#""failures": 0"#))
        restarted.kill(SIGTERM)
    }
}

/// The ids of runs the server acknowledged, collected from concurrent tasks.
final class AcknowledgedRuns: Sendable {
    let ids = Mutex<[String]>([])
}
