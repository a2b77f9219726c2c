/// Settings of a Monte Carlo acceptance analysis.
public struct AcceptanceOptions: Sendable, Hashable {
    /// The most samples one analysis may draw.
    public static let maximumSamples = 10_000_000
    /// Spaces up to this size get a per-outcome probability of being in the zone (and a most robust package).
    public static let maximumTrackedOutcomes = 10_000_000
    /// The most packages ``AcceptanceAnalysis/inZone`` lists.
    public static let maximumListedOutcomes = 10_000

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

    /// Draws per chunk: each chunk draws from its own stream of the seed.
    public static let chunkSize = 1_000

    /// Creates settings: 10,000 draws from seed 1 on one core over every option, unless given.
    public init(samples: Int = 10_000, seed: UInt64 = 1, parallelism: Int = 1, round: Int? = nil, date: String? = nil) {
        self.samples = samples
        self.seed = seed
        self.parallelism = parallelism
        self.round = round
        self.date = date
    }
}
