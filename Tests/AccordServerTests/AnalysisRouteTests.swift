import AccordKit
import AccordServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct AnalysisRouteTests {
    @Test func anAnalysisIsStoredAndItsResultIsTheCLIsJSON() async throws {
        let expected = try await AnalysisRequest(source: .bundled("berlin-2025"), round: 11).run().render(.json)
        let expectedDocument = try JSONValue(parsing: expected)
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/analyses", method: .post,
                body: ByteBuffer(string: #"{"round": 11}"#)
            ) { response in
                #expect(response.status == .created)
                let run = try TestServer.json(response)
                #expect(run["status"] == .string("succeeded"))
                #expect(run["result"] == expectedDocument)
                guard case .string(let id)? = run["id"] else { throw TestFailure("no id") }
                return id
            }
            try await client.execute(uri: "/api/v1/runs/\(id)?format=json", method: .get) { response in
                #expect(TestServer.text(response) == expected)
            }
            let text = try await AnalysisRequest(source: .bundled("berlin-2025"), round: 11).run().render(.text)
            try await client.execute(uri: "/api/v1/runs/\(id)?format=text", method: .get) { response in
                #expect(TestServer.text(response) == text)
            }
            try await client.execute(uri: "/api/v1/runs/\(id)?format=html", method: .get) { response in
                let policy = response.headers[.contentSecurityPolicy] ?? ""
                #expect(policy.contains("'sha256-"))
                #expect(!policy.contains("unsafe-inline"))
            }
            try await client.execute(uri: "/api/v1/runs?scenario=berlin-2025&kind=analyze", method: .get) { response in
                guard case .array(let runs)? = try TestServer.json(response)["runs"] else {
                    throw TestFailure("no runs")
                }
                #expect(runs.count == 1)
            }
        }
    }

    @Test(arguments: [
        (#"{"bogus": 1}"#, 400, "unknown option 'bogus'"),
        (#"{"round": -1}"#, 400, "the option 'round' must be a whole number from 0 to 100000000."),
        (#"{"seed": "x"}"#, 400, "the option 'seed' must be a whole number"),
        ("[1]", 400, "the request body must be a JSON object."),
        ("{", 400, "the request body is not valid JSON"),
        ("\u{0C}", 400, "the request body is not valid JSON"),
        (#"{"issues": ["nope"]}"#, 422, "nope"),
        (#"{"samples": 1000001}"#, 400, "the option 'samples' must be a whole number from 1 to 1000000."),
        (#"{"seed": null}"#, 400, "the option 'seed' is null; leave it out for its default."),
    ])
    func aBadAnalysisRequestIsOneSentence(body: String, status: Int, detail: String) async throws {
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/analyses", method: .post, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status.code == status)
                guard case .string(let text)? = try TestServer.json(response)["detail"] else {
                    throw TestFailure("no detail")
                }
                #expect(text.contains(detail), "\(text)")
                #expect(!text.contains("\n"))
            }
        }
    }

    @Test func anEvaluationIsTheCLIsDocument() async throws {
        let package = PackageChoice([
            .init(issue: "guarantee", option: "article5_like")
        ])
        let expected = try await EvaluationRequest(source: .bundled("berlin-2025"), package: package).run().render(
            .json)
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/evaluations", method: .post,
                body: ByteBuffer(string: #"{"package": {"guarantee": "article5_like"}}"#)
            ) { response in
                #expect(response.status == .ok)
                #expect(TestServer.text(response) == expected + (expected.hasSuffix("\n") ? "" : "\n"))
            }
        }
    }
}
