/// One problem in a scenario document: where it is and what was expected.
public struct ScenarioProblem: Sendable, Hashable, CustomStringConvertible {
    /// The key path, such as `parties[0] (us).weights.army_cap`: each list item it passes through is named by its
    /// id when it has one.
    public var path: String
    /// The 1-based source line, when known.
    public var line: Int?
    /// What is wrong and what was expected.
    public var message: String

    public var description: String {
        "\(path)\(line.map { " (line \($0))" } ?? ""): \(message)"
    }
}
