import Foundation

/// The JSON Lines file a simulation writes as it runs (`--trace`): created, or emptied, before the run so that an
/// unwritable path fails at once; written through a buffer, so that a long session costs constant memory.
final class TraceFile {
    /// The path, as the request gives it.
    let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    /// The buffer's size: the file is written in pieces of about 1 MiB.
    static let bufferSize = 1 << 20

    /// Creates (or empties) the file.
    ///
    /// - Throws: ``RequestError`` naming `--trace` when the file cannot be created: a folder, or a folder that does
    ///   not exist or cannot be written.
    init(path: String) throws(RequestError) {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            var isDirectory: ObjCBool = false
            let reason =
                FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
                ? "it is a folder" : "the folder does not exist or is not writable"
            throw RequestError("--trace: cannot write '\(path)': \(reason).")
        }
        self.path = path
        self.handle = handle
        buffer.reserveCapacity(Self.bufferSize + 4096)
    }

    /// Appends one line (the newline is added).
    func write(line: String) throws(IOFailure) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    /// Appends one action as `encoder` writes it, and the newline: the same bytes as `write(line:
    /// encoder.line(event))`, encoded straight into the buffer.
    func write(_ event: TraceEvent, encodedBy encoder: SimulationReport.TraceEncoder) throws(IOFailure) {
        encoder.append(event, to: &buffer)
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
