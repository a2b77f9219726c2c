/// One number of the scenario that the sensitivity analysis varies, one at a time.
public enum SensitivityParameter: Sendable, Hashable {
    /// A party's reservation value.
    case reservation(party: Int)
    /// A party's weight on an issue; the party's other weights are rescaled so all still sum to 1.
    case weight(party: Int, issue: Int)
}
