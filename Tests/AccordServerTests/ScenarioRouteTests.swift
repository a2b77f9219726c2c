import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ScenarioRouteTests {
    @Test func healthIsOK() async throws {
        try await TestServer.withClient { client in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
                try #expect(TestServer.json(response)["status"] == .string("ok"))
                #expect(response.headers[.contentSecurityPolicy]?.contains("unsafe-inline") == false)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
        }
    }

    @Test func theBundledScenariosAreListedByName() async throws {
        try await TestServer.withClient { client in
            try await client.execute(uri: "/api/v1/scenarios", method: .get) { response in
                #expect(response.status == .ok)
                guard case .array(let items)? = try TestServer.json(response)["scenarios"] else {
                    Issue.record("no scenarios array")
                    return
                }
                let ids = items.compactMap { item -> String? in
                    if case .string(let id)? = item["id"] { return id }
                    return nil
                }
                #expect(ids == ScenarioLoader.bundledNames)
            }
        }
    }

    @Test func anInvalidScenarioIsA422ListingTheProblemsAsValidateDoes() async throws {
        let yaml = "name: x\nissues: []\nparties: foo\n"
        let expected = try JSONValue(
            parsing: try await ValidationRequest(source: .text(yaml, file: "scenario.yaml")).run().render(.json))
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml)
            ) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                let problem = try TestServer.json(response)
                #expect(problem["problems"] == expected["problems"])
                #expect(problem["status"] == .int(422))
            }
        }
    }

    @Test func aScenarioIsStoredReadReplacedKeepingVersionsAndDeleted() async throws {
        let path = try ScenarioLoader.bundledPath("job-offer")
        let yaml = try String(contentsOfFile: path, encoding: .utf8)
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml)
            ) { response in
                #expect(response.status == .created)
                let document = try TestServer.json(response)
                #expect(document["version"] == .int(1))
                guard case .string(let id)? = document["id"] else { throw TestFailure("no id") }
                return id
            }
            #expect(id == "job-offer-two-party-textbook-case")
            try await client.execute(
                uri: "/api/v1/scenarios/\(id)", method: .put, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml + "# revised\n")
            ) { response in
                #expect(response.status == .ok)
                try #expect(TestServer.json(response)["version"] == .int(2))
                try #expect(TestServer.json(response)["versions"] == .int(2))
            }
            try await client.execute(uri: "/api/v1/scenarios/\(id)", method: .get) { response in
                try #expect(TestServer.json(response)["text"] == .string(yaml + "# revised\n"))
            }
            try await client.execute(uri: "/api/v1/scenarios/\(id)", method: .delete) { response in
                #expect(response.status == .noContent)
            }
            try await client.execute(uri: "/api/v1/scenarios/\(id)", method: .get) { response in
                #expect(response.status == .notFound)
                try #expect(TestServer.json(response)["detail"] == .string("there is no scenario '\(id)'."))
            }
            try await client.execute(uri: "/api/v1/scenarios/berlin-2025", method: .delete) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/api/v1/scenarios", method: .delete) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, POST")
            }
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
