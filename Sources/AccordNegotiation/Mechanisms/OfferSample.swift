/// The offers (or the mediator's drafts) of a session by offering party, in order, with the parties that accepted
/// each; thinned evenly once a party has made more than ``capacity``, so that a chart of a long session needs
/// bounded memory.
///
/// A party's sample holds every offer whose number (from 0) is a multiple of a stride, 1 at first; when it would
/// exceed ``capacity`` offers, every other one is dropped and the stride doubles. Its last offer is always kept.
///
/// - Complexity: memory O(``capacity``) per offering party; adding an offer is O(1) amortised.
public struct OfferSample: Sendable, Hashable {
    /// One offer and the parties that accepted it before the next offer.
    public struct Offer: Sendable, Hashable {
        /// The offer as the trace records it.
        public var event: TraceEvent
        /// The parties (scenario indices) that accepted it, in the order they did.
        public var acceptedBy: [Int]
        /// Its number among the offers of its party, from 0.
        public var ordinal: Int
    }

    /// The default ``capacity``: 4,096 offers per party, more than a chart draws.
    public static let defaultCapacity = 4_096

    /// The most offers kept per offering party before thinning (at least 2).
    public let capacity: Int
    private var series: [Series] = []
    /// The series of the latest offer, which an acceptance refers to.
    private var latest: Int?

    /// An empty sample.
    public init(capacity: Int = OfferSample.defaultCapacity) {
        self.capacity = max(2, capacity)
    }

    /// The offering parties (scenario indices; nil for the neutral mediator), in the order of their first offer.
    public var parties: [Int?] { series.map(\.party) }

    /// The sampled offers of a party (nil: the neutral mediator), in order, the last one included.
    public func offers(by party: Int?) -> [Offer] {
        guard let found = series.first(where: { $0.party == party }) else { return [] }
        guard let last = found.last, found.kept.last?.ordinal != last.ordinal else { return found.kept }
        return found.kept + [last]
    }

    /// How many offers a party made, sampled or not.
    public func offerCount(by party: Int?) -> Int {
        series.first { $0.party == party }?.count ?? 0
    }

    /// Records an offer.
    mutating func add(_ event: TraceEvent) {
        let index = series.firstIndex { $0.party == event.party } ?? series.endIndex
        if index == series.endIndex { series.append(Series(party: event.party)) }
        series[index].add(event, capacity: capacity)
        latest = index
    }

    /// Records an acceptance of the latest offer.
    mutating func noteAcceptance(_ event: TraceEvent) {
        guard let latest, let party = event.party else { return }
        series[latest].noteAcceptance(by: party)
    }

    /// The offers of one party.
    private struct Series: Sendable, Hashable {
        var party: Int?
        var kept: [Offer] = []
        var stride = 1
        var count = 0
        var last: Offer?

        mutating func add(_ event: TraceEvent, capacity: Int) {
            let offer = Offer(event: event, acceptedBy: [], ordinal: count)
            count += 1
            last = offer
            guard offer.ordinal % stride == 0 else { return }
            kept.append(offer)
            if kept.count > capacity {
                kept = Swift.stride(from: 0, to: kept.count, by: 2).map { kept[$0] }
                stride *= 2
            }
        }

        mutating func noteAcceptance(by party: Int) {
            guard let ordinal = last?.ordinal else { return }
            last?.acceptedBy.append(party)
            if kept.last?.ordinal == ordinal { kept[kept.count - 1].acceptedBy.append(party) }
        }
    }
}
