import Foundation

/// Why an input file could not be read, as a clause for the reader's own error ("no such file").
struct UnreadableFile: Error {
    var reason: String
}

/// Reads an input file whole, after checking that it exists, is not a folder and is at most `limit` bytes, so
/// every reader says the same thing about the same problem.
func readInputFile(_ path: String, limit: Int = ScenarioLoader.maximumFileSize) throws(UnreadableFile) -> Data {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw UnreadableFile(reason: "no such file")
    }
    guard !isDirectory.boolValue else { throw UnreadableFile(reason: "it is a directory") }
    do {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes[.size] as? Int, size > limit {
            throw UnreadableFile(reason: "it is \(size) bytes, more than the \(limit) bytes Accord reads")
        }
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as UnreadableFile {
        throw error
    } catch {
        var reason = error.localizedDescription
        while reason.hasSuffix(".") { reason.removeLast() }
        throw UnreadableFile(reason: reason)
    }
}

/// Reads a UTF-8 text input file (a scenario, a tournament specification), with the same messages for every
/// problem.
func readTextFile(_ path: String) throws(ScenarioError) -> String {
    let data: Data
    do {
        data = try readInputFile(path)
    } catch {
        throw .unreadable(file: path, reason: error.reason)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw .unreadable(file: path, reason: "it is not UTF-8 text")
    }
    return text
}
