import AccordKit
import AccordServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct PageRouteTests {
    /// The pages that need no stored run, and a landmark each must hold.
    static let pages: [(path: String, landmark: String)] = [
        ("/", "id=\"upload-form\""),
        ("/scenarios/berlin-2025", "id=\"scenario-text\""),
        ("/scenarios/berlin-2025/what-if", "id=\"reservation-russia\""),
        ("/scenarios/berlin-2025/simulate", "id=\"sim-chart\""),
        ("/runs", "id=\"compare\""),
        ("/forecast", "data-endpoint=\"/api/v1/forecasts\""),
        ("/tournament", "data-endpoint=\"/api/v1/tournaments\""),
    ]

    @Test(arguments: pages.map(\.path))
    func everyPageAnswersWithTheSharedLayoutAndItsLandmark(path: String) async throws {
        let landmark = Self.pages.first { $0.path == path }?.landmark ?? "?"
        try await TestServer.withClient { client in
            let html = try await Self.page(path, client)
            #expect(html.contains("<nav aria-label=\"Workspace\">"))
            #expect(html.contains("<main id=\"main\">"))
            #expect(html.contains("<h1>"))
            #expect(html.contains(landmark), "\(path) lacks \(landmark)")
            #expect(Self.inlineCode(in: html).isEmpty, "\(path): \(Self.inlineCode(in: html))")
        }
    }

    @Test func theRunPagesShowAStoredAnalysisWithItsDownloadsAndNoInlineCode() async throws {
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios/berlin-2025/analyses", method: .post,
                body: ByteBuffer(string: #"{"samples": 20, "plot": ["ukraine", "russia"]}"#)
            ) { response in
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            let dashboard = try await Self.page("/scenarios/berlin-2025?run=\(id)", client)
            #expect(dashboard.contains("class=\"interactive\" data-run=\"\(id)\" data-x=\"ukraine\" data-y=\"russia\""))
            #expect(dashboard.contains("<svg"))
            #expect(
                dashboard.contains(
                    "name=\"samples\" type=\"number\" min=\"1\" placeholder=\"default\" inputmode=\"numeric\" value=\"20\""
                ))
            let run = try await Self.page("/runs/\(id)", client)
            #expect(run.contains("/runs/\(id)/charts/utility-space.svg"))
            #expect(run.contains("/runs/\(id)/table.csv"))
            let compare = try await Self.page("/runs/compare?a=\(id)&b=\(id)", client)
            #expect(compare.contains("id=\"compare-numbers\""))
            let list = try await Self.page("/runs", client)
            for html in [dashboard, run, compare, list] {
                #expect(Self.inlineCode(in: html).isEmpty, "\(Self.inlineCode(in: html))")
            }
            try await client.execute(uri: "/runs/\(id)/charts/utility-space.svg", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                #expect(TestServer.text(response).contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            }
            try await client.execute(uri: "/runs/\(id)/table.csv", method: .get) { response in
                let header = TestServer.text(response).split(separator: "\r\n").first ?? ""
                #expect(
                    header == "guarantee,territory,army_cap,sanctions,frozen_assets,"
                        + "utility_us,utility_ukraine,utility_europe,utility_russia")
            }
        }
    }

    @Test func aFinishedSimulationOffersItsTraceAsCSVAndItsReportOnItsPage() async throws {
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/simulations", method: .post,
                body: ByteBuffer(string: #"{"scenario": "job-offer", "seed": 7}"#)
            ) { response in
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            // The events end when the run does.
            try await client.execute(uri: "/api/v1/runs/\(id)/events", method: .get) { response in
                #expect(TestServer.text(response).contains("event: end"))
            }
            let page = try await Self.page("/runs/\(id)", client)
            #expect(page.contains("<p class=\"report-title\">"))
            #expect(!page.contains("id=\"run-live\""))
            try await client.execute(uri: "/runs/\(id)/table.csv", method: .get) { response in
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"trace.csv\"")
                let lines = TestServer.text(response).split(separator: "\r\n")
                #expect(lines.first?.hasPrefix("round,party,action,salary,") == true, "\(lines.first ?? "")")
                #expect(lines.count > 2)
            }
        }
    }

    @Test func aScenarioNamedWithMarkupIsEscapedOnEveryPage() async throws {
        let path = try ScenarioLoader.bundledPath("job-offer")
        let yaml = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "name: Job offer (two-party textbook case)", with: "name: \"<script>alert('x')</script> offer\"")
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml)
            ) { response in
                #expect(response.status == .created)
                guard case .string(let id)? = try TestServer.json(response)["id"] else { throw TestFailure("no id") }
                return id
            }
            for page in ["/", "/scenarios/\(id)", "/scenarios/\(id)/what-if", "/scenarios/\(id)/simulate"] {
                let html = try await Self.page(page, client)
                #expect(!html.contains("<script>alert"), "\(page)")
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; offer"), "\(page)")
            }
        }
    }

    @Test func theValidationRouteChecksWithoutStoring() async throws {
        try await TestServer.withClient { client in
            let yaml = try String(contentsOfFile: try ScenarioLoader.bundledPath("job-offer"), encoding: .utf8)
            try await client.execute(
                uri: "/api/v1/validations", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: yaml)
            ) { response in
                #expect(response.status == .ok)
                let document = try TestServer.json(response)
                #expect(document["valid"] == .bool(true))
                #expect(document["parties"] == .int(2))
            }
            try await client.execute(
                uri: "/api/v1/validations", method: .post, headers: [.contentType: "application/yaml"],
                body: ByteBuffer(string: "name: x\nissues: []\nparties: foo\n")
            ) { response in
                #expect(response.status == .unprocessableContent)
                guard case .array(let problems)? = try TestServer.json(response)["problems"] else {
                    throw TestFailure("no problems")
                }
                #expect(problems.map { $0["line"] } == [.null, .int(2), .int(3)])
            }
            try await client.execute(uri: "/api/v1/scenarios", method: .get) { response in
                guard case .array(let items)? = try TestServer.json(response)["scenarios"] else {
                    throw TestFailure("no scenarios")
                }
                #expect(items.count == ScenarioLoader.bundledNames.count)
            }
        }
    }

    @Test func anUnknownScenarioOrRunIsA404() async throws {
        try await TestServer.withClient { client in
            for path in ["/scenarios/nope", "/scenarios/nope/what-if", "/runs/nope", "/runs/compare?a=x&b=y"] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .notFound, "\(path)")
                    // A page a browser shows: words and a way back, not JSON.
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                    let html = TestServer.text(response)
                    #expect(html.contains("<p class=\"problem\">") && html.contains("<a href=\"/\">"), "\(path)")
                    #expect(html.contains("nope") || html.contains("x"), "\(path)")
                }
            }
        }
    }

    /// The page's HTML, expecting a 200 HTML answer.
    static func page(_ path: String, _ client: some TestClientProtocol) async throws -> String {
        try await client.execute(uri: path, method: .get) { response in
            #expect(response.status == .ok, "\(path): \(response.status)")
            #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
            return TestServer.text(response)
        }
    }

    /// Every inline script, style attribute or block, and event-handler attribute in a page.
    static func inlineCode(in html: String) -> [String] {
        let patterns = [#"<script(?![^>]*\ssrc=)[^>]*>"#, #"<style[\s>]"#, #"\sstyle="#, #"\son[a-z]+="#]
        return patterns.flatMap { pattern in
            (try? Regex(pattern).ignoresCase()).map { regex in html.matches(of: regex).map { String(html[$0.range]) } }
                ?? ["bad pattern \(pattern)"]
        }
    }
}
