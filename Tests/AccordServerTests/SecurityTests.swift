import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct SecurityTests {
    static let token = "correct-horse-battery-staple-42"

    @Test func theAPIAsksForTheTokenWhenTheServerHasOne() async throws {
        try await TestServer.withClient(token: Self.token) { client in
            try await client.execute(uri: "/api/v1/scenarios", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"accord\"")
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .get, headers: [.authorization: "Bearer wrong-token-wrong-token"]
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(!TestServer.text(response).contains("wrong-token"))
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .get, headers: [.authorization: "Bearer \(Self.token)"]
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func theLoginFormSetsAStrictHttpOnlyCookieThatOpensTheAPI() async throws {
        try await TestServer.withClient(token: Self.token) { client in
            try await client.execute(uri: "/runs", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/login?next=/runs")
            }
            try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=nope&next=%2Fruns")
            ) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.setCookie] == nil)
            }
            let cookie = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "token=\(Self.token)&next=%2F%2Fevil.example")
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(!cookie.contains(Self.token))
                return String(cookie.split(separator: ";")[0])
            }
            try await client.execute(uri: "/api/v1/scenarios", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(
                uri: "/api/v1/scenarios", method: .get, headers: [.cookie: "accord_session=forged"]
            ) { response in
                #expect(response.status == .unauthorized)
            }
        }
    }

    @Test func aBodyOverTheLimitIsA413() async throws {
        try await TestServer.withClient(bodyLimit: 1_000) { client in
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: String(repeating: "# padding\n", count: 500))
            ) { response in
                #expect(response.status == .contentTooLarge)
                #expect(response.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test func aScenarioOverTheOutcomeLimitIsA422NotAHungWorker() async throws {
        // 10^12 packages among five parties: beyond both the enumeration limit and the analysis without enumeration
        // (at most four parties), so the analysis is refused at once.
        var yaml = "accord: 1\nname: Huge\nissues:\n"
        for issue in 0..<12 {
            yaml += "  - id: i\(issue)\n    options: [a, b, c, d, e, f, g, h, i, j]\n"
        }
        yaml += "parties:\n"
        for party in ["p", "q", "r", "s", "t"] {
            yaml += "  - id: \(party)\n    reservation: 0.5\n    weights: {"
            yaml += (0..<12).map { "i\($0): 1" }.joined(separator: ", ") + "}\n    values:\n"
            for issue in 0..<12 {
                let values = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].enumerated().map {
                    "\($0.element): \(party == "p" ? Double($0.offset) / 9 : 1 - Double($0.offset) / 9)"
                }
                yaml += "      i\(issue): {\(values.joined(separator: ", "))}\n"
            }
        }
        let scenario = yaml
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: scenario)
            ) { response in
                #expect(response.status == .created, "\(TestServer.text(response))")
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            let started = ContinuousClock.now
            try await client.execute(uri: "/api/v1/scenarios/\(id)/analyses", method: .post) { response in
                #expect(response.status == .unprocessableContent)
                #expect(TestServer.text(response).contains("outcomes"))
            }
            #expect(
                ContinuousClock.now - started < .seconds(30), "a refusal, not a hung worker, even on a loaded machine")
        }
    }

    @Test func theServerRefusesAnotherHostWithoutAToken() throws {
        #expect(throws: RequestError.self) {
            try ServeSettings(host: "0.0.0.0", port: 8080, database: nil, tokenFile: nil, environmentToken: nil)
        }
        let settings = try ServeSettings(
            host: "0.0.0.0", port: 8080, database: nil, tokenFile: nil, environmentToken: Self.token)
        #expect(settings.configuration.token == Self.token)
        #expect(throws: RequestError.self) {
            try ServeSettings(host: "127.0.0.1", port: 8080, database: nil, tokenFile: nil, environmentToken: "short")
        }
        #expect(
            try ServeSettings(host: "127.0.0.1", port: 1, database: nil, tokenFile: nil, environmentToken: nil)
                .configuration.token == nil)
    }
}
