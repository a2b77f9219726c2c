/// The regions of both parties and which pairs of them cannot hold together: the graph whose independent sets are
/// the sets of regions some outcome lies in (see ``Scenario/rectangleFrontier(options:)``).
struct ConflictGraph: Sendable {
    /// Every region of both parties: the first party's terms first.
    let regions: [Region]
    /// Which party (0 or 1) each region's value counts for.
    let party: [Int]
    /// Bit sets of 64-bit words, `words` per region: `conflicts[r * words + w]`.
    let conflicts: [UInt64]
    let words: Int
    /// The number of pairs in conflict.
    let conflictCount: Int

    var count: Int { regions.count }

    init(first: RegionDecomposition, second: RegionDecomposition, space: OutcomeSpace) {
        var regions: [Region] = []
        var party: [Int] = []
        var term: [Int] = []
        for (index, decomposition) in [first, second].enumerated() {
            for regionsOfTerm in decomposition.terms {
                let id = (term.last ?? -1) + 1
                for region in regionsOfTerm {
                    regions.append(region)
                    party.append(index)
                    term.append(id)
                }
            }
        }
        let count = regions.count
        let words = max(1, (count + 63) / 64)
        var conflicts = [UInt64](repeating: 0, count: count * words)
        func link(_ a: Int, _ b: Int) {
            conflicts[a * words + b / 64] |= 1 << UInt64(b % 64)
            conflicts[b * words + a / 64] |= 1 << UInt64(a % 64)
        }
        // Alternatives of one term count once: they exclude each other.
        var start = 0
        while start < count {
            var end = start
            while end < count && term[end] == term[start] { end += 1 }
            for a in start..<end { for b in (a + 1)..<end { link(a, b) } }
            start = end
        }
        // Regions disjoint on an issue: only regions that both constrain it can be.
        var constraining = [[(region: Int, lower: Int, upper: Int)]](repeating: [], count: space.issues.count)
        for (index, region) in regions.enumerated() {
            for interval in region.box.intervals where constraining.indices.contains(interval.issue) {
                constraining[interval.issue].append((index, interval.lower, interval.upper))
            }
        }
        for list in constraining {
            for (position, a) in list.enumerated() {
                for b in list[(position + 1)...] where a.upper < b.lower || b.upper < a.lower {
                    link(a.region, b.region)
                }
            }
        }
        var pairs = 0
        for word in conflicts { pairs += word.nonzeroBitCount }
        self.regions = regions
        self.party = party
        self.conflicts = conflicts
        self.words = words
        self.conflictCount = pairs / 2
    }

    /// The region's value as a pair (first party, second party).
    func values(of region: Int) -> (Double, Double) {
        party[region] == 0 ? (regions[region].value, 0) : (0, regions[region].value)
    }

    /// An outcome in every chosen region: the lowest level of their intersection on every issue.
    ///
    /// - Precondition: the chosen regions pairwise intersect (an independent set).
    func outcome(choosing chosen: [Int], in space: OutcomeSpace) -> Outcome {
        var lower = [Int](repeating: 0, count: space.radices.count)
        for region in chosen {
            for interval in regions[region].box.intervals where lower.indices.contains(interval.issue) {
                lower[interval.issue] = max(lower[interval.issue], interval.lower)
            }
        }
        return Outcome(levels: lower)
    }

    /// Greedy selections, one per weighting λ·u₁ + (1 − λ)·u₂ with λ evenly spaced over [0, 1]: regions in order of
    /// weighted value (then index), each taken when it conflicts with none taken before.
    func greedySelections(weightings: Int) -> [[Int]] {
        var result: [[Int]] = []
        for step in 0..<weightings {
            let lambda = Double(step) / Double(weightings - 1)
            let order = regions.indices.sorted { a, b in
                let (a1, a2) = values(of: a)
                let (b1, b2) = values(of: b)
                let wa = lambda * a1 + (1 - lambda) * a2
                let wb = lambda * b1 + (1 - lambda) * b2
                return wa != wb ? wa > wb : a < b
            }
            var blocked = [UInt64](repeating: 0, count: words)
            var chosen: [Int] = []
            for region in order where blocked[region / 64] & (1 << UInt64(region % 64)) == 0 {
                chosen.append(region)
                for w in 0..<words { blocked[w] |= conflicts[region * words + w] }
            }
            result.append(chosen.sorted())
        }
        return result
    }
}

/// The exhaustive search: every non-dominated value pair of an independent set of a ``ConflictGraph``.
struct FrontierSearch {
    let graph: ConflictGraph
    let subproblemLimit: Int
    private(set) var subproblemCount = 0
    /// The frontier of every sub-graph solved so far.
    private var memo: [[UInt64]: [Entry]] = [:]
    /// The chosen regions of every entry, shared between entries (see `ChoiceArena`).
    private var choices = ChoiceArena()

    /// A value pair (before any cap) and the regions that reach it.
    struct Entry {
        var first: Double
        var second: Double
        var choice: Int32
    }

    /// The deepest the recursion may go (taken branches and splits into components) before the search gives up.
    static let maximumDepth = 1000

    /// Raised inside the search when it passes its limit.
    private struct LimitReached: Error {}

    init(graph: ConflictGraph, subproblemLimit: Int) {
        self.graph = graph
        self.subproblemLimit = subproblemLimit
    }

    /// The regions of every non-dominated value pair of the whole graph, or `nil` when the search passed its limit.
    mutating func frontier() -> [[Int]]? {
        var all = [UInt64](repeating: 0, count: graph.words)
        for region in 0..<graph.count { all[region / 64] |= 1 << UInt64(region % 64) }
        do throws(LimitReached) {
            let entries = try solve(all, depth: 0)
            return entries.map { choices.regions(of: $0.choice).sorted() }
        } catch {
            return nil
        }
    }

    /// The non-dominated value pairs of the independent sets of the sub-graph `set`.
    ///
    /// A connected sub-graph branches on its region with the most conflicts: taken (its neighbours leave) or left
    /// out. The left-out branches form a chain that is followed in a loop rather than by recursion, so the depth of
    /// the recursion grows only with the taken branches and the splits into components (at most ``maximumDepth``).
    private mutating func solve(_ set: [UInt64], depth: Int) throws(LimitReached) -> [Entry] {
        guard depth <= Self.maximumDepth else { throw LimitReached() }
        // One step of the chain: a sub-graph, the region branched on, and the frontier with that region taken.
        var chain: [(set: [UInt64], pivot: Int, taken: [Entry])] = []
        var current = set
        var tail: [Entry]
        while true {
            guard let first = Self.firstMember(of: current) else {
                tail = [Entry(first: 0, second: 0, choice: -1)]
                break
            }
            if let known = memo[current] {
                tail = known
                break
            }
            subproblemCount += 1
            guard subproblemCount <= subproblemLimit else { throw LimitReached() }
            let components = self.components(of: current, startingAt: first)
            if components.count > 1 {
                tail = try combine(components, depth: depth)
                memo[current] = tail
                break
            }
            let (pivot, fewest, size) = mostConflicting(in: current)
            if fewest == size - 1 {
                // Every region conflicts with every other (a single region, or one term's alternatives): singletons.
                var singles: [Candidate] = []
                var rest = current
                while let region = Self.popFirst(&rest) {
                    let (v1, v2) = graph.values(of: region)
                    singles.append(Candidate(first: v1, second: v2, left: -1, right: -1, adding: Int32(region)))
                }
                tail = materialize(Self.nonDominated(singles))
                memo[current] = tail
                break
            }
            var without = current
            without[pivot / 64] &= ~(1 << UInt64(pivot % 64))
            var taking = without
            for w in 0..<graph.words { taking[w] &= ~graph.conflicts[pivot * graph.words + w] }
            chain.append((current, pivot, try solve(taking, depth: depth + 1)))
            current = without
        }
        for step in chain.reversed() {
            let (v1, v2) = graph.values(of: step.pivot)
            var candidates: [Candidate] = []
            candidates.reserveCapacity(step.taken.count + tail.count)
            for entry in step.taken {
                candidates.append(
                    Candidate(
                        first: entry.first + v1, second: entry.second + v2, left: entry.choice, right: -1,
                        adding: Int32(step.pivot)))
            }
            for entry in tail {
                candidates.append(Candidate(first: entry.first, second: entry.second, left: entry.choice, right: -1))
            }
            tail = materialize(Self.nonDominated(candidates))
            memo[step.set] = tail
        }
        return tail
    }

    /// The frontier of a union of components: the sums of one pair from each component's frontier, filtered.
    private mutating func combine(_ components: [[UInt64]], depth: Int) throws(LimitReached) -> [Entry] {
        var result = [Entry(first: 0, second: 0, choice: -1)]
        for component in components {
            let part = try solve(component, depth: depth + 1)
            var sums: [Candidate] = []
            sums.reserveCapacity(result.count * part.count)
            for a in result {
                for b in part {
                    sums.append(
                        Candidate(
                            first: a.first + b.first, second: a.second + b.second, left: a.choice, right: b.choice))
                }
            }
            result = materialize(Self.nonDominated(sums))
        }
        return result
    }

    /// The region of the sub-graph with the most conflicts inside it (the lowest on ties), the fewest conflicts any
    /// region has inside it, and the sub-graph's size.
    private func mostConflicting(in set: [UInt64]) -> (region: Int, fewest: Int, size: Int) {
        var pivot = 0
        var most = -1
        var fewest = Int.max
        var size = 0
        var rest = set
        while let region = Self.popFirst(&rest) {
            size += 1
            var d = 0
            for w in 0..<graph.words { d += (graph.conflicts[region * graph.words + w] & set[w]).nonzeroBitCount }
            if d > most { (pivot, most) = (region, d) }
            fewest = min(fewest, d)
        }
        return (pivot, fewest, size)
    }

    /// A value pair not yet stored: the union of two choices, plus possibly one region.
    private struct Candidate {
        var first: Double
        var second: Double
        var left: Int32
        var right: Int32
        var adding: Int32 = -1
    }

    private mutating func materialize(_ candidates: [Candidate]) -> [Entry] {
        candidates.map { candidate in
            var choice = choices.union(candidate.left, candidate.right)
            if candidate.adding >= 0 { choice = choices.adding(Int(candidate.adding), to: choice) }
            return Entry(first: candidate.first, second: candidate.second, choice: choice)
        }
    }

    /// The pairs no other pair weakly dominates (exact comparison; of equal pairs, the first is kept), best first
    /// value first.
    private static func nonDominated(_ candidates: [Candidate]) -> [Candidate] {
        let sorted = candidates.enumerated().sorted { lhs, rhs in
            if lhs.element.first != rhs.element.first { return lhs.element.first > rhs.element.first }
            if lhs.element.second != rhs.element.second { return lhs.element.second > rhs.element.second }
            return lhs.offset < rhs.offset
        }
        var kept: [Candidate] = []
        var best = -Double.infinity
        for (_, candidate) in sorted where candidate.second > best {
            kept.append(candidate)
            best = candidate.second
        }
        return kept
    }

    /// The connected components of the sub-graph `set`.
    private func components(of set: [UInt64], startingAt first: Int) -> [[UInt64]] {
        var result: [[UInt64]] = []
        var rest = set
        var seed: Int? = first
        while let start = seed {
            var component = [UInt64](repeating: 0, count: graph.words)
            var frontier = component
            frontier[start / 64] |= 1 << UInt64(start % 64)
            var isEmpty = false
            while !isEmpty {
                var next = [UInt64](repeating: 0, count: graph.words)
                for w in 0..<graph.words { component[w] |= frontier[w] }
                while let region = Self.popFirst(&frontier) {
                    for w in 0..<graph.words { next[w] |= graph.conflicts[region * graph.words + w] }
                }
                isEmpty = true
                for w in 0..<graph.words {
                    frontier[w] = next[w] & set[w] & ~component[w]
                    if frontier[w] != 0 { isEmpty = false }
                }
            }
            for w in 0..<graph.words { rest[w] &= ~component[w] }
            result.append(component)
            seed = Self.firstMember(of: rest)
        }
        return result
    }

    private static func firstMember(of set: [UInt64]) -> Int? {
        for (w, word) in set.enumerated() where word != 0 { return w * 64 + word.trailingZeroBitCount }
        return nil
    }

    private static func popFirst(_ set: inout [UInt64]) -> Int? {
        for w in set.indices where set[w] != 0 {
            let bit = set[w].trailingZeroBitCount
            set[w] &= set[w] - 1
            return w * 64 + bit
        }
        return nil
    }
}

/// Sets of regions shared between search entries: a choice is empty (-1), a region added to a choice, or the union
/// of two choices, so extending or combining never copies a set.
private struct ChoiceArena {
    private var region: [Int32] = []
    private var left: [Int32] = []
    private var right: [Int32] = []

    mutating func adding(_ added: Int, to choice: Int32) -> Int32 {
        region.append(Int32(added))
        left.append(choice)
        right.append(-1)
        return Int32(region.count - 1)
    }

    mutating func union(_ a: Int32, _ b: Int32) -> Int32 {
        if a < 0 { return b }
        if b < 0 { return a }
        region.append(-1)
        left.append(a)
        right.append(b)
        return Int32(region.count - 1)
    }

    func regions(of choice: Int32) -> [Int] {
        var result: [Int] = []
        var stack: [Int32] = [choice]
        while let node = stack.popLast() {
            guard node >= 0 else { continue }
            let index = Int(node)
            if region[index] >= 0 { result.append(Int(region[index])) }
            stack.append(left[index])
            stack.append(right[index])
        }
        return result
    }
}
