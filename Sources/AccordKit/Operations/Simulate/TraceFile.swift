/// The JSON Lines file a simulation writes as it runs (`--trace`), one action a line, through a ``LineFile``.
final class TraceFile {
    private let file: LineFile

    /// The path, as the request gives it.
    var path: String { file.path }

    /// Creates (or empties) the file.
    ///
    /// - Throws: ``IOFailure`` naming `--trace` when the file cannot be created: a folder, or a folder that does
    ///   not exist or cannot be written.
    init(path: String) throws(IOFailure) {
        file = try LineFile(path: path, option: "--trace")
    }

    /// Appends one line (the newline is added).
    func write(line: String) throws(IOFailure) {
        try file.write(line: line)
    }

    /// Appends one action as `encoder` writes it, and the newline: the same bytes as `write(line:
    /// encoder.line(event))`, encoded straight into the buffer.
    func write(_ event: TraceEvent, encodedBy encoder: SimulationReport.TraceEncoder) throws(IOFailure) {
        try file.writeLine { encoder.append(event, to: &$0) }
    }

    /// Writes what the buffer holds.
    func flush() throws(IOFailure) {
        try file.flush()
    }

    /// Writes what the buffer holds and closes the file.
    func close() throws(IOFailure) {
        try file.close()
    }
}
