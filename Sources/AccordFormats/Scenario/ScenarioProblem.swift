/// One problem in a scenario document: where it is and what was expected.
public struct ScenarioProblem: Sendable, Hashable, CustomStringConvertible {
    /// The key path, such as `parties[0].weights.army_cap`.
    public var path: String
    /// The 1-based source line, when known.
    public var line: Int?
    /// What is wrong and what was expected.
    public var message: String

    public var description: String {
        "\(path)\(line.map { " (line \($0))" } ?? ""): \(message)"
    }
}
