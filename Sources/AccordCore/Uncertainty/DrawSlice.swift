/// One of n deterministic slices of a Monte Carlo analysis's draws: the chunks of ``AcceptanceOptions/chunkSize``
/// draws whose number modulo `count` is `index − 1`. Every chunk draws from its own stream of the seed, so the
/// slices' counts add up to exactly those of one run that makes every draw.
public struct DrawSlice: Sendable, Hashable, CustomStringConvertible {
    /// The slice, from 1.
    public let index: Int
    /// The number of slices.
    public let count: Int

    /// Every draw as one slice.
    public static let whole = DrawSlice(uncheckedIndex: 1, count: 1)

    /// Creates slice `index` of `count`, or `nil` unless 1 ≤ index ≤ count.
    public init?(index: Int, count: Int) {
        guard count >= 1, (1...count).contains(index) else { return nil }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether chunk `chunk` (from 0) belongs to this slice.
    public func contains(chunk: Int) -> Bool { chunk % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
