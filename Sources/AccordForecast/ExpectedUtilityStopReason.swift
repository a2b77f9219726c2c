/// Why an ``ExpectedUtilityRun`` stopped.
public enum ExpectedUtilityStopReason: String, Sendable, Hashable, CaseIterable {
    /// A round moved no actor, so every later round would repeat it (also when all actors start at one position).
    case stable
    /// The run reached ``ExpectedUtilityParameters/maximumRounds``.
    case maximumRounds
}
