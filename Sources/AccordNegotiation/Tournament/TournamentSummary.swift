/// The ranking of a tournament's competitors, computed from its records alone, so that the same records —
/// however they were produced (one run, a resumed run, merged shards) — give the same summary.
///
/// A competitor's samples are its discounted utilities, one per role it played (a competitor negotiating with
/// itself contributes one sample per side), in negotiation order. Failed negotiations count as disagreements
/// (each party receives its reservation value) and are also counted separately.
public struct TournamentSummary: Sendable, Hashable {
    /// One competitor's results.
    public struct Standing: Sendable, Hashable {
        public var rank: Int
        public var agent: String
        /// The number of samples (roles played).
        public var samples: Int
        /// Mean discounted utility.
        public var meanUtility: Double
        /// The 95 % confidence interval of the mean (Student's t), nil below 2 samples.
        public var lower: Double?
        public var upper: Double?
        /// The share of its negotiations that ended in agreement.
        public var agreementRate: Double
        /// Mean social welfare of its negotiations.
        public var meanWelfare: Double
        /// Mean distance to the Nash point over its agreements that have one (nil when none).
        public var meanNashDistance: Double?
        /// Mean distance to the Pareto frontier over its agreements (nil when none).
        public var meanParetoDistance: Double?
        /// Negotiations of its that failed.
        public var failures: Int
    }

    /// Welch's t-test between two competitors' mean utilities.
    public struct Comparison: Sendable, Hashable {
        public var first: String
        public var second: String
        public var difference: Double
        public var t: Double?
        public var degreesOfFreedom: Double?
        /// Two-sided p-value; nil when the test is undefined (fewer than 2 samples, or no variance).
        public var p: Double?
        /// Whether p < 0.05.
        public var isSignificant: Bool { (p ?? 1) < 0.05 }
    }

    public var negotiations: Int
    public var agreements: Int
    public var failures: Int
    /// Competitors ranked by mean utility (descending; ties by identifier).
    public var standings: [Standing]
    /// Every pair of competitors in rank order (first ranked above second).
    public var comparisons: [Comparison]
    /// The scenarios, in tournament order.
    public var scenarios: [String]
    /// heat[k][s]: the mean utility of the k-th ranked competitor on scenario s (nil when it did not play there).
    public var heat: [[Double?]]

    /// Summarises records (in any order: they are sorted by negotiation first).
    public init(records unsorted: [NegotiationRecord], agents: [String], scenarios: [String]) {
        let records = unsorted.sorted { $0.id < $1.id }
        negotiations = records.count
        agreements = records.filter(\.isAgreement).count
        failures = records.filter { $0.ending == "failed" }.count
        self.scenarios = scenarios

        var utilities: [String: [Double]] = [:]
        var perScenario: [String: [String: [Double]]] = [:]
        var welfare: [String: [Double]] = [:]
        var nash: [String: [Double]] = [:]
        var pareto: [String: [Double]] = [:]
        var played: [String: Int] = [:]
        var agreed: [String: Int] = [:]
        var failed: [String: Int] = [:]
        for record in records {
            for (party, agent) in record.agents.enumerated() {
                utilities[agent, default: []].append(record.discountedUtilities[party])
                perScenario[agent, default: [:]][record.scenario, default: []].append(record.discountedUtilities[party])
            }
            for agent in Set(record.agents).sorted() {
                played[agent, default: 0] += 1
                welfare[agent, default: []].append(record.welfare)
                if record.isAgreement { agreed[agent, default: 0] += 1 }
                if record.ending == "failed" { failed[agent, default: 0] += 1 }
                if let distance = record.nashDistance { nash[agent, default: []].append(distance) }
                if let distance = record.paretoDistance { pareto[agent, default: []].append(distance) }
            }
        }
        let statistics = Dictionary(uniqueKeysWithValues: agents.map { ($0, SampleStatistics(utilities[$0] ?? [])) })
        let ranked = agents.sorted {
            let a = statistics[$0]!.mean
            let b = statistics[$1]!.mean
            if a.isNaN != b.isNaN { return b.isNaN }
            return a > b || (a == b && $0 < $1)
        }
        standings = ranked.enumerated().map { position, agent in
            let sample = statistics[agent]!
            let interval = sample.interval95
            let games = played[agent] ?? 0
            return Standing(
                rank: position + 1, agent: agent, samples: sample.count, meanUtility: sample.mean,
                lower: interval?.lower, upper: interval?.upper,
                agreementRate: games == 0 ? 0 : Double(agreed[agent] ?? 0) / Double(games),
                meanWelfare: SampleStatistics(welfare[agent] ?? []).mean,
                meanNashDistance: nash[agent].map { SampleStatistics($0).mean },
                meanParetoDistance: pareto[agent].map { SampleStatistics($0).mean }, failures: failed[agent] ?? 0)
        }
        var comparisons: [Comparison] = []
        for i in ranked.indices {
            for j in ranked.indices where j > i {
                let a = statistics[ranked[i]]!
                let b = statistics[ranked[j]]!
                let test = SampleStatistics.welch(a, b)
                comparisons.append(
                    Comparison(
                        first: ranked[i], second: ranked[j], difference: a.mean - b.mean, t: test?.t,
                        degreesOfFreedom: test?.df, p: test?.p))
            }
        }
        self.comparisons = comparisons
        heat = ranked.map { agent in
            scenarios.map { scenario in perScenario[agent]?[scenario].map { SampleStatistics($0).mean } }
        }
    }
}
