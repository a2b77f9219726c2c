import AccordCore
import AccordNegotiation
import Foundation

/// Loads tournament specifications (YAML or JSON; docs/tournaments.md).
public enum TournamentLoader {
    /// Loads a specification file; scenario paths in it are relative to the file's folder.
    public static func load(path: String) throws(ScenarioError) -> TournamentSpecification {
        let lower = path.lowercased()
        guard lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") || lower.hasSuffix(".json") else {
            throw .unreadable(file: path, reason: "a tournament specification ends in .yaml, .yml or .json")
        }
        let text = try readTextFile(path)
        let folder = (path as NSString).deletingLastPathComponent
        return try parse(text, file: path, folder: folder.isEmpty ? "." : folder)
    }

    /// Parses specification text; `folder` resolves relative scenario paths.
    public static func parse(_ text: String, file: String = "(tournament)", folder: String = ".") throws(ScenarioError)
        -> TournamentSpecification
    {
        let root: DocumentNode
        do {
            root = try DocumentNode.parse(yaml: text)
        } catch {
            throw .unparsable(error, file: file)
        }
        var reader = ScenarioReader()
        guard let specification = reader.readTournament(root, folder: folder), reader.problems.isEmpty else {
            throw .invalid(file: file, problems: reader.problems)
        }
        return specification
    }
}

/// FNV-1a, 64 bits, as 16 hexadecimal digits: a stable fingerprint (not a cryptographic hash).
package func fnv1aFingerprint<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 { fnv1a(bytes) }

func fnv1a<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
}

func fnv1a(_ text: String) -> String { fnv1a(Array(text.utf8)) }
