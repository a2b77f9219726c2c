import AccordFormats

extension ValidationReport {
    /// One problem in a scenario document: where it is and what was expected.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// The key path, such as `parties[0].weights.army_cap`.
        public var path: String
        /// The 1-based source line, when known.
        public var line: Int?
        /// What is wrong and what was expected.
        public var message: String

        /// Creates a problem.
        public init(path: String, line: Int?, message: String) {
            self.path = path
            self.line = line
            self.message = message
        }

        /// The problem as a clause: `path (line n): message`.
        public var description: String {
            "\(path)\(line.map { " (line \($0))" } ?? ""): \(message)"
        }

        /// The problem as JSON: `path`, `line` (or null), `message`.
        public var json: JSONValue {
            .object([
                ("path", .string(path)), ("line", line.map(JSONValue.int) ?? .null), ("message", .string(message)),
            ])
        }
    }
}
