/// The counts one slice of a Monte Carlo acceptance analysis made (``Scenario/acceptanceCounts(options:slice:progress:)``):
/// integer sums, so the counts of every slice of the same analysis add up, in any order, to exactly those of one run
/// that makes every draw (``Scenario/acceptance(options:merging:)``).
public struct AcceptanceCounts: Sendable, Hashable {
    /// The slice these draws are.
    public var slice: DrawSlice
    /// The draws of the whole analysis (every slice's together).
    public var samples: Int
    /// The seed of the whole analysis.
    public var seed: UInt64
    /// The draws this slice made.
    public var draws: Int
    /// Per proposal, per party: the draws in which the party accepts the proposal.
    public var accepted: [[Int]]
    /// Per proposal: the draws in which every party accepts it.
    public var acceptedByAll: [Int]
    /// The draws in which some package is acceptable to every party.
    public var zoneNonEmpty: Int
    /// Per tracked package (or every package), in the analysis's order: the draws in which it is in the zone.
    public var inZone: [Int]

    /// Creates counts; ``Scenario/acceptance(options:merging:)`` checks that they fit together.
    public init(
        slice: DrawSlice, samples: Int, seed: UInt64, draws: Int, accepted: [[Int]], acceptedByAll: [Int],
        zoneNonEmpty: Int, inZone: [Int]
    ) {
        self.slice = slice
        self.samples = samples
        self.seed = seed
        self.draws = draws
        self.accepted = accepted
        self.acceptedByAll = acceptedByAll
        self.zoneNonEmpty = zoneNonEmpty
        self.inZone = inZone
    }

    /// The draws slice `slice` makes of an analysis of `samples` draws.
    public static func draws(of slice: DrawSlice, samples: Int) -> Int {
        let chunks = (samples + AcceptanceOptions.chunkSize - 1) / AcceptanceOptions.chunkSize
        return (0..<chunks).filter(slice.contains(chunk:)).reduce(0) { total, chunk in
            total + min(AcceptanceOptions.chunkSize, samples - chunk * AcceptanceOptions.chunkSize)
        }
    }
}
