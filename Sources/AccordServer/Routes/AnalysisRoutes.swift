import AccordKit
import Hummingbird

/// `POST /api/v1/scenarios/{id}/analyses` (a stored run, answered when done) and `/evaluations` (computed, not
/// stored): the same documents as `accord analyze --format json` and `accord evaluate --format json`.
struct AnalysisRoutes {
    let workspace: Workspace

    /// The most Monte Carlo draws an analysis request may ask for (it is answered while the client waits; the
    /// command line takes more).
    static let analysisSampleLimit = 1_000_000
    /// The most draws an evaluation may ask for (a click on a chart).
    static let evaluationSampleLimit = 100_000

    func add(to router: Router<some RequestContext>) {
        let scenario = router.group("api/v1/scenarios/:id")
        scenario.post("analyses") { request, context in
            try await analyze(try context.parameters.require("id"), request)
        }
        scenario.post("evaluations") { request, context in
            try await evaluate(try context.parameters.require("id"), request)
        }
    }

    private func analyze(_ id: String, _ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let scenario = try await workspace.scenario(id: id)
        let analysis = try Self.analysisRequest(source: scenario.source, body: body)
        let run = try await workspace.runs.runNow(analysis, about: scenario.subject(request: body))
        return .json(run.document(), status: run.record.status == .succeeded ? .created : .unprocessableContent)
    }

    /// The analysis a body asks for: the CLI's options by their JSON names.
    static func analysisRequest(source: ScenarioSource, body: String) throws -> AnalysisRequest {
        var options = try RequestOptions(body: body)
        var request = AnalysisRequest(source: source)
        request.round = try options.int("round", in: 0...100_000_000)
        request.date = try options.string("date")
        request.issues = try options.strings("issues")
        request.samples = try options.int("samples", in: 1...AnalysisRoutes.analysisSampleLimit)
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
            guard plot.count == 2 else { throw Problem.badRequest("the option 'plot' must name two parties.") }
            request.plot = PartyPair(x: plot[0], y: plot[1])
        }
        try options.finish()
        return request
    }

    private func evaluate(_ id: String, _ request: Request) async throws -> Response {
        var request = request
        let body = try await request.text(limit: workspace.configuration.bodyLimit)
        let scenario = try await workspace.scenario(id: id)
        var options = try RequestOptions(body: body)
        guard case .object(let members)? = try options.value("package") else {
            throw Problem.badRequest("the body needs 'package': an object of issue ids and the option of each.")
        }
        let choices = try members.map { member in
            guard case .string(let option) = member.value else {
                throw Problem.badRequest("'package.\(member.key.cut())' must be an option id (a string).")
            }
            return PackageChoice.Choice(issue: member.key, option: option)
        }
        let samples = try options.int("samples", in: 1...AnalysisRoutes.evaluationSampleLimit)
        let seed = try options.seed() ?? 1
        try options.finish()
        let evaluation = EvaluationRequest(
            source: scenario.source, package: PackageChoice(choices), samples: samples, seed: seed)
        let result = try await workspace.runs.compute { try await evaluation.run() }
        return .jsonText(result.render(.json))
    }
}
