import AccordKit
import AccordServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct RunRouteTests {
    /// Starts a run with a POST, checks the 202, follows its events to the end and returns its id and the events.
    static func startAndFollow(_ client: any TestClientProtocol, _ uri: String, _ body: String) async throws
        -> (id: String, events: String)
    {
        let id = try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: body)) { response in
            #expect(response.status == .accepted, "\(TestServer.text(response))")
            let run = try TestServer.json(response)
            #expect(run["status"] == .string("queued"))
            guard case .string(let id)? = run["id"] else { throw TestFailure("no id: \(TestServer.text(response))") }
            return id
        }
        let events = try await client.execute(uri: "/api/v1/runs/\(id)/events", method: .get) { response in
            #expect(response.headers[.contentType] == "text/event-stream")
            return TestServer.text(response)
        }
        return (id, events)
    }

    @Test func aSimulationStreamsItsActionsThenEndsWithTheCLIsResult() async throws {
        let expected = try await SimulationRequest(source: .bundled("job-offer"), seed: 7).run().render(.json)
        let expectedDocument = try JSONValue(parsing: expected)
        try await TestServer.withClient { client in
            let (id, events) = try await Self.startAndFollow(
                client, "/api/v1/simulations", #"{"scenario": "job-offer", "seed": 7}"#)
            let names = events.split(separator: "\n").filter { $0.hasPrefix("event: ") }.map { $0.dropFirst(7) }
            #expect(names.contains("action"))
            #expect(names.last == "end")
            let firstAction = try #require(names.firstIndex(of: "action"))
            #expect(firstAction < names.count - 1)
            #expect(events.contains(#"data: {"status":"succeeded","error":null}"#))
            try await client.execute(uri: "/api/v1/runs/\(id)", method: .get) { response in
                let run = try TestServer.json(response)
                #expect(run["status"] == .string("succeeded"))
                #expect(run["result"] == expectedDocument)
            }
            // A client that comes after the end receives the same events.
            try await client.execute(uri: "/api/v1/runs/\(id)/events", method: .get) { response in
                #expect(TestServer.text(response) == events)
            }
        }
    }

    @Test func aTournamentOnABundledAndAStoredScenarioRunsToTheEnd() async throws {
        let yaml = try String(contentsOfFile: try ScenarioLoader.bundledPath("job-offer"), encoding: .utf8)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-runs-" + UUID().uuidString)
        try await TestServer.withClient(runsFolder: folder.path) { client in
            let stored = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml.replacingOccurrences(of: "name: Job offer", with: "name: Job offer two"))
            ) { response in
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            let specification = """
                {"specification": {"accord_tournament": 1, "agents": ["boulware", "conceder"],
                 "scenarios": ["job-offer", {"name": "stored", "id": "\(stored)"}], "deadline": {"rounds": 50}}}
                """
            let (id, events) = try await Self.startAndFollow(client, "/api/v1/tournaments", specification)
            #expect(events.contains("event: progress"))
            #expect(events.hasSuffix("event: end\ndata: {\"status\":\"succeeded\",\"error\":null}\n\n"), "\(events)")
            try await client.execute(uri: "/api/v1/runs/\(id)?format=text", method: .get) { response in
                #expect(response.status == .ok)
                #expect(TestServer.text(response).contains("boulware"))
            }
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(id)/results/summary.json").path)
            )
        }
    }

    @Test func aTournamentMayNotNameFiles() async throws {
        try await TestServer.withClient { client in
            let body =
                #"{"specification": {"accord_tournament": 1, "agents": ["boulware"], "scenarios": [{"name": "x", "path": "/etc/passwd"}], "deadline": {"rounds": 5}}}"#
            try await client.execute(uri: "/api/v1/tournaments", method: .post, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .badRequest)
                #expect(TestServer.text(response).contains("not files"))
            }
        }
    }

    @Test func aForecastRunsToTheEnd() async throws {
        try await TestServer.withClient { client in
            let (id, events) = try await Self.startAndFollow(
                client, "/api/v1/forecasts", #"{"scenario": "berlin-2025", "issues": ["territory"]}"#)
            #expect(events.hasSuffix("event: end\ndata: {\"status\":\"succeeded\",\"error\":null}\n\n"), "\(events)")
            try await client.execute(uri: "/api/v1/runs?kind=forecast", method: .get) { response in
                #expect(TestServer.text(response).contains(id))
            }
        }
    }

    @Test func aRunningSimulationIsCancelled() async throws {
        try await TestServer.withClient { client in
            let body =
                #"{"scenario": "job-offer", "agents": "candidate=hardliner,employer=hardliner", "rounds": 100000000}"#
            let id = try await client.execute(uri: "/api/v1/simulations", method: .post, body: ByteBuffer(string: body))
            {
                response in
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            try await Task.sleep(for: .milliseconds(300))
            try await client.execute(uri: "/api/v1/runs/\(id)", method: .delete) { response in
                #expect(response.status == .accepted)
            }
            try await client.execute(uri: "/api/v1/runs/\(id)/events", method: .get) { response in
                #expect(TestServer.text(response).contains(#"event: end\#ndata: {"status":"cancelled""#))
            }
            try await client.execute(uri: "/api/v1/runs/\(id)", method: .delete) { response in
                #expect(response.status == .conflict)
            }
        }
    }

    @Test(arguments: [
        ("/api/v1/simulations", #"{"scenario": "nope"}"#, 404),
        ("/api/v1/simulations", #"{}"#, 400),
        ("/api/v1/simulations", #"{"scenario": "job-offer", "mechanism": "auction"}"#, 400),
        ("/api/v1/simulations", #"{"scenario": "job-offer", "seconds": 0}"#, 400),
        ("/api/v1/forecasts", #"{"scenario": "job-offer", "colour": 1}"#, 400),
        ("/api/v1/tournaments", #"{}"#, 400),
        (
            "/api/v1/tournaments",
            #"{"specification": {"accord_tournament": 1, "agents": ["boulware", {"id": "x", "command": "/bin/sh"}], "#
                + #""scenarios": ["job-offer"], "deadline": {"rounds": 5}}}"#, 400
        ),
        (
            "/api/v1/tournaments",
            #"{"specification": {"accord_tournament": 1, "agents": ["boulware", "external(command="sh")"], "#
                + #""scenarios": ["job-offer"], "deadline": {"rounds": 5}}}"#, 400
        ),
        ("/api/v1/tournaments", #"{"specification": "agents: [boulware\n  bad: ]"}"#, 422),
    ])
    func aBadRunRequestIsOneSentence(uri: String, body: String, status: Int) async throws {
        try await TestServer.withClient { client in
            try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: body)) { response in
                #expect(response.status.code == status)
                #expect(response.headers[.contentType] == "application/problem+json")
                guard case .string(let detail)? = try TestServer.json(response)["detail"] else {
                    throw TestFailure("no detail")
                }
                #expect(!detail.contains("\n") && detail.count < 300)
            }
        }
    }

    /// A simulation the run would refuse at its start is refused before it is accepted, and no run is stored:
    /// an external agent (which runs only from the command line), an unknown agent, a party that is not there.
    @Test(arguments: [
        (#"candidate=external(command=\"python3 agent.py\")"#, "external agents run only from the accord command line"),
        ("candidate=grandmaster", "grandmaster"),
        ("ghost=boulware", "there is no party 'ghost'"),
    ])
    func aSimulationWithBadAgentsIsRefusedBeforeItRuns(agents: String, mention: String) async throws {
        try await TestServer.withClient { client in
            let body = #"{"scenario": "job-offer", "agents": ""# + agents + #""}"#
            try await client.execute(uri: "/api/v1/simulations", method: .post, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .badRequest)
                guard case .string(let detail)? = try TestServer.json(response)["detail"] else {
                    throw TestFailure("no detail")
                }
                #expect(detail.contains(mention), "\(detail)")
            }
            try await client.execute(uri: "/api/v1/runs", method: .get) { response in
                let runs = try TestServer.json(response)["runs"]
                #expect(runs?.items?.isEmpty == true)
            }
        }
    }

    /// An alias bomb (10^7 values once expanded) in a specification given as text is refused by the document
    /// reader's budget.
    @Test func anAliasBombSpecificationIsA422() async throws {
        var yaml = "a: &a [" + Array(repeating: "x", count: 10).joined(separator: ", ") + "]\\n"
        for (name, previous) in zip(["b", "c", "d", "e", "f", "g"], ["a", "b", "c", "d", "e", "f"]) {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\\n"
        }
        let body = #"{"specification": ""# + yaml + #""}"#
        try await TestServer.withClient { client in
            try await client.execute(uri: "/api/v1/tournaments", method: .post, body: ByteBuffer(string: body)) {
                response in
                #expect(response.status == .unprocessableContent, "\(TestServer.text(response))")
                #expect(TestServer.text(response).contains("alias bomb"))
            }
        }
    }

    @Test func unknownRunsAndFormatsAreClear() async throws {
        try await TestServer.withClient { client in
            try await client.execute(uri: "/api/v1/runs/nope", method: .get) { response in
                #expect(response.status == .notFound)
                try #expect(TestServer.json(response)["detail"] == .string("there is no run 'nope'."))
            }
            try await client.execute(uri: "/api/v1/runs?kind=dance", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/api/v1/nothing", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }
}
