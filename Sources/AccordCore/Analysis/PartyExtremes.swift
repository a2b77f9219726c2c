/// A party's best and worst outcomes.
public struct PartyExtremes: Sendable, Hashable {
    /// The party's best outcome among those crossing none of its own red lines (`nil` if all cross one).
    public var ideal: ScoredOutcome?
    /// The party's worst outcome.
    public var worst: ScoredOutcome
}
