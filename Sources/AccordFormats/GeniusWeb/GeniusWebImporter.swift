import AccordCore
import Foundation

/// Imports GeniusWeb (ANL 2020+) domains and `LinearAdditiveUtilitySpace` profiles into Accord scenarios, with
/// GeniusWeb's semantics (see ``GeniusWebProfile`` for the rules).
///
/// ```swift
/// let scenario = try GeniusWebImporter.scenario(
///     domainPath: "jobs/jobs.json", profilePaths: ["jobs/jobs1.json", "jobs/jobs2.json"])
/// ```
///
/// The scenario's issues are the domain's, in the order the file lists them, with the GeniusWeb names and values
/// byte-exact as ids: a discrete value set gives options, a number range an integer issue (whole-number bounds and
/// step) or a real one, on exactly GeniusWeb's grid. One party per profile, its id the profile's file name
/// (`jobs1`), its name the profile's `name`. Every GeniusWeb profile embeds its domain, so the domain file may be
/// left out (``scenario(profilePaths:)``); when it is given, every profile's domain must have the same issues and
/// values.
public enum GeniusWebImporter {
    /// What a JSON document holds, judged by its top-level keys.
    public enum DocumentKind: Sendable, Equatable {
        /// An Accord scenario (a top-level `accord` key).
        case accordScenario
        /// A GeniusWeb domain (top-level `issuesValues`).
        case geniusWebDomain
        /// A GeniusWeb profile (a single top-level key naming a profile type, such as `LinearAdditiveUtilitySpace`).
        case geniusWebProfile
        /// Something else (or not JSON at all).
        case unknown
    }

    /// Tells an Accord JSON scenario from a GeniusWeb domain or profile by the document's top-level keys: `accord`
    /// marks an Accord scenario, `issuesValues` a GeniusWeb domain, and a single key whose value is an object (such as
    /// `LinearAdditiveUtilitySpace`) a GeniusWeb profile.
    public static func kind(of bytes: [UInt8]) -> DocumentKind {
        guard let root = try? JSONValue(parsing: bytes), let members = root.members else { return .unknown }
        let keys = members.map(\.key)
        if keys.contains("accord") { return .accordScenario }
        if keys.contains("issuesValues") { return .geniusWebDomain }
        if keys.contains(GeniusWebProfile.linearAdditive) { return .geniusWebProfile }
        if members.count == 1, members[0].value.members != nil,
            members[0].key.hasSuffix("Space")
                || members[0].key.hasSuffix("Ordering")
        {
            return .geniusWebProfile
        }
        return .unknown
    }

    /// Whether the bytes start (after whitespace and a byte-order mark) with `{`, as JSON documents do and GENIUS
    /// XML files cannot.
    public static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{")
    }

    /// Imports a domain file and one profile file per party.
    public static func scenario(domainPath: String, profilePaths: [String]) throws(GeniusWebImportError) -> Scenario {
        let domain = try GeniusWebDocument.read(path: domainPath)
        var profiles: [GeniusWebDocument] = []
        for path in profilePaths { profiles.append(try GeniusWebDocument.read(path: path)) }
        return try scenario(domain: domain, profiles: profiles)
    }

    /// Imports profile files alone: the domain is the one the first profile embeds (the others must embed the same).
    public static func scenario(profilePaths: [String]) throws(GeniusWebImportError) -> Scenario {
        var profiles: [GeniusWebDocument] = []
        for path in profilePaths { profiles.append(try GeniusWebDocument.read(path: path)) }
        return try scenario(domain: nil, profiles: profiles)
    }

    /// Imports a domain (or none: then the first profile's) and one profile per party from documents in memory.
    ///
    /// - Throws: ``GeniusWebImportError``, naming the file and the JSON path at fault.
    public static func scenario(
        domain domainDocument: GeniusWebDocument?, profiles profileDocuments: [GeniusWebDocument]
    ) throws(GeniusWebImportError) -> Scenario {
        guard let first = profileDocuments.first else {
            throw .invalid(
                file: domainDocument?.file ?? "(no file)", path: nil,
                message: "no profile was given; a scenario needs one profile per party")
        }
        var notes: [String] = []
        let profiles = try readProfiles(profileDocuments)
        let (domain, domainFile) = try readDomain(domainDocument, firstProfile: profiles[0], in: first, notes: &notes)
        try checkEmbeddedDomains(of: profiles, against: domain, in: domainFile, notes: &notes)
        let issues = domain.accordIssues()
        try checkNumericIssues(issues, of: domain, in: domainFile, notes: &notes)
        let parties = try readParties(profileDocuments, profiles, domain: domain, issues: issues, notes: &notes)
        let sources =
            (domainDocument.map { "domain \($0.file); " } ?? "domain embedded in \(first.file); ")
            + "profiles " + profileDocuments.map(\.file).joined(separator: ", ")
        return Scenario(
            name: domain.name, description: "Imported from GeniusWeb: \(sources).", issues: issues, parties: parties,
            notes: notes)
    }

    /// Reads every profile, refusing a domain given where a profile was expected.
    private static func readProfiles(_ documents: [GeniusWebDocument]) throws(GeniusWebImportError)
        -> [GeniusWebProfile]
    {
        var profiles: [GeniusWebProfile] = []
        for document in documents {
            let root = try document.json()
            if root["issuesValues"] != nil {
                throw .notGeniusWeb(
                    file: document.file, message: "a GeniusWeb domain, given where a profile was expected")
            }
            profiles.append(try GeniusWebProfile(json: root, file: document.file))
        }
        return profiles
    }

    /// The domain, from its document or else embedded in the first profile, with the file it comes from.
    private static func readDomain(
        _ document: GeniusWebDocument?, firstProfile: GeniusWebProfile, in first: GeniusWebDocument,
        notes: inout [String]
    ) throws(GeniusWebImportError) -> (domain: GeniusWebDomain, file: String) {
        guard let document else {
            guard let embedded = firstProfile.embeddedDomain else {
                throw .invalid(
                    file: first.file, path: "\(GeniusWebProfile.linearAdditive).domain",
                    message: "is missing, and no domain file was given; give the domain file too")
            }
            return (embedded, first.file)
        }
        let root = try document.json()
        guard root["issuesValues"] != nil || root.members == nil else {
            if root[GeniusWebProfile.linearAdditive] != nil {
                throw .notGeniusWeb(
                    file: document.file, message: "a GeniusWeb profile, given where a domain was expected")
            }
            throw .notGeniusWeb(
                file: document.file, message: "not a GeniusWeb domain: it has no \"issuesValues\" key at the top level")
        }
        let domain = try GeniusWebDomain(
            json: root, at: .root, reader: GeniusWebReader(file: document.file), notes: &notes)
        return (domain, document.file)
    }

    /// Refuses a profile whose embedded domain differs from the domain; notes one that only names it differently.
    private static func checkEmbeddedDomains(
        of profiles: [GeniusWebProfile], against domain: GeniusWebDomain, in domainFile: String,
        notes: inout [String]
    ) throws(GeniusWebImportError) {
        for profile in profiles {
            guard let embedded = profile.embeddedDomain else { continue }
            if let difference = embedded.difference(from: domain) {
                throw .invalid(
                    file: profile.file, path: "\(GeniusWebProfile.linearAdditive).domain",
                    message: "does not match the domain of \(domainFile): \(difference)")
            }
            if embedded.name != domain.name {
                notes.append(
                    "\(profile.file) names its domain \"\(embedded.name)\", not \"\(domain.name)\"; the issues and "
                        + "values are the same.")
            }
        }
    }

    /// Refuses a number issue that cannot be enumerated on exactly GeniusWeb's values; notes a range that is not a
    /// whole number of steps.
    private static func checkNumericIssues(
        _ issues: [Issue], of domain: GeniusWebDomain, in domainFile: String, notes: inout [String]
    ) throws(GeniusWebImportError) {
        for (issue, accordIssue) in zip(domain.issues, issues) {
            guard case .number(let range) = issue.kind else { continue }
            guard accordIssue.levelCount == range.count else {
                throw .invalid(
                    file: domainFile, path: JSONPath.root.key("issuesValues").key(issue.name).description,
                    message: "cannot be enumerated on exactly GeniusWeb's \(range.count) values")
            }
            if range.last != range.high {
                notes.append(
                    "Issue \"\(issue.name)\": the range \(range.low)…\(range.high) is not a whole number of steps of "
                        + "\(range.step); as in GeniusWeb its last value is \(range.last).")
            }
        }
    }

    /// One party per profile, named after its file (` (2)`, ` (3)`, … when two files share a name).
    private static func readParties(
        _ documents: [GeniusWebDocument], _ profiles: [GeniusWebProfile], domain: GeniusWebDomain, issues: [Issue],
        notes: inout [String]
    ) throws(GeniusWebImportError) -> [Party] {
        var parties: [Party] = []
        var usedIds: Set<String> = []
        for (document, profile) in zip(documents, profiles) {
            let resolved = try profile.resolve(against: domain, issues: issues)
            var id = document.stem
            var copy = 2
            while usedIds.contains(id) {
                id = "\(document.stem) (\(copy))"
                copy += 1
            }
            usedIds.insert(id)
            parties.append(
                Party(id: id, name: profile.name ?? id, utility: resolved.utility, reservation: resolved.reservation))
            notes.append(contentsOf: resolved.notes)
        }
        return parties
    }

    /// Imports a folder of GeniusWeb files: every `.json` file directly in it is read; the one with `issuesValues`
    /// at the top level is the domain (at most one; without one, the first profile's domain is used), every
    /// profile is a party, in file-name order. Any other JSON file is an error.
    ///
    /// - Throws: ``GeniusWebImportError``, naming the folder or the file at fault.
    public static func scenario(folderPath: String) throws(GeniusWebImportError) -> Scenario {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
        } catch {
            throw .unreadable(file: folderPath, reason: "cannot list the folder")
        }
        let folder = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        var domains: [GeniusWebDocument] = []
        var profiles: [GeniusWebDocument] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".json") && !name.hasPrefix(".") {
            let document = try GeniusWebDocument.read(path: folder + name)
            switch kind(of: document.bytes) {
            case .geniusWebDomain: domains.append(document)
            case .geniusWebProfile: profiles.append(document)
            case .accordScenario:
                throw .notGeniusWeb(
                    file: document.file, message: "an Accord scenario, in a folder read as GeniusWeb files")
            case .unknown:
                _ = try document.json()
                throw .notGeniusWeb(
                    file: document.file,
                    message: "neither a GeniusWeb domain (issuesValues) nor a profile (LinearAdditiveUtilitySpace)")
            }
        }
        guard domains.count <= 1 else {
            throw .invalid(
                file: folderPath, path: nil,
                message: "the folder holds \(domains.count) GeniusWeb domain files ("
                    + domains.map(\.stem).joined(separator: ", ") + "); give one with --domain and its profiles with "
                    + "--profile")
        }
        guard !profiles.isEmpty else {
            throw .invalid(
                file: folderPath, path: nil,
                message: "no GeniusWeb profile (a .json file with LinearAdditiveUtilitySpace) is in the folder")
        }
        return try scenario(domain: domains.first, profiles: profiles)
    }

    /// Whether a folder holds GeniusWeb files rather than GENIUS ones: some `.json` file and no `.xml` file.
    public static func isGeniusWebFolder(_ folderPath: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folderPath) else { return false }
        let lower = names.filter { !$0.hasPrefix(".") }.map { $0.lowercased() }
        return lower.contains { $0.hasSuffix(".json") } && !lower.contains { $0.hasSuffix(".xml") }
    }
}
