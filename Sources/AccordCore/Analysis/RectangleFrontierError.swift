/// Why ``Scenario/rectangleFrontier(options:)`` could not run.
public enum RectangleFrontierError: AccordError, Sendable, Equatable {
    /// The method compares exactly two parties.
    case notBilateral(parties: Int)
    /// A party's utility is neither a ``HyperRectangleUtility`` (with a positive ``HyperRectangleUtility/maxUtility``)
    /// nor additive.
    case unsupportedUtility(party: String)
    /// A party has red lines, which the method does not take into account.
    case redLines(party: String)
    /// The utilities have more regions than ``RectangleFrontierOptions/regionLimit``.
    case tooManyRegions(count: Int, limit: Int)
    /// An issue has no level at all.
    case emptyIssue(issue: String)

    public var description: String {
        switch self {
        case .notBilateral(let parties):
            return "the rectangle frontier compares two parties, and the scenario has \(parties)"
        case .unsupportedUtility(let party):
            return "party '\(party)' has a utility the rectangle frontier cannot decompose: it is neither a GENIUS "
                + "hyper-rectangle utility with a positive maxutility nor additive"
        case .redLines(let party):
            return "party '\(party)' has red lines, which the rectangle frontier does not take into account"
        case .tooManyRegions(let count, let limit):
            return "the utilities decompose into \(formatCount(Double(count))) regions, more than the limit of "
                + "\(formatCount(Double(limit)))"
        case .emptyIssue(let issue):
            return "issue '\(issue)' has no level, so no outcome exists"
        }
    }
}

extension Scenario {
    /// The Pareto frontier of a bilateral scenario, found from the rectangles of the utilities rather than by listing
    /// the outcomes.
    ///
    /// The method rests on one observation. Each party's utility is a non-decreasing function of a sum of *terms*,
    /// and each term is worth the largest value among its *regions* that contain the outcome (0 when none does). A
    /// region is a product of per-issue level intervals: an `INCLUDES` rectangle is one region, an `EXCLUDES`
    /// rectangle one region per side of each bound (the term then counts once however many sides hold), a `min`
    /// node the intersections of one region of each child, a `max` node the union of its children's regions, and an
    /// additive utility one term per issue with one region per level. So the value an outcome reaches is the sum over
    /// a set of regions that all contain it; and conversely any set of regions that pairwise intersect (from distinct
    /// terms) has a common outcome, because intervals that pairwise meet share a point on every issue. The frontier
    /// of the space is therefore the frontier of the value pairs of such sets: independent sets of the *conflict
    /// graph* whose vertices are the regions of both parties and whose edges join regions disjoint on some issue (or
    /// alternatives of one term).
    ///
    /// The search finds all non-dominated value pairs of independent sets exactly: it splits the graph into connected
    /// components, solves each, and combines their frontiers (a sum of every pair, filtered); within a component it
    /// branches on the region with the most conflicts (taken, which removes its neighbours, or left out), and
    /// remembers the frontier of every sub-graph it has solved. On the ANAC 2014 profiles (40 to 160 rectangles,
    /// mostly on different issues) the graph is sparse and splits quickly. For each frontier pair it takes the
    /// intersection of the chosen regions and its lowest level on every issue, and evaluates that outcome with both
    /// utility functions: the reported utilities are exact, and at least the pair they stand for.
    ///
    /// Red lines are not supported (a party with one is refused); reservation values do not restrict the frontier,
    /// as in ``ScenarioAnalysis/frontier``.
    ///
    /// - Returns: the frontier, whether the search was exhaustive (see ``RectangleFrontier/isExhaustive``), and its
    ///   run time.
    /// - Throws: ``RectangleFrontierError``.
    /// - Complexity: exponential in the worst case; the search gives way to a greedy search over
    ///   ``RectangleFrontierOptions/weightings`` weightings after ``RectangleFrontierOptions/subproblemLimit``
    ///   sub-problems. Memory grows with the number of sub-problems remembered.
    public func rectangleFrontier(
        options: RectangleFrontierOptions = RectangleFrontierOptions()
    ) throws(RectangleFrontierError) -> RectangleFrontier {
        let clock = ContinuousClock()
        let start = clock.now
        guard parties.count == 2 else { throw .notBilateral(parties: parties.count) }
        if let empty = space.radices.firstIndex(of: 0) { throw .emptyIssue(issue: issues[empty].id) }
        var decompositions: [RegionDecomposition] = []
        for party in parties {
            if !party.redLines.isEmpty { throw .redLines(party: party.id) }
            guard
                let decomposition = RegionDecomposition(
                    utility: party.utility, space: space, alternativeLimit: options.alternativeLimit)
            else { throw .unsupportedUtility(party: party.id) }
            decompositions.append(decomposition)
        }
        let graph = ConflictGraph(first: decompositions[0], second: decompositions[1], space: space)
        guard graph.count <= options.regionLimit else {
            throw .tooManyRegions(count: graph.count, limit: options.regionLimit)
        }

        var selections: [[Int]] = []
        var exhaustive = decompositions.allSatisfy(\.isExact)
        var subproblems = 0
        if exhaustive {
            var search = FrontierSearch(graph: graph, subproblemLimit: options.subproblemLimit)
            if let found = search.frontier() {
                selections = found
            } else {
                exhaustive = false
            }
            subproblems = search.subproblemCount
        }
        if !exhaustive { selections = graph.greedySelections(weightings: max(2, options.weightings)) }

        let candidates = selections.map { selection in
            let outcome = graph.outcome(choosing: selection, in: space)
            return ScoredOutcome(outcome: outcome, utilities: utilities(of: outcome))
        }
        return RectangleFrontier(
            outcomes: Self.twoPartyFrontier(of: candidates), isExhaustive: exhaustive, regionCount: graph.count,
            conflictCount: graph.conflictCount, subproblemCount: subproblems, elapsed: clock.now - start)
    }

    /// The candidates no other candidate dominates (ε = 1e-9), one per utility vector (the lowest outcome), best for
    /// the first party first.
    static func twoPartyFrontier(of candidates: [ScoredOutcome]) -> [ScoredOutcome] {
        let sorted = candidates.sorted { lhs, rhs in
            if lhs.utilities[0] != rhs.utilities[0] { return lhs.utilities[0] > rhs.utilities[0] }
            if lhs.utilities[1] != rhs.utilities[1] { return lhs.utilities[1] > rhs.utilities[1] }
            return lhs.outcome < rhs.outcome
        }
        var kept: [ScoredOutcome] = []
        for (index, candidate) in sorted.enumerated() {
            if let last = kept.last, last.utilities == candidate.utilities { continue }
            let (x, y) = (candidate.utilities[0], candidate.utilities[1])
            let dominated = sorted.indices.contains { other in
                guard other != index else { return false }
                let (a, b) = (sorted[other].utilities[0], sorted[other].utilities[1])
                return a >= x - utilityTolerance && b >= y - utilityTolerance
                    && (a > x + utilityTolerance || b > y + utilityTolerance)
            }
            if !dominated { kept.append(candidate) }
        }
        return kept
    }
}
