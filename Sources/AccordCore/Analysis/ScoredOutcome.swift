/// An outcome together with every party's utility for it (in party order).
public struct ScoredOutcome: Sendable, Hashable {
    public var outcome: Outcome
    public var utilities: [Double]

    public init(outcome: Outcome, utilities: [Double]) {
        self.outcome = outcome
        self.utilities = utilities
    }
}

/// The bargaining solutions of a scenario, each chosen inside the agreement zone (`nil` when it is empty),
/// except the GENIUS-style Kalai–Smorodinsky point, which follows GENIUS over the whole frontier.
public struct BargainingSolutions: Sendable, Hashable {
    /// argmax over the zone of Π (u_i − d_i).
    public var nash: ScoredOutcome?
    /// argmax over the zone of min_i (u_i − d_i)/(I_i − d_i), I_i the best utility of party i inside the zone.
    public var kalaiSmorodinsky: ScoredOutcome?
    /// GENIUS's variant: argmin over the frontier of Σ_{i<j} |u_i − u_j|, whatever the reservation values.
    public var geniusKalaiSmorodinsky: ScoredOutcome?
    /// argmax over the zone of Σ u_i.
    public var utilitarian: ScoredOutcome?
    /// argmax over the zone of min_i (u_i − d_i).
    public var egalitarian: ScoredOutcome?
}

/// The agreement zone (ZOPA): outcomes every party accepts.
public struct AgreementZone: Sendable, Hashable {
    /// How many outcomes are in the zone.
    public var count: Int
    /// The first outcomes of the zone in outcome-index order (all of them when `count <= outcomes.count`).
    public var outcomes: [ScoredOutcome]
    /// The outcome crossing no red line that maximises min_i (u_i − d_i); when the zone is empty this is the
    /// closest any package comes to acceptance, and its margin (negative) says by how much it falls short.
    public var closest: ScoredOutcome?
    /// min_i (u_i − d_i) at `closest`.
    public var closestMargin: Double?

    /// Whether the zone holds any outcome.
    public var isEmpty: Bool { count == 0 }
}

/// What one party's absence does to the agreement zone.
public struct BlockingAnalysis: Sendable, Hashable {
    /// The party left out.
    public var party: Int
    /// How many outcomes every other party accepts.
    public var zoneCountWithout: Int
    /// The Nash point of the other parties (their product of gains), if they have a zone.
    public var packageWithout: ScoredOutcome?
    /// Whether the party blocks: the full zone is empty, the zone without it is not.
    public var blocks: Bool
    /// The left-out party's reservation minus its utility at `packageWithout` (positive: it falls short).
    public var shortfall: Double?
    /// The left-out party's red line that `packageWithout` crosses, if any.
    public var crossedRedLine: RedLine?
}

/// A proposal judged by every party.
public struct ProposalEvaluation: Sendable, Hashable {
    /// The proposal's identifier.
    public var id: String
    /// Whether the proposal decides every issue.
    public var isComplete: Bool
    /// The outcome evaluated: the proposal itself, or for a partial proposal its best completion (the Nash point
    /// of the completions everyone accepts, else the completion closest to acceptance).
    public var outcome: Outcome
    /// Every party's utility for `outcome`.
    public var utilities: [Double]
    /// Utility minus reservation value, per party.
    public var margins: [Double]
    /// Whether each party accepts `outcome`.
    public var accepted: [Bool]
    /// The first red line of each party that `outcome` crosses.
    public var crossedRedLines: [RedLine?]
    /// The issues a partial proposal leaves open.
    public var openIssues: [Int]
    /// The decided issues whose option is no longer available at the analysed round or date: the proposal is
    /// off the table, whatever the parties think of it.
    public var expiredIssues: [Int]
    /// For a partial proposal: how many completions exist, and how many of them everyone accepts.
    public var completionCount: Int
    public var acceptableCompletionCount: Int
    /// Each party's lowest and highest utility over the completions.
    public var utilityRanges: [ClosedRange<Double>]

    /// Whether every party accepts `outcome` and all of it is still on the table.
    public var isAcceptedByAll: Bool { expiredIssues.isEmpty && accepted.allSatisfy { $0 } }
}

/// How far apart two parties stand on one issue.
///
/// With `a*` and `b*` each party's preferred level on the issue and `c_p(x) = w_p·v_p(x)` its weighted value,
/// the gap is `½[(c_a(a*) − c_a(b*)) + (c_b(b*) − c_b(a*))]`: the utility each would give up, on average, by
/// accepting the other's favourite. The distance is the same without the weights.
public struct PositionGap: Sendable, Hashable {
    public var issue: Int
    public var partyA: Int
    public var partyB: Int
    /// Preferred levels of each party on the issue.
    public var preferredA: Int
    public var preferredB: Int
    /// The weighted gap, in utility units.
    public var gap: Double
    /// The unweighted distance in [0, 1], when both utilities are linear-additive.
    public var distance: Double?
}

/// A party's best and worst outcomes.
public struct PartyExtremes: Sendable, Hashable {
    /// The party's best outcome among those crossing none of its own red lines (`nil` if all cross one).
    public var ideal: ScoredOutcome?
    /// The party's worst outcome.
    public var worst: ScoredOutcome
}
