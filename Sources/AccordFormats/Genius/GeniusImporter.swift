import AccordCore
import Foundation

/// Imports GENIUS domains and their linear-additive and nonlinear profiles into Accord scenarios, with GENIUS's exact
/// semantics and a reader tolerant of the defects of the published files.
///
/// The semantics are GENIUS 10.4's: issues and weights matched by `index` (not by position); discrete evaluations
/// divided by the issue's largest evaluation (not min-subtracted); integer evaluators
/// `clamp01(slope·(x − lowerbound) + offset)`; real `linear`, `constant` and `triangular` evaluators; weights as
/// written, never renormalised, and the total capped at 1 (a party whose cap binds gets a ``CappedAdditiveUtility``,
/// which the exact analysis does not support yet); reservation 0 when absent; no discount when the factor is
/// absent, ≤ 0 or > 1; `type="uncertain"` profiles read as their linear profile. Nonlinear (hyper-rectangle)
/// profiles, the ANAC 2014 ones, become a ``HyperRectangleUtility`` (`U = min(1, F/maxutility)`, `F` a tree of `ufun`
/// nodes aggregating `INCLUDES`/`EXCLUDES` rectangles by sum, min or max), with their reservation value and discount
/// factor read as for a linear profile. Constraint profiles are refused with
/// ``GeniusImportError/constraintProfile(file:)``.
///
/// The reader accepts what GENIUS's own parser accepts: a bare `&` (no entity is decoded, so values stay exactly
/// as GENIUS sees them), attributes without spaces between them, comments before the XML declaration. A file that
/// is valid UTF-8 is read as UTF-8, any other as Windows-1252 (GENIUS reads with the platform's character set; the
/// files that are not UTF-8 were written on Windows).
///
/// ```swift
/// let scenario = try GeniusImporter.scenario(
///     domainPath: "Car/adg.xml", profilePaths: ["Car/adg_deal.xml", "Car/adg_deal2.xml"])
/// ```
///
/// The scenario's issues are the domain's, in GENIUS's order, with the GENIUS names and values byte-exact as ids;
/// one party per profile, named after the profile's file (`adg_deal`). Its notes record everything GENIUS-specific
/// the import did: weights used as written, the cap at 1, ignored elements, uncertain profiles read as linear.
public enum GeniusImporter {
    /// The most values one integer issue may have.
    package static let maximumIssueLevels = 1_000_000

    /// Imports a domain file and one profile file per party.
    ///
    /// A domain file that holds JSON rather than XML is a GeniusWeb domain (or profile): the files are then read by
    /// ``GeniusWebImporter``, and its errors are reported as ``GeniusImportError``s with the same sentence.
    public static func scenario(
        domainPath: String, profilePaths: [String], options: GeniusImportOptions = GeniusImportOptions()
    ) throws(GeniusImportError) -> Scenario {
        let domain = try GeniusDocument.read(path: domainPath)
        if GeniusWebImporter.looksLikeJSON(domain.bytes) {
            do {
                return try GeniusWebImporter.scenario(
                    domain: GeniusWebDocument(file: domain.file, bytes: domain.bytes),
                    profiles: profilePaths.map { path throws(GeniusWebImportError) in
                        try GeniusWebDocument.read(path: path)
                    })
            } catch {
                throw error.asGeniusImportError
            }
        }
        var profiles: [GeniusDocument] = []
        for path in profilePaths { profiles.append(try GeniusDocument.read(path: path)) }
        return try scenario(domain: domain, profiles: profiles, options: options)
    }

    /// Imports a domain and one profile per party from documents already in memory.
    ///
    /// - Throws: ``GeniusImportError``, naming the file, line and element at fault.
    public static func scenario(
        domain domainDocument: GeniusDocument, profiles profileDocuments: [GeniusDocument],
        options: GeniusImportOptions = GeniusImportOptions()
    ) throws(GeniusImportError) -> Scenario {
        guard options.realIssueLevels >= 2, options.realIssueLevels <= maximumIssueLevels else {
            throw .invalid(
                file: domainDocument.file, line: nil, element: nil,
                message: "real issues need between 2 and \(maximumIssueLevels) levels, not \(options.realIssueLevels)")
        }
        guard !profileDocuments.isEmpty else {
            throw .invalid(
                file: domainDocument.file, line: nil, element: nil,
                message: "no profile was given; a scenario needs one profile per party")
        }
        let domain = try GeniusDomain(
            document: try GeniusXMLReader.parse(domainDocument.bytes, file: domainDocument.file),
            file: domainDocument.file)
        let issues = domain.accordIssues(realLevels: options.realIssueLevels)
        var notes: [String] = []
        for issue in domain.issues {
            if case .real(let lower, let upper) = issue.kind {
                notes.append(
                    "Real issue \"\(issue.name)\" [\(lower), \(upper)] is enumerated on \(options.realIssueLevels) "
                        + "evenly spaced levels.")
            }
            if case .discrete(let values) = issue.kind, Set(values).count < values.count {
                notes.append(
                    "Issue \"\(issue.name)\" lists a value more than once; each copy is a separate option, as in "
                        + "GENIUS.")
            }
        }
        if Set(domain.issues.map(\.name)).count < domain.issues.count {
            notes.append(
                "Two issues share a name; they are told apart by position, as GENIUS tells them apart by index.")
        }

        var parties: [Party] = []
        var usedIds: Set<String> = []
        for document in profileDocuments {
            let profile = try GeniusProfile(
                document: try GeniusXMLReader.parse(document.bytes, file: document.file), file: document.file,
                domain: domain, issues: issues)
            var id = document.stem
            var copy = 2
            while usedIds.contains(id) {
                id = "\(document.stem) (\(copy))"
                copy += 1
            }
            usedIds.insert(id)
            parties.append(
                Party(id: id, utility: profile.utility, reservation: profile.reservation, discount: profile.discount))
            notes.append(contentsOf: profile.notes)
        }
        return Scenario(
            name: domainDocument.stem,
            description: "Imported from GENIUS: domain \(domainDocument.file); profiles "
                + profileDocuments.map(\.file).joined(separator: ", ") + ".",
            issues: issues, parties: parties, notes: notes)
    }

    /// Imports a folder holding one GENIUS domain file and the profiles of its parties.
    ///
    /// Every `.xml` file directly in the folder is read: the one whose root is `<negotiation_template>` is the
    /// domain, those whose root is `<utility_space>` are the profiles, one party each, in file-name order. A file
    /// with no `<` at all is plain text, not XML (the `pareto.xml` of the ANAC 2014 folders): it is skipped with a
    /// note. Any other XML file, a second domain, or no domain or no profile at all is an error.
    ///
    /// A folder with `.json` files and no `.xml` file is a GeniusWeb folder, read by
    /// ``GeniusWebImporter/scenario(folderPath:)`` (its errors reported as ``GeniusImportError``s).
    ///
    /// - Throws: ``GeniusImportError``, naming the folder or the file at fault.
    public static func scenario(
        folderPath: String, options: GeniusImportOptions = GeniusImportOptions()
    ) throws(GeniusImportError) -> Scenario {
        if GeniusWebImporter.isGeniusWebFolder(folderPath) {
            do {
                return try GeniusWebImporter.scenario(folderPath: folderPath)
            } catch {
                throw error.asGeniusImportError
            }
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folderPath)
        } catch {
            throw .unreadable(file: folderPath, reason: "cannot list the folder")
        }
        let folder = folderPath.hasSuffix("/") ? folderPath : folderPath + "/"
        var domains: [GeniusDocument] = []
        var profiles: [GeniusDocument] = []
        var skipped: [String] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".xml") && !name.hasPrefix(".") {
            let document = try GeniusDocument.read(path: folder + name)
            // The ANAC 2014 folders ship the organisers' frontier as pareto.xml, plain "u1, u2" lines: not XML at all.
            if !document.bytes.contains(UInt8(ascii: "<")) {
                skipped.append(name)
                continue
            }
            let root = try GeniusXMLReader.parse(document.bytes, file: document.file)
            switch root.name {
            case "negotiation_template": domains.append(document)
            case "utility_space": profiles.append(document)
            default:
                throw .notGenius(
                    file: document.file, root: root.name,
                    expected: "domain (<negotiation_template>) or profile (<utility_space>)")
            }
        }
        guard let domain = domains.first else {
            throw .invalid(
                file: folderPath, line: nil, element: nil,
                message: "no GENIUS domain file (an .xml file with a <negotiation_template> root) is in the folder")
        }
        guard domains.count == 1 else {
            throw .invalid(
                file: folderPath, line: nil, element: nil,
                message: "the folder holds \(domains.count) GENIUS domain files ("
                    + domains.map(\.stem).joined(separator: ", ")
                    + "); give one with --domain and its profiles with --profile")
        }
        var scenario = try scenario(domain: domain, profiles: profiles, options: options)
        for name in skipped {
            scenario.notes.append(
                "\(folder + name) holds no XML element (plain text, such as an organisers' frontier); skipped.")
        }
        return scenario
    }

    /// Whether a GENIUS document is a domain file (its root is `<negotiation_template>`); `false` for a profile and
    /// for a file that is not readable XML (importing it reports why).
    package static func isDomain(_ document: GeniusDocument) -> Bool {
        (try? GeniusXMLReader.parse(document.bytes, file: document.file))?.name == "negotiation_template"
    }

    /// Reads a domain file on its own, as a check: its issues as Accord issues.
    public static func issues(
        domain document: GeniusDocument, options: GeniusImportOptions = GeniusImportOptions()
    ) throws(GeniusImportError) -> [Issue] {
        let domain = try GeniusDomain(
            document: try GeniusXMLReader.parse(document.bytes, file: document.file), file: document.file)
        return domain.accordIssues(realLevels: options.realIssueLevels)
    }
}
