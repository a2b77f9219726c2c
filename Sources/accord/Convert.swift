import AccordKit
import ArgumentParser
import Foundation

/// `accord convert`: reads a scenario in one format and writes it in another.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a scenario between Accord YAML/JSON, GENIUS XML and GeniusWeb JSON.",
        discussion: """
            The input is an Accord scenario file (.yaml, .yml, or .json with an 'accord' key) or the name of a \
            bundled scenario; GENIUS files (a \
            domain .xml and its profiles) or a GENIUS folder; or GeniusWeb files (a domain .json and its profiles, or \
            profiles alone) or a GeniusWeb folder. Existing files are never overwritten without --force. \
            Documentation: docs/cli.md#accord-convert and docs/formats.md.
            """)

    /// The formats `convert` writes.
    enum Target: String, CaseIterable, ExpressibleByArgument {
        case accordYAML = "accord-yaml"
        case accordJSON = "accord-json"
        case genius
        case geniusweb

        var title: String {
            switch self {
            case .accordYAML: "Accord YAML"
            case .accordJSON: "Accord JSON"
            case .genius: "GENIUS"
            case .geniusweb: "GeniusWeb"
            }
        }
    }

    /// The formats of the summary.
    enum SummaryFormat: String, CaseIterable, ExpressibleByArgument {
        case text
        case json
    }

    @Argument(
        help: ArgumentHelp(
            "The scenario to convert: one Accord file, GENIUS or GeniusWeb files (domain and profiles), or a folder.",
            valueName: "in"))
    var inputs: [String] = []

    @Option(help: "The format to write: accord-yaml, accord-json, genius or geniusweb.")
    var to: Target

    @Option(help: ArgumentHelp("The folder to write into; created when missing.", valueName: "dir"))
    var out: String

    @Flag(help: "Overwrite files that already exist in the output folder.")
    var force = false

    @Option(help: "Output format of the summary: text or json.")
    var format: SummaryFormat = .text

    func validate() throws {
        guard !inputs.isEmpty else {
            throw ValidationError("give the scenario to convert: a file, GENIUS or GeniusWeb files, or a folder.")
        }
    }

    func run() throws {
        let (scenario, importNotes) = try ConvertInput.load(inputs)
        var notes = importNotes
        let export: ScenarioExport
        do {
            switch to {
            case .accordYAML: export = try ScenarioWriter.yaml(scenario)
            case .accordJSON: export = try ScenarioWriter.json(scenario)
            case .genius: export = try GeniusExporter.export(scenario)
            case .geniusweb: export = try GeniusWebExporter.export(scenario)
            }
        } catch {
            throw RequestError(error.description)
        }
        notes += export.notes
        let paths = try write(export.files)
        switch format {
        case .json:
            let body = JSONValue.object([
                ("format", .string(to.rawValue)), ("scenario", .string(scenario.name)),
                ("files", .array(paths.map(JSONValue.string))), ("notes", .array(notes.map(JSONValue.string))),
            ])
            emit(body.serialized() + "\n")
        case .text:
            var text =
                "Wrote \(to.title) for '\(scenario.name)' (\(scenario.parties.count) parties, "
                + "\(scenario.issues.count) issues) to \(out):\n"
            for path in paths { text += "  \(path)\n" }
            for note in notes { text += "note: \(note)\n" }
            emit(text)
        }
    }

    /// Writes the files into `--out`, refusing to replace existing files unless `--force` is given; returns their
    /// paths.
    func write(_ files: [ScenarioExport.File]) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: out, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RequestError("--out '\(out)' is a file; give a folder to write into.")
            }
        } else {
            do {
                try manager.createDirectory(atPath: out, withIntermediateDirectories: true)
            } catch {
                throw RequestError("cannot create the folder '\(out)': \(reason(error)).")
            }
        }
        let folder = URL(fileURLWithPath: out)
        let paths = files.map { (out.hasSuffix("/") ? out : out + "/") + $0.name }
        let existing = paths.filter { manager.fileExists(atPath: $0) }
        if !existing.isEmpty, !force {
            throw RequestError(
                (existing.count == 1
                    ? "'\(existing[0])' already exists"
                    : "\(existing.count) of the files already "
                        + "exist (" + existing.map { "'\($0)'" }.joined(separator: ", ") + ")")
                    + "; add --force to overwrite, or choose another --out folder.")
        }
        for (file, path) in zip(files, paths) {
            do {
                try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
            } catch {
                throw RequestError("cannot write '\(path)': \(reason(error)).")
            }
        }
        return paths
    }

    private func reason(_ error: Error) -> String {
        var text = error.localizedDescription
        while text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

/// Reads the inputs of `accord convert`: tells Accord, GENIUS and GeniusWeb files apart and imports them.
enum ConvertInput {
    /// What one input file is.
    enum Kind: Equatable {
        case accord, genius, geniusWeb

        var title: String {
            switch self {
            case .accord: "an Accord scenario"
            case .genius: "GENIUS XML"
            case .geniusWeb: "GeniusWeb JSON"
            }
        }
    }

    /// The scenario the inputs describe, and remarks on what the conversion leaves behind.
    static func load(_ arguments: [String]) throws -> (Scenario, [String]) {
        var inputs = arguments
        if inputs.count == 1, !FileManager.default.fileExists(atPath: inputs[0]) {
            inputs[0] = try ScenarioArgument.path(of: inputs[0])  // a bundled scenario's name
        }
        if inputs.count == 1, ScenarioArgument.isDirectory(inputs[0]) {
            return (try GeniusImporter.scenario(folderPath: inputs[0]), [])
        }
        if let folder = inputs.first(where: ScenarioArgument.isDirectory) {
            throw RequestError("'\(folder)' is a folder; give either one folder or files, not both.")
        }
        var documents: [(path: String, bytes: [UInt8], kind: Kind)] = []
        for path in inputs {
            let document = try GeniusDocument.read(path: path)
            documents.append((path, document.bytes, try kind(of: path, bytes: document.bytes)))
        }
        let kinds = Set(documents.map { $0.kind.title })
        guard kinds.count == 1, let kind = documents.first?.kind else {
            throw RequestError(
                "the inputs mix formats ("
                    + documents.map { "'\($0.path)' is \($0.kind.title)" }.joined(separator: ", ")
                    + "); give the files of one scenario.")
        }
        switch kind {
        case .accord:
            guard documents.count == 1 else {
                throw RequestError("give one Accord scenario file at a time, not \(documents.count).")
            }
            let document = try ScenarioLoader.loadDocument(path: documents[0].path)
            var notes: [String] = []
            if document.forecast != nil {
                notes.append("The forecast: section is not carried over; copy it by hand if you need it.")
            }
            if document.simulation != nil {
                notes.append("The protocol: section is not carried over; copy it by hand if you need it.")
            }
            return (document.scenario, notes)
        case .genius:
            return try geniusScenario(documents.map { GeniusDocument(file: $0.path, bytes: $0.bytes) })
        case .geniusWeb:
            let files = documents.map { GeniusWebDocument(file: $0.path, bytes: $0.bytes) }
            let domains = files.filter { GeniusWebImporter.kind(of: $0.bytes) == .geniusWebDomain }
            guard domains.count <= 1 else {
                throw RequestError(
                    "the inputs hold \(domains.count) GeniusWeb domains ("
                        + domains.map { "'\($0.file)'" }.joined(separator: ", ")
                        + "); give one domain and its profiles.")
            }
            do {
                return (
                    try GeniusWebImporter.scenario(
                        domain: domains.first, profiles: files.filter { !domains.contains($0) }), []
                )
            } catch {
                throw error.asGeniusImportError
            }
        }
    }

    /// The kind of an input file, by its extension and content.
    static func kind(of path: String, bytes: [UInt8]) throws -> Kind {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .accord }
        if lower.hasSuffix(".xml") { return .genius }
        guard GeniusWebImporter.looksLikeJSON(bytes) else {
            if lower.hasSuffix(".json") {
                throw RequestError("'\(path)' is not JSON: it does not start with '{'.")
            }
            if bytes.contains(UInt8(ascii: "<")) { return .genius }
            throw RequestError(
                "'\(path)' is neither an Accord scenario (.yaml, .yml, .json), GENIUS XML nor GeniusWeb JSON.")
        }
        switch GeniusWebImporter.kind(of: bytes) {
        case .accordScenario: return .accord
        case .geniusWebDomain, .geniusWebProfile: return .geniusWeb
        case .unknown:
            do {
                _ = try GeniusWebImporter.scenario(domain: nil, profiles: [GeniusWebDocument(file: path, bytes: bytes)])
            } catch {
                throw error.asGeniusImportError
            }
            throw RequestError(
                "'\(path)' is JSON but neither an Accord scenario (no 'accord' key) nor a GeniusWeb domain "
                    + "('issuesValues') or profile ('LinearAdditiveUtilitySpace').")
        }
    }

    /// GENIUS files: the one whose root is `<negotiation_template>` is the domain, the others are profiles in the
    /// order given; without a domain file, the first profile describes the issues.
    static func geniusScenario(_ documents: [GeniusDocument]) throws -> (Scenario, [String]) {
        var domains: [GeniusDocument] = []
        var profiles: [GeniusDocument] = []
        for document in documents {
            if GeniusImporter.isDomain(document) { domains.append(document) } else { profiles.append(document) }
        }
        guard domains.count <= 1 else {
            throw RequestError(
                "the inputs hold \(domains.count) GENIUS domains ("
                    + domains.map { "'\($0.file)'" }.joined(separator: ", ")
                    + "); give one domain and its profiles.")
        }
        guard let first = profiles.first else {
            throw RequestError("'\(documents[0].file)' is a GENIUS domain; give its profiles too, one per party.")
        }
        let domain = domains.first ?? first
        let notes =
            domains.isEmpty
            ? ["No GENIUS domain file was given; the issues are read from the profile '\(first.file)'."] : []
        return (try GeniusImporter.scenario(domain: domain, profiles: profiles), notes)
    }
}
