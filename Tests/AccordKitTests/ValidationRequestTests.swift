import AccordKit
import Foundation
import Testing

/// A scenario with two problems: an empty issue list (line 3) and no parties.
private let twoProblems = "accord: 1\nname: x\nissues: []\n"

@Suite struct ValidationRequestTests {
    @Test func theDefaultScenarioIsValid() async throws {
        let result = try await ValidationRequest().run()
        let path = try ScenarioLoader.bundledPath("berlin-2025")
        #expect(result.isValid)
        #expect(result.error == nil)
        #expect(
            result.render(.text)
                == "\(path): valid — Berlin talks on guarantees for Ukraine (Dec 2025): 4 parties, 5 issues, "
                + "1,980 outcomes, 3 proposals.\n")
        #expect(result.render(.markdown) == result.render(.text))
        #expect(
            result.render(.json) == """
                {
                  "valid": true,
                  "file": "\(path)",
                  "name": "Berlin talks on guarantees for Ukraine (Dec 2025)",
                  "parties": 4,
                  "issues": 5,
                  "outcomeCount": 1980,
                  "proposals": 3,
                  "notes": []
                }

                """)
        #expect(
            result.render(.html).contains("<title>Berlin talks on guarantees for Ukraine (Dec 2025): valid</title>"))
    }

    /// Invalid text is a verdict, not an error: every problem with its key path and line.
    @Test func invalidTextGivesTheProblemsWithKeyPathsAndLines() async throws {
        let result = try await ValidationRequest(source: .text(twoProblems, file: "bad.yaml")).run()
        #expect(!result.isValid)
        #expect(result.scenario == nil)
        #expect(result.problems.map(\.path) == ["issues", "parties"])
        #expect(result.problems.map(\.line) == [3, nil])
        #expect(
            result.render(.json) == """
                {
                  "valid": false,
                  "file": "bad.yaml",
                  "problems": [
                    {
                      "path": "issues",
                      "line": 3,
                      "message": "is empty; a scenario needs at least one issue"
                    },
                    {
                      "path": "parties",
                      "line": null,
                      "message": "is missing; expected a list"
                    }
                  ]
                }

                """)
        #expect(
            result.render(.text) == """
                bad.yaml: 2 problems:
                  - issues (line 3): is empty; a scenario needs at least one issue
                  - parties: is missing; expected a list

                """)
    }

    /// A file with thousands of problems lists the first `ScenarioError.listedProblems` in text, then how many more;
    /// JSON keeps every one (#15).
    @Test func thousandsOfProblemsListAHundredThenCountTheRest() async throws {
        let issues = (0..<3_000).map { "  - {id: 'bad id \($0)', options: [p, q]}" }.joined(separator: "\n")
        let text = "accord: 1\nname: x\nissues:\n\(issues)\n"
        let result = try await ValidationRequest(source: .text(text, file: "many.yaml")).run()
        let count = result.problems.count
        #expect(count > 3_000)
        let lines = result.render(.text).split(separator: "\n")
        #expect(lines.count == 1 + ScenarioError.listedProblems + 1)
        #expect(lines.first == "many.yaml: \(count) problems:")
        let more = formatCount(Double(count - ScenarioError.listedProblems))
        #expect(
            lines.last.map(String.init)
                == "  - … and \(more) more problems (the JSON verdict of accord validate lists every one)")
        #expect(result.error.map { $0.sentence.split(separator: "\n").count } == lines.count)
        guard case .array(let listed)? = try JSONValue(parsing: result.render(.json))["problems"] else {
            Issue.record("no problems in the JSON verdict")
            return
        }
        #expect(listed.count == count)
    }

    /// The text report of an invalid file is the loader's sentence, which the CLI prints on standard error.
    @Test(arguments: [twoProblems, "accord: 1\nname: x\nissues: [{id: a, options: [p, q]}]\n"])
    func theTextOfAnInvalidFileIsTheLoadersSentence(text: String) async throws {
        let result = try await ValidationRequest(source: .text(text, file: "bad.yaml")).run()
        let error = try #require(result.error)
        #expect(result.render(.text) == error.sentence + "\n")
        #expect {
            try ScenarioLoader.parse(text, file: "bad.yaml")
        } throws: { thrown in
            (thrown as? ScenarioError)?.sentence == error.sentence
        }
    }

    @Test func aFileOnDiskIsCheckedByItsPath() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let path = try scratch.file("bad.yaml", twoProblems)
        let result = try await ValidationRequest(source: .file(path)).run()
        #expect(result.render(.json).contains("\"file\": \"\(path)\""))
        #expect(result.render(.text).hasPrefix("\(path): 2 problems:\n"))
    }

    /// Not even YAML, or no file at all: the run fails with the loader's error.
    @Test(arguments: [
        (
            ScenarioSource.file("/nonexistent/missing.yaml"),
            "/nonexistent/missing.yaml: cannot read the file: no such file."
        ),
        (ScenarioSource.text("a: [1, 2\n", file: "broken.yaml"), "broken.yaml:"),
    ])
    func anUnreadableScenarioThrows(source: ScenarioSource, start: String) async {
        await #expect {
            _ = try await ValidationRequest(source: source).run()
        } throws: { error in
            (error as? ScenarioError)?.sentence.hasPrefix(start) == true
        }
    }

    @Test func geniusFilesAreImportedAndMissingOnesSaySo() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        _ = try await ConversionRequest(inputs: ["job-offer"], target: .genius, outputFolder: scratch.path).run()
        let result = try await ValidationRequest(source: .geniusFolder(scratch.path)).run()
        #expect(result.isValid)
        #expect(
            result.render(.text).hasPrefix("\(scratch.path): valid — Job offer (two-party textbook case): 2 parties"))
        await #expect(throws: GeniusImportError.self) {
            _ = try await ValidationRequest(source: .geniusFiles(domain: "d.xml", profiles: ["p.xml"])).run()
        }
    }

    @Test func theRunRecordOfAnInvalidFileKeepsTheProblemsDocument() async throws {
        let (record, _) = await OperationRunner.record(ValidationRequest(source: .text(twoProblems, file: "bad.yaml")))
        #expect(record.status == .succeeded)
        #expect(record.result?.hasPrefix("{\n  \"valid\": false,\n  \"file\": \"bad.yaml\",\n") == true)
    }
}
