import AccordKit
import Foundation

/// The Kit request each JSON body of the HTTP API asks for: the options by their JSON names (the CLI's), checked
/// one at a time, unknown ones refused. The routes read the body and look up the scenario; everything between the
/// body's text and the Kit request is here, free of HTTP types, so the `body` fuzz target runs exactly this path.
enum RequestBodies {
    /// The most Monte Carlo draws an analysis request may ask for (it is answered while the client waits; the
    /// command line takes more).
    static let analysisSampleLimit = 1_000_000
    /// The most draws an evaluation may ask for (a click on a chart).
    static let evaluationSampleLimit = 100_000

    /// `POST /api/v1/scenarios/{id}/analyses`.
    static func analysis(source: ScenarioSource, body: String) throws -> AnalysisRequest {
        var options = try RequestOptions(body: body)
        var request = AnalysisRequest(source: source)
        request.round = try options.int("round", in: 0...100_000_000)
        request.date = try options.string("date")
        request.issues = try options.strings("issues")
        request.samples = try options.int("samples", in: 1...analysisSampleLimit)
        request.seed = try options.seed() ?? request.seed
        request.maxOutcomes = try options.int("maxOutcomes", in: 1...50_000_000) ?? request.maxOutcomes
        request.limit = try options.int("limit", in: 0...1_000_000)
        request.parity = try options.bool("parity") ?? false
        request.candidates = try options.int("candidates", in: 0...100_000) ?? request.candidates
        request.tracksEveryPackage = try options.bool("allPackages") ?? false
        request.diagnosticsLimit =
            try options.int("diagnosticsLimit", in: 0...Int(Int32.max)) ?? request.diagnosticsLimit
        request.sensitivityLimit =
            try options.int("sensitivityLimit", in: 0...Int(Int32.max)) ?? request.sensitivityLimit
        if let plot = try options.strings("plot") {
            guard plot.count == 2 else { throw BodyError("the option 'plot' must name two parties.") }
            request.plot = PartyPair(x: plot[0], y: plot[1])
        }
        try options.finish()
        return request
    }

    /// `POST /api/v1/scenarios/{id}/evaluations`.
    static func evaluation(source: ScenarioSource, body: String) throws -> EvaluationRequest {
        var options = try RequestOptions(body: body)
        guard case .object(let members)? = try options.value("package") else {
            throw BodyError("the body needs 'package': an object of issue ids and the option of each.")
        }
        let choices = try members.map { member in
            guard case .string(let option) = member.value else {
                throw BodyError("'package.\(member.key.cut())' must be an option id (a string).")
            }
            return PackageChoice.Choice(issue: member.key, option: option)
        }
        let samples = try options.int("samples", in: 1...evaluationSampleLimit)
        let seed = try options.seed() ?? 1
        try options.finish()
        return EvaluationRequest(source: source, package: PackageChoice(choices), samples: samples, seed: seed)
    }

    /// `POST /api/v1/simulations`: the scenario id the body names, and the request once that scenario's source
    /// is known.
    static func simulation(body: String) throws -> (scenario: String, request: SimulationRequest) {
        var options = try RequestOptions(body: body)
        guard let id = try options.string("scenario") else {
            throw BodyError("the body needs 'scenario': the id of a stored or bundled scenario.")
        }
        var simulation = SimulationRequest(source: .default, trace: .monitor)
        if let mechanism = try options.string("mechanism") {
            guard let kind = MechanismKind(rawValue: mechanism) else {
                throw BodyError(
                    "unknown mechanism '\(mechanism.cut())'; known: "
                        + MechanismKind.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            simulation.mechanism = kind
        }
        simulation.agents = try options.string("agents")
        simulation.parties = try options.strings("parties")
        simulation.mediator = try options.string("mediator")
        simulation.rounds = try options.int("rounds", in: 1...100_000_000)
        simulation.seconds = try options.double("seconds")
        simulation.seed = try options.seed()
        simulation.issues = try options.strings("issues")
        try options.finish()
        if let seconds = simulation.seconds, !(seconds > 0 && seconds <= 3_600) {
            throw BodyError("the option 'seconds' must be more than 0 and at most 3600.")
        }
        return (id, simulation)
    }

    /// `POST /api/v1/forecasts`: the scenario id (the default scenario when the body names none) and the request,
    /// whose input the route sets once that scenario's source is known.
    static func forecast(body: String) throws -> (scenario: String, request: ForecastRequest) {
        var options = try RequestOptions(body: body)
        let id = try options.string("scenario") ?? ScenarioLoader.defaultScenario
        var forecast = ForecastRequest()
        forecast.issues = try options.strings("issues") ?? []
        forecast.seed = try options.seed() ?? forecast.seed
        try options.finish()
        return (id, forecast)
    }

    /// `POST /api/v1/scenarios/{id}/what-if`.
    static func whatIf(source: ScenarioSource, body: String) throws -> WhatIfRequest {
        var options = try RequestOptions(body: body)
        var request = WhatIfRequest(source: source)
        request.reservations = Dictionary(try options.numbers("reservations") ?? [], uniquingKeysWith: { $1 })
        if let weights = try options.value("weights") {
            guard case .object(let parties) = weights else {
                throw BodyError("the option 'weights' must be an object: party → issue → weight.")
            }
            for party in parties {
                guard case .object(let issues) = party.value else {
                    throw BodyError("'weights.\(party.key.cut())' must be an object: issue → weight.")
                }
                var byIssue: [String: Double] = [:]
                for issue in issues {
                    guard let weight = RequestOptions.number(issue.value) else {
                        throw BodyError("'weights.\(party.key.cut()).\(issue.key.cut())' must be a finite number.")
                    }
                    byIssue[issue.key] = weight
                }
                request.weights[party.key] = byIssue
            }
        }
        request.round = try options.int("round", in: 0...100_000_000)
        request.issues = try options.strings("issues")
        try options.finish()
        return request
    }

    /// `POST /api/v1/tournaments`: the specification as a mapping (given as an object, or as YAML or JSON text).
    static func tournamentSpecification(body: String) throws -> [JSONValue.Member] {
        var options = try RequestOptions(body: body)
        guard let given = try options.value("specification") else {
            throw BodyError("the body needs 'specification': a tournament specification (docs/tournaments.md).")
        }
        try options.finish()
        var specification = given
        if case .string(let text) = given {
            // Read with the guards and the sentences of the specification reader (a bad one is 422, as a file).
            specification = try JSONValue(yamlDocument: text, file: "specification")
        }
        guard case .object(let members) = specification else {
            throw BodyError("'specification' must be a mapping (docs/tournaments.md).")
        }
        try refuseExternalAgents(in: members)
        return members
    }

    /// Refuses an agent that is another program (`{id, command, args}` or `external(...)`): the server runs none,
    /// and says so before it accepts the run.
    static func refuseExternalAgents(in members: [JSONValue.Member]) throws {
        guard let agents = members.first(where: { $0.key == "agents" })?.value.items else { return }
        for (position, entry) in agents.enumerated() {
            let text: String? =
                switch entry {
                case .string(let name): name
                case .object(let fields):
                    fields.contains(where: { $0.key == "command" })
                        ? "external" : fields.first(where: { $0.key == "agent" })?.value.scalarText
                default: nil
                }
            if let text, text.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("external") {
                throw BodyError(
                    "'specification.agents[\(position)]' is another program: external agents run only from the "
                        + "accord command line, not on the server.")
            }
        }
    }

    /// A room request's body as a JSON value.
    static func roomJSON(_ text: String) throws -> JSONValue {
        do {
            return try JSONValue(parsing: text)
        } catch {
            throw BodyError("the request body is not valid JSON: \(error).")
        }
    }

    /// A room request's body: a JSON object whose keys are all in `known`.
    static func roomObject(_ text: String, known: [String]) throws -> JSONValue {
        let body = try roomJSON(text)
        guard let members = body.members else { throw BodyError("the request body must be a JSON object.") }
        if let unknown = members.first(where: { !known.contains($0.key) }) {
            throw BodyError("unknown option '\(unknown.key.cut())'; known options: \(known.joined(separator: ", ")).")
        }
        return body
    }

    /// `expiresAt` (RFC 3339) or `expiresInSeconds` (a positive number), or none.
    static func expiry(_ body: JSONValue) throws -> Date? {
        if let seconds = body["expiresInSeconds"] {
            guard let value = RequestOptions.number(seconds), value > 0 else {
                throw BodyError("'expiresInSeconds' must be a positive number.")
            }
            guard body["expiresAt"] == nil else {
                throw BodyError("give either 'expiresAt' or 'expiresInSeconds', not both.")
            }
            return Date().addingTimeInterval(value)
        }
        guard let value = body["expiresAt"] else { return nil }
        guard case .string(let text) = value,
            let date = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
                ?? (try? Date.ISO8601FormatStyle().parse(text))
        else { throw BodyError("'expiresAt' must be an RFC 3339 time such as 2026-12-07T15:00:00Z.") }
        return date
    }

    /// The role a body names: `{"role": "mediator" | "observer"}` or `{"role": "party", "party": id}`.
    static func role(_ body: JSONValue) throws -> RoomRole {
        switch (body["role"]?.scalarText, body["party"]?.scalarText) {
        case ("mediator", nil): return .mediator
        case ("observer", nil): return .observer
        case ("party", .some(let party)): return .party(party)
        default:
            throw BodyError(
                "name the role: {\"role\": \"mediator\"}, {\"role\": \"observer\"} or {\"role\": \"party\", \"party\": id}."
            )
        }
    }
}
