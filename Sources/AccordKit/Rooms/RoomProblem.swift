/// One problem in a room's input, with its key path: `parties[1] (ukraine).weights.territory` in a skeleton, or
/// `weights.territory` in a party's preferences.
public struct RoomProblem: Sendable, Hashable, CustomStringConvertible {
    /// The key path inside the input that was sent.
    public var path: String
    /// What is wrong and what was expected.
    public var message: String

    /// Creates a problem.
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }

    /// The problem as JSON: `{"path", "message"}`.
    public var json: JSONValue { .object([("path", .string(path)), ("message", .string(message))]) }
}
