import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The Berlin talks through the API, as the browser test will run them: a room from the bundled scenario's
/// skeleton, each party entering its own entry of berlin-2025 (attribute valuations, piecewise values, a
/// distribution as reservation, red lines), then the engine.
@Suite struct RoomBerlinTests {
    @Test func theBerlinTalksRunFromTheBundledScenario() async throws {
        let scenario = try ScenarioLoader.bundled("berlin-2025")
        let full = try JSONValue(parsing: try ScenarioWriter.json(scenario).files.first?.text ?? "")
        let entries = try #require(full["parties"]?.items)
        try await RoomTestServer().run { client in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            let body = #"{"scenarioId": "berlin-2025", "disclosure": {"suggestion": true, "zoneCount": true}}"#
            let created = try await client.execute(
                uri: "/api/v1/rooms", method: .post, headers: headers, body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .created)
                return try TestServer.json(response)
            }
            let id = try #require(created["id"]?.scalarText)
            #expect(created["notes"] != nil)
            for entry in entries {
                let party = try #require(entry["id"]?.scalarText)
                let token = created["tokens"]?["parties"]?[party]?.scalarText
                let preferences = JSONValue.object(
                    (entry.members ?? []).filter { RoomSkeleton.preferenceKeys.contains($0.key) })
                let put = try await client.room(
                    .put, "/api/v1/rooms/\(id)/preferences", token: token, body: preferences.serialized(indent: 0))
                #expect(put.status == .noContent, "\(party): \(put.text)")
            }
            let mediator = created["tokens"]?["mediator"]?.scalarText
            #expect(try await client.room(.post, "/api/v1/rooms/\(id)/lock", token: mediator).status == .ok)
            // The room's engine answers as `accord analyze berlin-2025` does on the same scenario.
            let analysis = try scenario.analyze(
                options: AnalysisOptions(diagnosticsWorkLimit: 0, sensitivityOutcomeLimit: 0))
            let status = try JSONValue(
                parsing: try await client.room(.get, "/api/v1/rooms/\(id)/status", token: mediator).text)
            #expect(status["zoneExists"] == .bool(!analysis.zone.isEmpty))
            #expect(status["zoneCount"] == .int(analysis.zone.count))
            let suggestion = try await client.room(.post, "/api/v1/rooms/\(id)/suggestions", token: mediator)
            #expect(suggestion.status == .ok, "\(suggestion.text)")
        }
    }
}
