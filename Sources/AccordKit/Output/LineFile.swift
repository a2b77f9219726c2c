import Foundation

/// A text file written line by line through a buffer of about 1 MiB, so that millions of lines cost constant
/// memory: a simulation's trace (`--trace`) and analyze's exports (`--export-zone`, `--export-frontier`). The file
/// is created, or emptied, when the value is made, so that an unwritable path fails before a long run.
final class LineFile {
    /// The path, as the request gives it.
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The buffer's size: the file is written in pieces of about 1 MiB.
    static let bufferSize = 1 << 20

    /// Creates (or empties) the file.
    ///
    /// - Throws: ``IOFailure`` naming `option` when the file cannot be created: a folder, or a folder that does not
    ///   exist or cannot be written.
    init(path: String, option: String) throws(IOFailure) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            var isDirectory: ObjCBool = false
            let reason =
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "it is a folder" : "the folder does not exist or is not writable"
            throw IOFailure("\(option): cannot write '\(path)'", reason: reason)
        }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize + 4096)
    }

    /// Appends one line (the newline is added).
    func write(line: String) throws(IOFailure) {
        try writeLine { $0.append(contentsOf: line.utf8) }
    }

    /// Appends one line that `encode` writes straight into the buffer (the newline is added).
    func writeLine(_ encode: (inout [UInt8]) -> Void) throws(IOFailure) {
        encode(&buffer)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Writes what the buffer holds.
    func flush() throws(IOFailure) {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw IOFailure("cannot write '\(path)'", error: error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what the buffer holds and closes the file.
    func close() throws(IOFailure) {
        defer { try? handle.close() }
        try flush()
    }
}
