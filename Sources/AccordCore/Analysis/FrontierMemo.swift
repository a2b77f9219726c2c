import Synchronization

/// Pareto frontiers built before, kept so that analyses differing only in what the frontier does not depend on
/// — reservation values — reuse one instead of building it again: a what-if slider moving a reservation value.
///
/// The frontier depends on the selected levels, every party's contributions, the red lines and the candidate limit
/// (docs/methods.md: reservation values do not restrict it). An entry is reused only when all of these are
/// identical, contributions bit for bit, so a reused frontier is exactly the one the analysis would build. The memo
/// keeps the ``capacity`` most recently used frontiers; it is safe to share between concurrent analyses.
public final class FrontierMemo: Sendable {
    /// A frontier: each point's selection indices and its utilities, in report order.
    typealias Frontier = [(digits: [Int], utilities: [Double])]

    /// What a frontier is built from.
    struct Key: Hashable {
        let levels: [[Int]]
        let contributions: [UInt64]
        let conditionMasks: [[UInt64]]
        let redLineMasks: [[UInt64]]
        let redLineLastIssue: [[Int]]
        let candidateLimit: Int

        init(tables: AdditiveTables, candidateLimit: Int) {
            levels = tables.levels
            contributions = tables.contribution.flatMap { $0.flatMap { $0.map(\.bitPattern) } }
            conditionMasks = tables.conditionMask
            redLineMasks = tables.redLineMasks
            redLineLastIssue = tables.redLineLastIssue
            self.candidateLimit = candidateLimit
        }
    }

    private struct Entry: @unchecked Sendable {
        // The frontier's tuples are not Sendable by declaration; its arrays are values, never shared mutably.
        let key: Key
        let frontier: Frontier
    }

    /// The most frontiers kept.
    public let capacity: Int
    private let entries = Mutex<[Entry]>([])

    /// Creates an empty memo that keeps at most `capacity` frontiers (at least 1).
    public init(capacity: Int = 16) {
        self.capacity = max(1, capacity)
    }

    /// How many frontiers are kept now.
    public var count: Int { entries.withLock { $0.count } }

    /// The frontier of `tables`: a kept one when its inputs are identical, else built by `build` and kept.
    func frontier(
        of tables: AdditiveTables, candidateLimit: Int, build: () throws(AnalysisError) -> Frontier
    ) throws(AnalysisError) -> Frontier {
        let key = Key(tables: tables, candidateLimit: candidateLimit)
        let kept = entries.withLock { entries -> Frontier? in
            guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
            let entry = entries.remove(at: index)
            entries.append(entry)
            return entry.frontier
        }
        if let kept { return kept }
        let frontier = try build()
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append(Entry(key: key, frontier: frontier))
            if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        }
        return frontier
    }
}
