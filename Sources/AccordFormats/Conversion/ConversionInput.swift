import AccordCore
import Foundation

/// Reads the scenario a conversion starts from: one Accord scenario file, GENIUS XML files (a domain and its
/// profiles) or a GENIUS folder, or GeniusWeb JSON files (a domain and its profiles, or profiles alone) or a GeniusWeb
/// folder, told apart by their names and content.
public enum ConversionInput {
    /// The format of one input file.
    enum Kind: Equatable {
        case accord, genius, geniusWeb

        /// The format as a sentence names it.
        var title: String {
            switch self {
            case .accord: "an Accord scenario"
            case .genius: "GENIUS XML"
            case .geniusWeb: "GeniusWeb JSON"
            }
        }
    }

    /// The scenario that the files at `paths` describe, and remarks on what a conversion leaves behind (sections not
    /// carried over, issues read from a profile), one sentence each.
    ///
    /// - Parameter paths: one folder, or files of one format (at least one).
    /// - Throws: ``ConversionInputError`` when the files do not make one scenario, or the readers' errors
    ///   (``ScenarioError``, ``GeniusImportError``).
    public static func load(_ paths: [String]) throws -> (scenario: Scenario, notes: [String]) {
        if paths.count == 1, isDirectory(paths[0]) {
            return (try GeniusImporter.scenario(folderPath: paths[0]), [])
        }
        if let folder = paths.first(where: isDirectory) { throw ConversionInputError.folderAmongFiles(folder: folder) }
        var documents: [(path: String, bytes: [UInt8], kind: Kind)] = []
        for path in paths {
            let document = try GeniusDocument.read(path: path)
            documents.append((path, document.bytes, try kind(of: path, bytes: document.bytes)))
        }
        guard Set(documents.map(\.kind.title)).count == 1, let kind = documents.first?.kind else {
            throw ConversionInputError.mixedFormats(files: documents.map(\.path), formats: documents.map(\.kind.title))
        }
        switch kind {
        case .accord:
            guard documents.count == 1 else { throw ConversionInputError.severalAccordFiles(count: documents.count) }
            return try accordScenario(path: documents[0].path)
        case .genius:
            return try geniusScenario(documents.map { GeniusDocument(file: $0.path, bytes: $0.bytes) })
        case .geniusWeb:
            return (try geniusWebScenario(documents.map { GeniusWebDocument(file: $0.path, bytes: $0.bytes) }), [])
        }
    }

    /// The format of an input file, by its extension and content.
    static func kind(of path: String, bytes: [UInt8]) throws -> Kind {
        let lower = path.lowercased()
        if lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") { return .accord }
        if lower.hasSuffix(".xml") { return .genius }
        guard GeniusWebImporter.looksLikeJSON(bytes) else {
            if lower.hasSuffix(".json") { throw ConversionInputError.notJSON(file: path) }
            if bytes.contains(UInt8(ascii: "<")) { return .genius }
            throw ConversionInputError.unknownFormat(file: path)
        }
        switch GeniusWebImporter.kind(of: bytes) {
        case .accordScenario: return .accord
        case .geniusWebDomain, .geniusWebProfile: return .geniusWeb
        case .unknown:
            // Read as a GeniusWeb profile first: its error is the most specific one.
            do {
                _ = try GeniusWebImporter.scenario(domain: nil, profiles: [GeniusWebDocument(file: path, bytes: bytes)])
            } catch {
                throw error.asGeniusImportError
            }
            throw ConversionInputError.unknownJSON(file: path)
        }
    }

    /// An Accord scenario file, with a note for each section a conversion does not carry over.
    static func accordScenario(path: String) throws -> (scenario: Scenario, notes: [String]) {
        let document = try ScenarioLoader.loadDocument(path: path)
        var notes: [String] = []
        if document.forecast != nil {
            notes.append("The forecast: section is not carried over; copy it by hand if you need it.")
        }
        if document.simulation != nil {
            notes.append("The protocol: section is not carried over; copy it by hand if you need it.")
        }
        return (document.scenario, notes)
    }

    /// GENIUS files: the one whose root is `<negotiation_template>` is the domain, the others are profiles in the
    /// order given; without a domain file, the first profile describes the issues.
    static func geniusScenario(_ documents: [GeniusDocument]) throws -> (scenario: Scenario, notes: [String]) {
        var domains: [GeniusDocument] = []
        var profiles: [GeniusDocument] = []
        for document in documents {
            if GeniusImporter.isDomain(document) { domains.append(document) } else { profiles.append(document) }
        }
        guard domains.count <= 1 else {
            throw ConversionInputError.severalDomains(format: "GENIUS", files: domains.map(\.file))
        }
        guard let first = profiles.first else {
            throw ConversionInputError.domainWithoutProfiles(file: documents[0].file)
        }
        let notes =
            domains.isEmpty
            ? ["No GENIUS domain file was given; the issues are read from the profile '\(first.file)'."] : []
        return (try GeniusImporter.scenario(domain: domains.first ?? first, profiles: profiles), notes)
    }

    /// GeniusWeb files: at most one domain (top-level `issuesValues`), the others profiles.
    static func geniusWebScenario(_ files: [GeniusWebDocument]) throws -> Scenario {
        let domains = files.filter { GeniusWebImporter.kind(of: $0.bytes) == .geniusWebDomain }
        guard domains.count <= 1 else {
            throw ConversionInputError.severalDomains(format: "GeniusWeb", files: domains.map(\.file))
        }
        do {
            return try GeniusWebImporter.scenario(
                domain: domains.first, profiles: files.filter { !domains.contains($0) })
        } catch {
            throw error.asGeniusImportError
        }
    }

    /// Whether a directory exists at the path.
    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
