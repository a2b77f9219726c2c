// libFuzzer target: the HTTP API's JSON request bodies, from the body's text to the Kit request each route builds
// (Sources/AccordServer/Bodies, compiled into this target by scripts/fuzz.sh; no network server is started). The
// input's first line names the route (analyses, evaluations, what-if, simulations, forecasts, tournaments, rooms,
// preferences, credentials, proposals); any other first line picks one by its first byte. The rest is the body.
import AccordFormats
import AccordKit
import Foundation

let routes = [
    "analyses", "evaluations", "what-if", "simulations", "forecasts", "tournaments", "rooms", "preferences",
    "credentials", "proposals",
]
let source = ScenarioSource.bundled("job-offer")
let skeleton = try? RoomSkeleton(scenario: source.scenario())

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let newline = bytes.firstIndex(of: 10) ?? size
    let first = String(decoding: bytes[0..<newline], as: UTF8.self)
    let route = routes.contains(first) ? first : routes[Int(bytes.first ?? 0) % routes.count]
    let body = String(decoding: bytes[min(newline + 1, size)...], as: UTF8.self)
    do {
        try exercise(route, body)
    } catch let error as BodyError {
        // Every refusal is one short sentence (an echoed value is cut), however long the body.
        precondition(error.detail.utf8.count < 4_096, "a body error of \(error.detail.utf8.count) bytes")
    } catch {
        precondition(String(describing: error).utf8.count < 65_536, "an error of unbounded length")
    }
    return 0
}

func exercise(_ route: String, _ body: String) throws {
    switch route {
    case "analyses": _ = try RequestBodies.analysis(source: source, body: body)
    case "evaluations": _ = try RequestBodies.evaluation(source: source, body: body)
    case "what-if": _ = try RequestBodies.whatIf(source: source, body: body)
    case "simulations": _ = try RequestBodies.simulation(body: body)
    case "forecasts": _ = try RequestBodies.forecast(body: body)
    case "tournaments":
        // The route writes the mapping into the run's folder as JSON; the tournament reader reads it from there.
        let members = try RequestBodies.tournamentSpecification(body: body)
        let text = JSONValue.object(members).serialized()
        _ = try TournamentLoader.parse(text, file: "specification.json", folder: "/nonexistent-accord-fuzz")
    case "rooms":
        let json = try RequestBodies.roomObject(body, known: ["scenario", "scenarioId", "disclosure", "fairness"])
        if let scenario = json["scenario"] { _ = try RoomSkeleton(json: scenario) }
        _ = try DisclosurePolicy(json: json["disclosure"])
        _ = try FairnessRule.parse(json["fairness"], path: "fairness")
    case "preferences":
        let json = try RequestBodies.roomJSON(body)
        guard let skeleton else { return }
        for party in skeleton.partyIDs { _ = try? RoomPreferences(json: json, party: party, skeleton: skeleton) }
    case "credentials": _ = try RequestBodies.role(try RequestBodies.roomObject(body, known: ["role", "party"]))
    default:
        _ = try RequestBodies.expiry(
            try RequestBodies.roomObject(body, known: ["package", "expiresAt", "expiresInSeconds"]))
    }
}
