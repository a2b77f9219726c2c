import Foundation

/// The bytes of one GENIUS XML file and the name that identifies it in messages and party ids.
public struct GeniusDocument: Sendable, Hashable {
    /// The file's name or path, as given.
    public var file: String
    /// The file's content, undecoded (GENIUS files are UTF-8 or Windows-1252).
    public var bytes: [UInt8]

    public init(file: String, bytes: [UInt8]) {
        self.file = file
        self.bytes = bytes
    }

    /// A document from text, stored as UTF-8.
    public init(file: String, text: String) {
        self.init(file: file, bytes: Array(text.utf8))
    }

    /// Reads a file.
    ///
    /// - Throws: ``GeniusImportError/unreadable(file:reason:)`` when the file is missing, a directory, larger than
    ///   ``ScenarioLoader/maximumFileSize``, or cannot be read.
    public static func read(path: String) throws(GeniusImportError) -> GeniusDocument {
        do {
            return GeniusDocument(file: path, bytes: Array(try readInputFile(path)))
        } catch {
            throw .unreadable(file: path, reason: error.reason)
        }
    }

    /// The file name without its folder and extension (`Car/adg_deal.xml` → `adg_deal`).
    public var stem: String {
        let name = file.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
