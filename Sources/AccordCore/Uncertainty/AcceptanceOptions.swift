/// Settings of a Monte Carlo acceptance analysis.
public struct AcceptanceOptions: Sendable, Hashable {
    /// The most samples one analysis may draw.
    public static let maximumSamples = 10_000_000
    /// Spaces up to this size can have every package's probability of being in the zone estimated
    /// (``tracksEveryPackage``); larger ones get the tracked packages only.
    public static let maximumTrackedOutcomes = 10_000_000
    /// The most packages ``AcceptanceAnalysis/inZone`` lists.
    public static let maximumListedOutcomes = 10_000
    /// The candidates tracked by default, beside the proposals and the ``trackedPackages``.
    public static let defaultCandidateCount = 1_000
    /// The most candidates one analysis may track.
    public static let maximumCandidateCount = 1_000_000

    /// How many joint draws of every party's uncertain numbers.
    public var samples: Int
    /// The seed; the same seed gives the same result on any machine and core count.
    public var seed: UInt64
    /// How many chunks run at once (the samples are cut into fixed chunks, each with its own seeded stream,
    /// so the result does not depend on this number).
    public var parallelism: Int
    /// Restrict to the options available in this round or on this date, as in ``AnalysisOptions``.
    public var round: Int?
    /// Restrict to the options still available on this ISO 8601 date (`2025-12-31`), as in ``AnalysisOptions``.
    public var date: String?
    /// Whether to estimate every package's probability of being in the zone (one full zone scan per draw, on
    /// spaces of at most ``maximumTrackedOutcomes``) instead of the tracked packages only.
    public var tracksEveryPackage: Bool
    /// Packages whose probability of being in the zone is estimated beside the proposals and the candidates,
    /// such as the bargaining solutions and the Pareto frontier; packages outside the selection are ignored.
    public var trackedPackages: [Outcome]
    /// How many candidates to track: the packages that cross no red line and that every party with certain
    /// numbers accepts, with the largest nominal margin of the least satisfied party with uncertain numbers.
    public var candidateCount: Int
    /// When utilities vary and no tracked package is in a draw's zone: the steps the draw's zone walk may take before
    /// the draw's own frontier decides whether the zone is empty (the answer is the same either way; tests set 0).
    var walkBudget = AcceptanceDraws.defaultWalkBudget

    /// Draws per chunk: each chunk draws from its own stream of the seed.
    public static let chunkSize = 1_000

    /// Creates settings: 10,000 draws from seed 1 on one core, tracking the packages that matter, unless given.
    public init(
        samples: Int = 10_000, seed: UInt64 = 1, parallelism: Int = 1, round: Int? = nil, date: String? = nil,
        tracksEveryPackage: Bool = false, trackedPackages: [Outcome] = [],
        candidateCount: Int = AcceptanceOptions.defaultCandidateCount
    ) {
        self.samples = samples
        self.seed = seed
        self.parallelism = parallelism
        self.round = round
        self.date = date
        self.tracksEveryPackage = tracksEveryPackage
        self.trackedPackages = trackedPackages
        self.candidateCount = candidateCount
    }
}
