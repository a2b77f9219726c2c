/// The actions of a session, kept within a fixed bound whatever the session's length: every action while there are
/// at most twice ``excerpt`` of them, beyond that the first and the last ``excerpt``; and, for every action, counts by
/// kind, every expiry, and an evenly thinned sample of the offers (``offers``).
///
/// As a collection it holds the kept actions in order, so a complete trace (``isComplete``) is the whole session and
/// a cut one jumps from its first ``excerpt`` actions to its last, leaving out ``omittedCount`` between them. To see
/// every action of a long session, run it with a ``SessionObserver``.
///
/// - Complexity: memory O(``excerpt`` + expiries + offer sample), whatever the number of actions; ``append(_:)`` is
///   O(1) amortised.
public struct SessionTrace: RandomAccessCollection, Sendable, Hashable {
    /// The default ``excerpt``: 1,000 actions at each end, so a trace of up to 2,000 actions is kept whole (a
    /// 100-round session between up to ten parties).
    public static let defaultExcerpt = 1_000

    /// How many actions are kept at each end of a trace that is cut.
    public let excerpt: Int
    /// Every action the session took, kept or not.
    public private(set) var actionCount = 0
    /// Every expiry (options leaving the table), kept or not: there is at most one per expiry round of the domain.
    public private(set) var expiries: [TraceEvent] = []
    /// The offers (or drafts) by offering party, thinned evenly when a party makes many, with who accepted each.
    public private(set) var offers = OfferSample()

    private var head: [TraceEvent] = []
    /// The last actions after `head`, a ring buffer of at most `excerpt` actions whose oldest is at `tailStart`.
    private var tail: [TraceEvent] = []
    private var tailStart = 0
    private var kindCounts = [Int](repeating: 0, count: 5)

    /// An empty trace that keeps `excerpt` actions at each end (at least 0).
    public init(excerpt: Int = SessionTrace.defaultExcerpt) {
        self.excerpt = Swift.max(0, excerpt)
    }

    /// Records the next action of the session.
    public mutating func append(_ event: TraceEvent) {
        actionCount += 1
        kindCounts[Self.slot(event.kind)] += 1
        switch event.kind {
        case .expire: expiries.append(event)
        case .offer: offers.add(event)
        case .accept: offers.noteAcceptance(event)
        case .end, .object: break
        }
        if head.count < excerpt {
            head.append(event)
        } else if tail.count < excerpt {
            tail.append(event)
        } else if excerpt > 0 {
            tail[tailStart] = event
            tailStart = (tailStart + 1) % excerpt
        }
    }

    /// Whether every action of the session is kept.
    public var isComplete: Bool { actionCount == count }

    /// How many actions were left out between the first and the last ``excerpt`` (0 for a complete trace).
    public var omittedCount: Int { actionCount - count }

    /// How many actions of a kind the session took, kept or not.
    public func count(of kind: TraceEvent.Kind) -> Int { kindCounts[Self.slot(kind)] }

    public var startIndex: Int { 0 }

    public var endIndex: Int { head.count + tail.count }

    public subscript(position: Int) -> TraceEvent {
        precondition(position >= 0 && position < endIndex, "trace index out of range")
        guard position >= head.count else { return head[position] }
        return tail[(tailStart + position - head.count) % tail.count]
    }

    private static func slot(_ kind: TraceEvent.Kind) -> Int {
        switch kind {
        case .offer: 0
        case .accept: 1
        case .end: 2
        case .expire: 3
        case .object: 4
        }
    }
}
