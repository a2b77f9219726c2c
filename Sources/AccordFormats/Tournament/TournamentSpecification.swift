import AccordNegotiation

/// A tournament read from a specification file, with the fingerprint that identifies its plan.
public struct TournamentSpecification: Sendable {
    /// The tournament, its scenarios loaded.
    public var tournament: Tournament
    /// Identifies the plan: the same agents, scenarios (their files' bytes), mechanism, deadline, repetitions,
    /// roles, self-play and seed give the same fingerprint. Results folders record it, so results of different
    /// tournaments never mix.
    public var fingerprint: String
    /// How each scenario was given (bundled name or path), in order.
    public var sources: [String]
}
