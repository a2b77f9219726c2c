/// The analysis of a bilateral scenario whose space is too large to list (GENIUS hyper-rectangle utilities): the
/// Pareto frontier found from the rectangles, the frontier's outcomes inside the agreement zone, and the bargaining
/// solutions read off the frontier (``BargainingSolutions/init(frontier:reservations:)``).
public struct RectangleFrontierAnalysis: Sendable {
    /// The scenario analysed.
    public var scenario: Scenario
    /// The frontier and how it was found.
    public var frontier: RectangleFrontier
    /// The frontier's outcomes that every party accepts (u_i ≥ d_i − ε), in frontier order.
    public var frontierInZone: [ScoredOutcome]
    /// The bargaining solutions; when ``RectangleFrontier/isExhaustive`` they are the whole space's.
    public var solutions: BargainingSolutions

    /// Creates the analysis from its parts.
    public init(
        scenario: Scenario, frontier: RectangleFrontier, frontierInZone: [ScoredOutcome],
        solutions: BargainingSolutions
    ) {
        self.scenario = scenario
        self.frontier = frontier
        self.frontierInZone = frontierInZone
        self.solutions = solutions
    }
}

extension Scenario {
    /// Analyses a bilateral scenario from its rectangle frontier (``rectangleFrontier(options:)``): the frontier,
    /// its outcomes in the agreement zone and the bargaining solutions.
    public func rectangleFrontierAnalysis(
        options: RectangleFrontierOptions = RectangleFrontierOptions()
    ) throws(RectangleFrontierError) -> RectangleFrontierAnalysis {
        let frontier = try rectangleFrontier(options: options)
        let reservations = parties.map(\.reservation)
        let zone = frontier.outcomes.filter { point in
            zip(point.utilities, reservations).allSatisfy { $0 >= $1 - utilityTolerance }
        }
        return RectangleFrontierAnalysis(
            scenario: self, frontier: frontier, frontierInZone: zone,
            solutions: BargainingSolutions(frontier: frontier.outcomes, reservations: reservations))
    }

    /// Whether an analysis that failed with `error` can fall back on the rectangle frontier: the space is too large
    /// to list because some party has a hyper-rectangle utility.
    public func fallsBackOnRectangleFrontier(after error: AnalysisError) -> Bool {
        guard case .nonAdditiveUtility = error else { return false }
        return parties.contains { $0.utility is HyperRectangleUtility }
    }
}
