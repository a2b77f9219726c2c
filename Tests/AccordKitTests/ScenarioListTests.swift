import AccordKit
import Testing

@Suite struct ScenarioListTests {
    @Test func everyBundledScenarioIsListedWithTheDefaultMarked() async throws {
        let list = try await ScenarioListRequest().run()
        #expect(list.entries.map(\.name) == ScenarioLoader.bundledNames)
        #expect(list.entries.filter(\.isDefault).map(\.name) == ["berlin-2025"])
        let berlin = try #require(list.entries.first)
        #expect(berlin.title == "Berlin talks on guarantees for Ukraine (Dec 2025)")
        #expect(berlin.parties == 4 && berlin.issues == 5 && berlin.outcomeCount == 1980)
    }

    @Test func theTextListsOneLinePerScenario() async throws {
        let text = try await ScenarioListRequest().run().render(.text)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == ScenarioLoader.bundledNames.count)
        #expect(
            lines.first
                == "berlin-2025 (default): Berlin talks on guarantees for Ukraine (Dec 2025) — 4 parties, 5 issues, "
                + "1,980 outcomes")
        #expect(
            lines.contains { $0.hasPrefix("job-offer: Job offer (two-party textbook case) — 2 parties, 5 issues, 729") }
        )
    }

    @Test func theJSONIsAnArrayOfScenarios() async throws {
        let json = try await ScenarioListRequest().run().render(.json)
        #expect(
            json.hasPrefix(
                """
                [
                  {
                    "name": "berlin-2025",
                    "title": "Berlin talks on guarantees for Ukraine (Dec 2025)",
                    "parties": 4,
                    "issues": 5,
                    "outcomeCount": 1980,
                    "default": true
                  },
                """))
        #expect(json.hasSuffix("}\n]\n"))
    }

    @Test func theHTMLPageHoldsTheTextList() async throws {
        let list = try await ScenarioListRequest().run()
        let html = list.render(.html)
        #expect(html.contains("<title>Bundled scenarios</title>"))
        #expect(html.contains("<pre>berlin-2025 (default): Berlin talks on guarantees for Ukraine (Dec 2025)"))
    }
}
