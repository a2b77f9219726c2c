import AccordKit
import AccordStore
import HTTPTypes
import Hummingbird

/// The files of a run that are not its reports: each chart of its HTML report as a standalone SVG document, and
/// its table (see ``RunCSV``) as CSV, both sent as attachments.
struct RunDownloads {
    let workspace: Workspace

    /// `GET /runs/{id}/charts/{name}.svg`.
    func chart(run id: String, file: String) async throws -> Response {
        let run = try await storedRun(id)
        let charts = StandaloneChart.charts(inHTML: run.reports["html"] ?? "")
        guard let chart = charts.first(where: { $0.fileName == file }) else {
            throw Problem.notFound("run '\(id.cut())' has no chart '\(file.cut())'.")
        }
        return attachment(chart.svg, contentType: "image/svg+xml", name: chart.fileName)
    }

    /// `GET /runs/{id}/table.csv`.
    func table(run id: String) async throws -> Response {
        let run = try await storedRun(id)
        guard let result = run.record.result.flatMap({ try? JSONValue(parsing: $0) }),
            let table = RunCSV.table(of: result)
        else { throw Problem.notFound("run '\(id.cut())' has no table.") }
        return attachment(table.text, contentType: "text/csv; charset=utf-8", name: table.name)
    }

    private func storedRun(_ id: String) async throws -> StoredRun {
        guard let run = try await workspace.store.run(id: id) else {
            throw Problem.notFound("there is no run '\(id.cut())'.")
        }
        return run
    }

    private func attachment(_ text: String, contentType: String, name: String) -> Response {
        var response = Response.text(text, contentType: contentType)
        response.headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return response
    }
}
