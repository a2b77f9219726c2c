import AccordKit
import Foundation
import Testing

@Suite struct ScenarioSourceTests {
    @Test func noArgumentIsTheBundledDefault() throws {
        #expect(try ScenarioSource(argument: nil) == .bundled("berlin-2025"))
        #expect(try ScenarioSource(argument: nil).scenario().parties.count == 4)
    }

    @Test func aBundledNameAFileAndGeniusFiles() throws {
        #expect(try ScenarioSource(argument: "job-offer") == .bundled("job-offer"))
        #expect(try ScenarioSource(argument: "talks.yaml") == .file("talks.yaml"))
        #expect(
            try ScenarioSource(argument: nil, domain: "d.xml", profiles: ["a.xml", "b.xml"])
                == .geniusFiles(domain: "d.xml", profiles: ["a.xml", "b.xml"]))
    }

    @Test(
        arguments: [
            ("nosuch", nil, [String](), "'nosuch' is neither a scenario file nor a bundled scenario; bundled: "),
            ("x.yaml", "d.xml", ["p.xml"], "give either a scenario or GENIUS files"),
            (nil, "d.xml", [], "--domain needs the profile of every party"),
            (nil, nil, ["p.xml"], "--profile needs --domain"),
        ] as [(String?, String?, [String], String)])
    func badSourcesSayWhy(argument: String?, domain: String?, profiles: [String], start: String) {
        #expect {
            try ScenarioSource(argument: argument, domain: domain, profiles: profiles)
        } throws: { error in
            (error as? RequestError)?.sentence.hasPrefix(start) == true
        }
    }

    @Test func textIsReadAsAScenario() throws {
        let text = try String(contentsOfFile: try ScenarioLoader.bundledPath("job-offer"), encoding: .utf8)
        let source = ScenarioSource.text(text, file: "upload.yaml")
        #expect(try source.scenario().name == ScenarioSource.bundled("job-offer").scenario().name)
        #expect(source.fingerprint() == ScenarioSource.text(text, file: "other").fingerprint())
        #expect(source.fingerprint() != ScenarioSource.text(text + " ", file: "other").fingerprint())
    }
}

@Suite struct ScenarioSourceHintTests {
    @Test func aNameWithoutItsExtensionIsSuggested() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-hint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("jcpoa.yaml").path
        try Data("accord: 1\n".utf8).write(to: URL(fileURLWithPath: file))
        let bare = folder.appendingPathComponent("jcpoa").path
        #expect {
            try ScenarioSource(argument: bare)
        } throws: { error in
            (error as? RequestError)?.sentence
                == "'\(bare)' is neither a scenario file nor a bundled scenario; did you mean '\(file)'?"
        }
        #expect(try ScenarioSource(argument: file) == .file(file))
    }
}
