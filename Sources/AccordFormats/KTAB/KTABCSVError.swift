import AccordCore

/// Why a KTAB CSV file could not be read: one sentence naming the file and, when known, the line.
public struct KTABCSVError: AccordError, Sendable, Hashable {
    /// The file, or `<input>` for text.
    public var file: String
    /// The 1-based line, when the problem has one.
    public var line: Int?
    /// What is wrong and what was expected.
    public var message: String

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)."
    }
}

extension KTABCSVError {
    /// The description as it stands (it ends with a full stop).
    public var sentence: String { description }
}
