import AccordCore
import Foundation
import Testing

@testable import AccordFormats

/// Every GENIUS file that ships with GENIUS 10.4 either imports or is refused with a clear, specific message.
@Suite(
    .enabled(
        if: GeniusConformance.isAvailable,
        "skipped: the GENIUS conformance data (../shared/conformance/genius beside the package) is absent"))
struct GeniusTemplatesTests {
    /// What happened to one file.
    enum Verdict {
        case domain(issues: Int)
        case profile(domain: String)
        case refused(GeniusImportError)
    }

    @Test func everyTemplateImportsOrIsRefusedClearly() throws {
        let root = GeniusConformance.templates
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.path)
            .filter { $0.lowercased().hasSuffix(".xml") }.sorted()
        try #require(!files.isEmpty)
        let clock = ContinuousClock()
        var verdicts: [(file: String, verdict: Verdict)] = []
        let elapsed = clock.measure {
            for file in files { verdicts.append((file, Self.verdict(for: file, in: root))) }
        }

        var domains = 0
        var profiles = 0
        var refusals: [String: [String]] = [:]
        for (file, verdict) in verdicts {
            switch verdict {
            case .domain: domains += 1
            case .profile: profiles += 1
            case .refused(let error):
                refusals[Self.category(of: error), default: []].append(file)
                let message = error.description
                #expect(message.contains(file), "the message names the file: \(message)")
                #expect(!message.contains("\n"), "the message is one line: \(message)")
                #expect(message.hasSuffix("."), "the message is a sentence: \(message)")
            }
        }
        print(
            "GENIUS templates: \(files.count) .xml files in \(elapsed): \(domains) domains and \(profiles) profiles "
                + "imported, \(refusals.values.map(\.count).reduce(0, +)) refused")
        for (category, refused) in refusals.sorted(by: { $0.key < $1.key }) {
            print("  refused, \(category): \(refused.count)")
            for (file, verdict) in verdicts where refused.contains(file) {
                if case .refused(let error) = verdict { print("    \(error)") }
            }
        }

        // Every domain imports, and every profile but these: the organisers' plain-text pareto.xml files (ANAC 2014)
        // and template profiles that give their values no evaluation.
        let domainFiles = verdicts.filter { Self.isDomainFile($0.file, in: root) }
        #expect(domainFiles.allSatisfy { if case .domain = $0.verdict { true } else { false } })
        #expect(Set(refusals.keys).isSubset(of: ["not XML", "value without evaluation"]))
        for file in refusals["not XML"] ?? [] { #expect(file.hasSuffix("pareto.xml")) }
        #expect(domains + profiles + refusals.values.map(\.count).reduce(0, +) == files.count)
        #expect(profiles > 400)
    }

    /// A broad name for a refusal, for the summary.
    static func category(of error: GeniusImportError) -> String {
        switch error {
        case .constraintProfile: return "constraint profile"
        case .malformedXML: return "not XML"
        case .invalid(_, _, _, let message) where message.contains("gives no evaluation for the value"):
            return "value without evaluation"
        default: return "other"
        }
    }

    static func isDomainFile(_ file: String, in root: URL) -> Bool {
        guard let bytes = try? GeniusDocument.read(path: root.appendingPathComponent(file).path).bytes,
            let element = try? GeniusXMLReader.parse(bytes, file: file)
        else { return false }
        return element.name == "negotiation_template"
    }

    /// Imports a file as a domain (a `<negotiation_template>`), or as a profile against a domain of its folder (the
    /// one whose name shares the longest prefix with the profile's name is reported when none fits).
    static func verdict(for file: String, in root: URL) -> Verdict {
        let path = root.appendingPathComponent(file).path
        do throws(GeniusImportError) {
            let document = try GeniusDocument.read(path: path)
            let element = try GeniusXMLReader.parse(document.bytes, file: file)
            if element.name == "negotiation_template" {
                return .domain(
                    issues: try GeniusImporter.issues(domain: GeniusDocument(file: file, bytes: document.bytes)).count)
            }
            let folder = (file as NSString).deletingLastPathComponent
            let siblings =
                (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            let domains = siblings.filter { $0.lowercased().hasSuffix(".xml") }.sorted()
                .map { folder.isEmpty ? $0 : folder + "/" + $0 }
                .filter { isDomainFile($0, in: root) }
                .sorted { commonPrefix($0, file) > commonPrefix($1, file) }
            let profile = GeniusDocument(file: file, bytes: document.bytes)
            var firstError: GeniusImportError?
            for domainFile in domains.isEmpty ? [file] : domains {
                do throws(GeniusImportError) {
                    let domain = try GeniusDocument.read(path: root.appendingPathComponent(domainFile).path)
                    _ = try GeniusImporter.scenario(
                        domain: GeniusDocument(file: domainFile, bytes: domain.bytes), profiles: [profile])
                    return .profile(domain: domainFile)
                } catch {
                    firstError = firstError ?? error
                }
            }
            return .refused(firstError ?? .invalid(file: file, line: nil, element: nil, message: "no domain"))
        } catch {
            return .refused(error)
        }
    }

    private static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix { $0 == $1 }.count
    }
}
