import AccordCore

/// The Pareto frontier and the Nash point an agreement is measured against, for the parties at the table.
///
/// Computed by the exact analysis (``AccordCore/Scenario/analyze(options:)``) of the scenario restricted to the
/// parties at the table, once for every availability epoch: an agreement reached after an option left the
/// table is measured against what was still on it. Build it once per domain and table and reuse it across
/// sessions.
public struct NegotiationReference: Sendable {
    /// The parties at the table (scenario indices).
    public let participants: [Int]
    /// frontiers[epoch]: the frontier's utility vectors (participants' utilities, in `participants` order).
    public let frontiers: [[[Double]]]
    /// nash[epoch]: the Nash point's utility vector, nil when the agreement zone is empty.
    public let nash: [[Double]?]
    /// nashOutcomes[epoch]: the Nash point's outcome index.
    public let nashOutcomes: [Int?]

    /// - Throws: ``AccordCore/AnalysisError`` when the analysis cannot run (non-additive utilities).
    public init(domain: NegotiationDomain, participants: [Int]) throws(AnalysisError) {
        var scenario = domain.scenario
        scenario.parties = participants.map { domain.scenario.parties[$0] }
        var frontiers: [[[Double]]] = []
        var nash: [[Double]?] = []
        var nashOutcomes: [Int?] = []
        for epoch in 0...domain.expiryRounds.count {
            let round = epoch == 0 ? 1 : domain.expiryRounds[epoch - 1] + 1
            let analysis = try scenario.analyze(
                options: AnalysisOptions(
                    zoneListLimit: 0, round: round, diagnosticsWorkLimit: 0, sensitivityOutcomeLimit: 0))
            frontiers.append(analysis.frontier.map(\.utilities))
            nash.append(analysis.solutions.nash?.utilities)
            nashOutcomes.append(analysis.solutions.nash.map { scenario.space.index(of: $0.outcome) })
        }
        self.participants = participants
        self.frontiers = frontiers
        self.nash = nash
        self.nashOutcomes = nashOutcomes
    }

    /// How far an agreement lies from the efficient and the fair deal.
    public struct Metrics: Sendable, Hashable {
        /// Euclidean distance, in the participants' utilities, from the agreement to the nearest frontier point.
        public var paretoDistance: Double?
        /// Euclidean distance from the agreement to the Nash point (nil without agreement or without a Nash point).
        public var nashDistance: Double?
    }

    /// The distances of a session's agreement (both nil without agreement).
    public func metrics(of result: SessionResult, in domain: NegotiationDomain) -> Metrics {
        guard let agreement = result.agreement else { return Metrics() }
        let epoch = min(domain.epoch(ofRound: result.round), frontiers.count - 1)
        let point = participants.map { domain.utilities[$0][agreement] }
        let pareto = frontiers[epoch].map { distance(point, $0) }.min()
        return Metrics(paretoDistance: pareto, nashDistance: nash[epoch].map { distance(point, $0) })
    }

    private func distance(_ a: [Double], _ b: [Double]) -> Double {
        var sum = 0.0
        for (x, y) in zip(a, b) { sum += (x - y) * (x - y) }
        return sum.squareRoot()
    }
}
