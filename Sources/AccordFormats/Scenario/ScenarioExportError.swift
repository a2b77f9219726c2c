import AccordCore

/// Why a scenario cannot be written in a format; prints as one sentence.
public struct ScenarioExportError: AccordError, Sendable, Equatable {
    /// The target format, as a reader would name it (`GENIUS`, `GeniusWeb`, `Accord YAML`).
    public var format: String
    /// What stands in the way, as a clause.
    public var message: String

    public init(format: String, message: String) {
        self.format = format
        self.message = message
    }

    public var description: String { "cannot write \(format): \(message)." }
}
