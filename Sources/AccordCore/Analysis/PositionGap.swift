/// How far apart two parties stand on one issue.
///
/// With `a*` and `b*` each party's preferred level on the issue and `c_p(x) = w_p·v_p(x)` its weighted value,
/// the gap is `½[(c_a(a*) − c_a(b*)) + (c_b(b*) − c_b(a*))]`: the utility each would give up, on average, by
/// accepting the other's favourite. The distance is the same without the weights.
public struct PositionGap: Sendable, Hashable {
    /// The issue's position in the outcome space.
    public var issue: Int
    /// The first party's position in the scenario's party list.
    public var partyA: Int
    /// The second party's position in the scenario's party list.
    public var partyB: Int
    /// The level of the issue the first party values most.
    public var preferredA: Int
    /// The level of the issue the second party values most.
    public var preferredB: Int
    /// The weighted gap, in utility units.
    public var gap: Double
    /// The unweighted distance in [0, 1], when both utilities are linear-additive.
    public var distance: Double?
}
