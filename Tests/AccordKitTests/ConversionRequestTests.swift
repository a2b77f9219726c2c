import AccordKit
import Foundation
import Testing

@Suite struct ConversionRequestTests {
    /// The bundled job offer: 2 parties, 5 issues, written as a GENIUS domain and one profile per party.
    @Test func aBundledScenarioIsWrittenAsGeniusFiles() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let out = scratch.path + "/genius"
        let result = try await ConversionRequest(inputs: ["job-offer"], target: .genius, outputFolder: out).run()
        let names = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(names.count == 3)
        #expect(result.files.map { String($0.dropFirst(out.count + 1)) }.sorted() == names)
        let text = result.render(.text)
        #expect(text.hasPrefix("Wrote GENIUS for '\(result.scenario.name)' (2 parties, 5 issues) to \(out):\n"))
        #expect(text.contains("  \(result.files[0])\n"))
        let json = result.render(.json)
        #expect(json.hasPrefix("{\n  \"format\": \"genius\",\n  \"scenario\": \"\(result.scenario.name)\",\n"))
        #expect(json.hasSuffix("]\n}\n"))

        // The folder reads back as the same negotiation.
        let back = try await ConversionRequest(inputs: [out], target: .accordYAML, outputFolder: scratch.path + "/back")
            .run()
        #expect(back.scenario.issues.map(\.name) == result.scenario.issues.map(\.name))
        #expect(back.scenario.parties.count == 2)
    }

    @Test func existingFilesAreNotReplacedWithoutOverwrite() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let request = ConversionRequest(inputs: ["job-offer"], target: .accordYAML, outputFolder: scratch.path)
        let first = try await request.run()
        let path = try #require(first.files.first)
        try "changed by hand\n".write(toFile: path, atomically: true, encoding: .utf8)
        await #expect {
            _ = try await request.run()
        } throws: { error in
            (error as? RequestError)?.sentence
                == "'\(path)' already exists; add --force to overwrite, or choose another --out folder."
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "changed by hand\n")

        var forced = request
        forced.overwrite = true
        _ = try await forced.run()
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("accord: 1\n"))
    }

    @Test func severalExistingFilesAreListed() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let request = ConversionRequest(inputs: ["job-offer"], target: .geniusweb, outputFolder: scratch.path)
        let files = try await request.run().files
        await #expect {
            _ = try await request.run()
        } throws: { error in
            (error as? RequestError)?.sentence
                == "3 of the files already exist (" + files.map { "'\($0)'" }.joined(separator: ", ")
                + "); add --force to overwrite, or choose another --out folder."
        }
    }

    @Test func aFileInPlaceOfTheFolderIsRefused() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = try scratch.file("taken", "x")
        await #expect {
            _ = try await ConversionRequest(inputs: ["job-offer"], target: .genius, outputFolder: file).run()
        } throws: { error in
            (error as? RequestError)?.sentence == "--out '\(file)' is a file; give a folder to write into."
        }
    }

    /// A folder that cannot be created (its parent is a file) is a failed run, exit status 1, not bad input.
    @Test func aFolderThatCannotBeCreatedIsAnIOFailure() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let out = try scratch.file("taken", "x") + "/out"
        await #expect {
            _ = try await ConversionRequest(inputs: ["job-offer"], target: .genius, outputFolder: out).run()
        } throws: { error in
            guard let failure = error as? IOFailure else { return false }
            return failure.action == "cannot create the folder '\(out)'" && failure.exitStatus == .failure
                && !failure.reason.isEmpty
        }
    }

    @Test func inputsOfTwoFormatsAreRefusedNamingEach() async throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let accord = try scratch.file("deal.yaml", "accord: 1\n")
        let genius = try scratch.file("party.xml", "<utility_space/>\n")
        await #expect {
            _ = try await ConversionRequest(inputs: [accord, genius], target: .geniusweb, outputFolder: scratch.path)
                .run()
        } throws: { error in
            (error as? ConversionInputError)?.sentence
                == "the inputs mix formats ('\(accord)' is an Accord scenario, '\(genius)' is GENIUS XML); give the "
                + "files of one scenario."
        }
    }

    @Test(arguments: [
        ([String](), "give the scenario to convert: a file, GENIUS or GeniusWeb files, or a folder."),
        (["nosuch"], "'nosuch' is neither a scenario file nor a bundled scenario; bundled: "),
    ])
    func badInputsSayWhy(inputs: [String], start: String) async {
        await #expect {
            _ = try await ConversionRequest(inputs: inputs, target: .genius, outputFolder: "unused").run()
        } throws: { error in
            (error as? RequestError)?.sentence.hasPrefix(start) == true
        }
    }

    @Test func theSummaryFormatsAndTargetsHaveTheirCLINames() {
        #expect(ConversionTarget.allCases.map(\.rawValue) == ["accord-yaml", "accord-json", "genius", "geniusweb"])
        #expect(ConversionTarget.accordJSON.title == "Accord JSON")
        #expect(ConversionSummaryFormat.allCases.map(\.reportFormat) == [.text, .json])
    }
}

@Suite struct IOFailureTests {
    @Test func theSystemsReasonIsGivenNotFoundationsWrapper() throws {
        let scratch = try ScratchFolder()
        defer { scratch.remove() }
        let file = try scratch.file("notes.yaml", "x")
        do {
            try FileManager.default.createDirectory(atPath: file + "/deeper", withIntermediateDirectories: true)
            Issue.record("a folder was created inside a file")
        } catch {
            let failure = IOFailure("cannot create the folder", error: error)
            #expect(failure.sentence == "cannot create the folder: Not a directory.")
            #expect(failure.exitStatus == .failure)
        }
    }
}
