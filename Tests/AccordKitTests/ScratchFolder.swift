import Foundation
import Testing

/// A fresh folder under the temporary directory for one test's files, removed by ``remove()``.
struct ScratchFolder {
    /// The folder's path, without a final `/`.
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("accord-kit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes a file into the folder and returns its path.
    func file(_ name: String, _ contents: String) throws -> String {
        let file = path + "/" + name
        try contents.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The text of a file in the folder.
    func text(of name: String) throws -> String {
        try String(contentsOfFile: path + "/" + name, encoding: .utf8)
    }

    /// The names of the files in the folder, sorted.
    func names() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    /// The lines of a JSON Lines file in the folder (which must end with a newline).
    func lines(of name: String) throws -> [Substring] {
        let text = try String(contentsOfFile: path + "/" + name, encoding: .utf8)
        #expect(text.isEmpty || text.hasSuffix("\n"), "the file does not end with a newline")
        return text.split(separator: "\n")
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
