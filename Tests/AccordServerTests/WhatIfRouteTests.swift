import AccordKit
import AccordServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct WhatIfRouteTests {
    /// Lowering Russia's reservation to 0.55 opens berlin-2025's zone (its threshold is 0.5655): the route gives
    /// the Kit's document for the same changes.
    @Test func aLowerReservationOpensTheZoneAsTheKitSays() async throws {
        let expected = try JSONValue(
            parsing: try await WhatIfRequest(source: .bundled("berlin-2025"), reservations: ["russia": 0.55]).run()
                .render(.json))
        let closed = try JSONValue(
            parsing: try await WhatIfRequest(source: .bundled("berlin-2025")).run().render(.json))
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/what-if", method: .post,
                body: ByteBuffer(string: #"{"reservations": {"russia": 0.55}}"#)
            ) { response in
                #expect(response.status == .ok)
                let document = try TestServer.json(response)
                #expect(document == expected)
                #expect(document["zoneIsEmpty"] == .bool(false))
            }
            try await client.execute(uri: "/api/v1/scenarios/berlin-2025/what-if", method: .post) { response in
                let document = try TestServer.json(response)
                #expect(document == closed)
                #expect(document["zoneIsEmpty"] == .bool(true))
            }
            // Nothing is stored.
            try await client.execute(uri: "/api/v1/runs", method: .get) { response in
                #expect(TestServer.text(response).contains("what-if") == false)
            }
        }
    }

    @Test func anEditedScenarioIsNotServedStale() async throws {
        let yaml = try String(contentsOfFile: try ScenarioLoader.bundledPath("job-offer"), encoding: .utf8)
        try await TestServer.withClient { client in
            try await client.execute(uri: "/api/v1/scenarios/job-offer/what-if", method: .post) { response in
                try #expect(TestServer.json(response)["zoneIsEmpty"] == .bool(false))
            }
            let impossible = yaml.replacingOccurrences(of: "reservation: 0.40", with: "reservation: 1.0")
            #expect(impossible != yaml)
            try await client.execute(
                uri: "/api/v1/scenarios/job-offer", method: .put, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: impossible)
            ) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/v1/scenarios/job-offer/what-if", method: .post) { response in
                try #expect(TestServer.json(response)["zoneIsEmpty"] == .bool(true))
            }
        }
    }

    @Test(arguments: [
        (#"{"reservations": {"russia": 1.5}}"#, 422, "reservations.russia must be a number from 0 to 1, found 1.5."),
        (#"{"reservations": {"russia": "low"}}"#, 400, "'reservations.russia' must be a finite number."),
        (#"{"weights": {"russia": {"peace": 1}}}"#, 422, "weights.russia: there is no issue 'peace'"),
        (#"{"weights": [1]}"#, 400, "the option 'weights' must be an object"),
        (#"{"colour": 1}"#, 400, "unknown option 'colour'"),
    ])
    func aBadChangeIsOneSentence(body: String, status: Int, detail: String) async throws {
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/what-if", method: .post, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status.code == status)
                guard case .string(let text)? = try TestServer.json(response)["detail"] else {
                    throw TestFailure("no detail")
                }
                #expect(text.contains(detail), "\(text)")
            }
        }
    }
}
