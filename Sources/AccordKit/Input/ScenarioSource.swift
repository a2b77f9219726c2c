import Foundation

/// Where a scenario comes from: a bundled scenario, an Accord scenario file, a GENIUS folder, GENIUS domain and
/// profile files, or Accord scenario text in memory (a request body).
public enum ScenarioSource: Sendable, Equatable {
    /// A bundled scenario, by name (``ScenarioLoader/bundledNames``).
    case bundled(String)
    /// An Accord scenario file (`.yaml`, `.yml`, `.json`).
    case file(String)
    /// A folder holding one GENIUS domain and its profiles.
    case geniusFolder(String)
    /// A GENIUS domain file and one profile file per party.
    case geniusFiles(domain: String, profiles: [String])
    /// Accord scenario text (YAML or JSON), named `file` in messages.
    case text(String, file: String)

    /// The bundled default scenario, berlin-2025.
    public static let `default` = ScenarioSource.bundled(ScenarioLoader.defaultScenario)

    /// The source a command line names: a path, a bundled name, a GENIUS folder, GENIUS files given with
    /// `--domain` and `--profile`, or nothing (the default).
    public init(argument: String?, domain: String? = nil, profiles: [String] = []) throws(RequestError) {
        if let domain {
            guard argument == nil else {
                throw RequestError(
                    "give either a scenario or GENIUS files with --domain and --profile, not both (found '\(argument ?? "")')."
                )
            }
            guard !profiles.isEmpty else {
                throw RequestError("--domain needs the profile of every party: add one --profile file per party.")
            }
            self = .geniusFiles(domain: domain, profiles: profiles)
            return
        }
        guard profiles.isEmpty else {
            throw RequestError("--profile needs --domain: give the GENIUS domain file the profiles belong to.")
        }
        guard let argument else {
            self = .default
            return
        }
        // A folder named like a scenario file (`x.yaml/`) is left to the scenario loader, which says it is a folder.
        if Self.isDirectory(argument), !Self.hasScenarioExtension(argument) {
            self = .geniusFolder(argument)
            return
        }
        let looksLikeFile = argument.contains("/") || argument.contains(".")
        if !looksLikeFile, ScenarioLoader.bundledNames.contains(argument) {
            self = .bundled(argument)
            return
        }
        if !FileManager.default.fileExists(atPath: argument), let file = Self.fileWithExtension(argument) {
            throw RequestError(
                "'\(argument)' is neither a scenario file nor a bundled scenario; did you mean '\(file)'?")
        }
        if !looksLikeFile {
            throw RequestError(
                "'\(argument)' is neither a scenario file nor a bundled scenario; bundled: "
                    + ScenarioLoader.bundledNames.joined(separator: ", ") + ".")
        }
        self = .file(argument)
    }

    /// Whether the source is GENIUS files or a GENIUS folder (no `protocol:` or `forecast:` section).
    public var isGenius: Bool {
        switch self {
        case .geniusFolder, .geniusFiles: true
        case .bundled, .file, .text: false
        }
    }

    /// The path of an Accord scenario file to read (a bundled scenario's resource), or `nil` for GENIUS sources
    /// and text.
    public func accordPath() throws(ScenarioError) -> String? {
        switch self {
        case .bundled(let name): try ScenarioLoader.bundledPath(name)
        case .file(let path): path
        case .geniusFolder, .geniusFiles, .text: nil
        }
    }

    /// The scenario: imported from GENIUS files, or read from an Accord scenario.
    public func scenario() throws -> Scenario {
        try document().scenario
    }

    /// The scenario with its `protocol:` and `forecast:` sections (none for GENIUS sources).
    public func document() throws -> ScenarioDocument {
        switch self {
        case .geniusFolder(let path): ScenarioDocument(scenario: try GeniusImporter.scenario(folderPath: path))
        case .geniusFiles(let domain, let profiles):
            ScenarioDocument(scenario: try GeniusImporter.scenario(domainPath: domain, profilePaths: profiles))
        case .text(let text, let file): try ScenarioLoader.parseDocument(text, file: file)
        case .bundled, .file: try ScenarioLoader.loadDocument(path: try accordPath() ?? "")
        }
    }

    /// The paths this source reads (none for text).
    public var paths: [String] {
        switch self {
        case .bundled(let name): [(try? ScenarioLoader.bundledPath(name)) ?? name]
        case .file(let path): [path]
        case .geniusFolder(let path):
            ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 }
        case .geniusFiles(let domain, let profiles): [domain] + profiles
        case .text: []
        }
    }

    /// The fingerprint of the inputs: FNV-1a over each file's bytes (or the text), then over the list.
    public func fingerprint() -> String {
        if case .text(let text, _) = self { return fnv1aFingerprint(Array(text.utf8)) }
        let parts = paths.map { path in
            fnv1aFingerprint(Array((FileManager.default.contents(atPath: path)) ?? Data()))
        }
        return fnv1aFingerprint(Array(parts.joined(separator: ";").utf8))
    }

    /// The source as JSON, for a run record's parameters.
    public var json: JSONValue {
        switch self {
        case .bundled(let name): .object([("bundled", .string(name))])
        case .file(let path): .object([("file", .string(path))])
        case .geniusFolder(let path): .object([("geniusFolder", .string(path))])
        case .geniusFiles(let domain, let profiles):
            .object([("domain", .string(domain)), ("profiles", .array(profiles.map(JSONValue.string)))])
        case .text(_, let file): .object([("text", .string(file))])
        }
    }

    /// The existing scenario file that a path without its extension names (`talks` for `talks.yaml`), if any.
    static func fileWithExtension(_ path: String) -> String? {
        guard !hasScenarioExtension(path) else { return nil }
        return [".yaml", ".yml", ".json"].map { path + $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Whether the path ends in a scenario file's extension (`.yaml`, `.yml`, `.json`, any case, a final `/` ignored).
    public static func hasScenarioExtension(_ path: String) -> Bool {
        let name = (path.hasSuffix("/") ? String(path.dropLast()) : path).lowercased()
        return [".yaml", ".yml", ".json"].contains { name.hasSuffix($0) }
    }

    /// Whether a directory exists at the path.
    public static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
