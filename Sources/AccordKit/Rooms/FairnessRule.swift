/// How a room picks the fair package among several acceptable ones: the Nash bargaining solution or the
/// Kalai–Smorodinsky solution (docs/methods.md gives both definitions).
public enum FairnessRule: String, Sendable, Hashable, CaseIterable {
    /// argmax Π (u_i − d_i).
    case nash
    /// argmax min_i (u_i − d_i)/(I_i − d_i).
    case kalaiSmorodinsky = "kalai-smorodinsky"

    /// The rule a request names, or a problem naming the choices.
    public static func parse(_ value: JSONValue?, path: String) throws(RoomError) -> FairnessRule {
        guard let value else { return .nash }
        guard case .string(let text) = value, let rule = FairnessRule(rawValue: text) else {
            throw RoomError(
                .invalid, "\(path) must be \"nash\" or \"kalai-smorodinsky\"",
                problems: [RoomProblem(path: path, message: "expected \"nash\" or \"kalai-smorodinsky\"")])
        }
        return rule
    }
}
