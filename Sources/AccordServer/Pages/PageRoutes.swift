import AccordKit
import Hummingbird

/// The web workspace's pages (server-rendered HTML; their scripts are the modules under `/assets/js/`), the
/// downloads of a run (each chart as SVG, its table as CSV), and the validation route the editor calls.
struct PageRoutes {
    let workspace: Workspace

    func add(to router: Router<some RequestContext>) {
        ValidationRoutes(workspace: workspace).add(to: router)
        router.get("/") { _, _ in html(try await ScenarioListPage(workspace: workspace).render()) }
        router.get("scenarios/:id") { request, context in
            try await page {
                try await ScenarioPage(workspace: workspace).render(
                    id: try context.parameters.require("id"), runID: request.uri.queryParameters["run"].map(String.init)
                )
            }
        }
        router.get("scenarios/:id/what-if") { _, context in
            try await page {
                try await WhatIfPage(workspace: workspace).render(id: try context.parameters.require("id"))
            }
        }
        router.get("scenarios/:id/simulate") { _, context in
            try await page {
                try await SimulatePage(workspace: workspace).render(id: try context.parameters.require("id"))
            }
        }
        router.get("forecast") { _, _ in html(try await OperationFormPage(workspace: workspace).forecast()) }
        router.get("tournament") { _, _ in html(OperationFormPage(workspace: workspace).tournament()) }
        addRunPages(to: router)
        RoomPages(workspace: workspace).add(to: router)
    }

    private func addRunPages(to router: Router<some RequestContext>) {
        router.get("runs") { request, _ in
            try await page {
                let query = request.uri.queryParameters
                let kind = try query["kind"].map { name in
                    guard let kind = OperationKind(rawValue: String(name)) else {
                        throw Problem.badRequest("unknown kind '\(String(name).cut())'.")
                    }
                    return kind
                }
                return try await RunListPage(workspace: workspace).render(
                    scenarioID: query["scenario"].map(String.init), kind: kind)
            }
        }
        router.get("runs/compare") { request, _ in
            try await page {
                let query = request.uri.queryParameters
                let picked = query.getAll("run").map { String($0) }
                guard let first = query["a"].map(String.init) ?? picked.first,
                    let second = query["b"].map(String.init) ?? (picked.count > 1 ? picked[1] : nil)
                else { throw Problem.badRequest("name two runs to compare: /runs/compare?a=<id>&b=<id>.") }
                return try await RunComparePage(workspace: workspace).render(first: first, second: second)
            }
        }
        router.get("runs/:id") { _, context in
            try await page { try await RunPage(workspace: workspace).render(id: try context.parameters.require("id")) }
        }
        router.get("runs/:id/charts/:file") { _, context in
            try await RunDownloads(workspace: workspace).chart(
                run: try context.parameters.require("id"), file: try context.parameters.require("file"))
        }
        router.get("runs/:id/table.csv") { _, context in
            try await RunDownloads(workspace: workspace).table(run: try context.parameters.require("id"))
        }
    }

    private func html(_ page: String) -> Response {
        .text(page, contentType: "text/html; charset=utf-8")
    }

    /// The page `render` makes or, when it cannot be shown for the request's fault (an unknown id, a bad query: a
    /// 4xx), an HTML page with that status and the sentence, so a browser shows words and a way back, not JSON.
    private func page(_ render: () async throws -> String) async throws -> Response {
        do {
            return html(try await render())
        } catch {
            let problem = Problem.from(error)
            guard (400..<500).contains(problem.status.code) else { throw error }
            var response = PageLayout.response(
                title: problem.status.reasonPhrase, section: nil,
                body: "<h1>\(xmlEscaped(problem.status.reasonPhrase))</h1>\n<p class=\"problem\">"
                    + "\(xmlEscaped(problem.detail))</p>\n<p><a href=\"/\">Back to the scenarios</a></p>")
            response.status = problem.status
            return response
        }
    }
}
