/// A product of per-issue level intervals: the outcomes whose level on each constrained issue lies in its interval.
struct LevelBox: Sendable, Hashable {
    /// One constrained issue: levels `lower...upper`.
    struct Interval: Sendable, Hashable {
        var issue: Int
        var lower: Int
        var upper: Int
    }

    /// The constrained issues, sorted by issue, each once; the other issues are free.
    var intervals: [Interval]

    /// The whole space.
    static let everywhere = LevelBox(intervals: [])

    /// The box of one interval, or `nil` when it is empty.
    static func single(issue: Int, lower: Int, upper: Int) -> LevelBox? {
        lower <= upper ? LevelBox(intervals: [Interval(issue: issue, lower: lower, upper: upper)]) : nil
    }

    /// The outcomes in both boxes, or `nil` when there are none.
    func intersection(_ other: LevelBox) -> LevelBox? {
        var result: [Interval] = []
        result.reserveCapacity(intervals.count + other.intervals.count)
        var i = 0
        var j = 0
        while i < intervals.count || j < other.intervals.count {
            if j == other.intervals.count || (i < intervals.count && intervals[i].issue < other.intervals[j].issue) {
                result.append(intervals[i])
                i += 1
            } else if i == intervals.count || other.intervals[j].issue < intervals[i].issue {
                result.append(other.intervals[j])
                j += 1
            } else {
                let lower = max(intervals[i].lower, other.intervals[j].lower)
                let upper = min(intervals[i].upper, other.intervals[j].upper)
                guard lower <= upper else { return nil }
                result.append(Interval(issue: intervals[i].issue, lower: lower, upper: upper))
                i += 1
                j += 1
            }
        }
        return LevelBox(intervals: result)
    }
}

/// One way for a term to earn its value: being in a region.
struct Region: Sendable, Hashable {
    var box: LevelBox
    var value: Double
}

/// A utility written as a non-decreasing function of a sum of terms, each term worth the largest value among its
/// regions that contain the outcome (0 when none does): `u(x) = φ(offset + Σ_t max_{r ∈ t, x ∈ r} r.value)`.
///
/// Every region value is positive. When ``isExact`` is false, the terms are only a relaxation (a utility with
/// negative contributions, an empty `max` node, or a `min`/`max` node too large to expand): outcomes chosen from them
/// are still evaluated exactly, but nothing guarantees that the best ones are found.
struct RegionDecomposition: Sendable {
    var terms: [[Region]]
    var offset: Double
    var isExact: Bool

    /// The decomposition of a supported utility, or `nil` for any other.
    ///
    /// - ``HyperRectangleUtility``: the terms of its tree, values divided by `maxUtility` (φ = min(1, ·)); a tree
    ///   with a non-positive `maxUtility` is not supported.
    /// - Any utility with a contribution table (additive): one term per issue, one region per level worth its
    ///   contribution minus the issue's smallest, which goes to the offset (φ = identity).
    /// - ``CappedAdditiveUtility`` whose cap binds: the same from its uncapped sum (φ = min(cap, ·)).
    init?(utility: any UtilityFunction, space: OutcomeSpace, alternativeLimit: Int) {
        if let rectangles = utility as? HyperRectangleUtility {
            guard rectangles.maxUtility > 0, rectangles.maxUtility.isFinite else { return nil }
            let compiler = TreeCompiler(radices: space.radices, alternativeLimit: alternativeLimit)
            let exact = compiler.terms(of: rectangles.root)
            let terms = exact ?? compiler.relaxedTerms(of: rectangles.root, factor: 1)
            self.terms = terms.map { term in
                term.map { Region(box: $0.box, value: $0.value / rectangles.maxUtility) }
            }
            offset = 0
            isExact = exact != nil
            return
        }
        let table: [[Double]]
        if let additive = utility.contributionTable(in: space) {
            table = additive
        } else if let capped = utility as? CappedAdditiveUtility,
            let uncapped = capped.uncapped.contributionTable(in: space)
        {
            table = uncapped
        } else {
            return nil
        }
        var terms: [[Region]] = []
        var offset = 0.0
        for (issue, row) in table.enumerated() {
            let smallest = row.min() ?? 0
            offset += smallest
            terms.append(
                row.enumerated().compactMap { level, value in
                    guard value - smallest > 0, let box = LevelBox.single(issue: issue, lower: level, upper: level)
                    else { return nil }
                    return Region(box: box, value: value - smallest)
                })
        }
        self.terms = terms.filter { !$0.isEmpty }
        self.offset = offset
        isExact = table.allSatisfy { $0.allSatisfy(\.isFinite) }
    }
}

/// Turns a ``HyperRectangleUtility`` tree into terms of regions (values in the tree's own units).
private struct TreeCompiler {
    let radices: [Int]
    let alternativeLimit: Int

    /// The exact terms of a node's value (without the node's own weight), or `nil` when the node cannot be written
    /// exactly as such a sum (negative contributions or weights, an empty `max` node, an expansion too large).
    func terms(of node: HyperRectangleUtility.Node) -> [[Region]]? {
        var parts: [[[Region]]] = []
        for rectangle in node.rectangles {
            guard let term = terms(of: rectangle) else { return nil }
            parts.append(term)
        }
        for child in node.children {
            guard let inner = terms(of: child), let scaled = Self.scaled(inner, by: child.weight) else { return nil }
            parts.append(scaled)
        }
        switch node.aggregation {
        case .sum:
            return parts.flatMap { $0 }
        case .max:
            // max(−(2³¹ − 1), parts…) with every part ≥ 0: the largest region value of any part.
            guard !parts.isEmpty else { return nil }
            var union: [Region] = []
            for part in parts {
                guard let regions = alternatives(of: part) else { return nil }
                union.append(contentsOf: regions)
            }
            guard union.count <= alternativeLimit else { return nil }
            return union.isEmpty ? [] : [union]
        case .min:
            // min(2³¹ − 1, parts…): positive only where some region of every part holds, worth the least of them.
            let ceiling = HyperRectangleUtility.Node.initialValue(of: .min)
            guard !parts.isEmpty else { return [[Region(box: .everywhere, value: ceiling)]] }
            var combinations = [Region(box: .everywhere, value: ceiling)]
            for part in parts {
                guard let regions = alternatives(of: part) else { return nil }
                var next: [Region] = []
                for combination in combinations {
                    for region in regions {
                        guard let box = combination.box.intersection(region.box) else { continue }
                        next.append(Region(box: box, value: min(combination.value, region.value)))
                        guard next.count <= alternativeLimit else { return nil }
                    }
                }
                combinations = next
                if combinations.isEmpty { return [] }
            }
            return [combinations]
        }
    }

    /// The terms of one rectangle: one region for `INCLUDES`, one per side of each bound for `EXCLUDES`.
    func terms(of rectangle: HyperRectangleUtility.Rectangle) -> [[Region]]? {
        let value = rectangle.contribution
        guard value.isFinite, value >= 0 else { return nil }
        guard value > 0 else { return [] }
        switch rectangle.kind {
        case .includes:
            var box = LevelBox.everywhere
            for bound in rectangle.bounds {
                let levels = clamped(bound)
                guard let single = LevelBox.single(issue: bound.issue, lower: levels.lower, upper: levels.upper),
                    let meet = box.intersection(single)
                else { return [] }
                box = meet
            }
            return [[Region(box: box, value: value)]]
        case .excludes:
            var regions: [Region] = []
            for bound in rectangle.bounds {
                let levels = clamped(bound)
                // A bound that holds nowhere always fails: the rectangle is satisfied everywhere.
                guard levels.lower <= levels.upper else { return [[Region(box: .everywhere, value: value)]] }
                if let below = LevelBox.single(issue: bound.issue, lower: 0, upper: levels.lower - 1) {
                    regions.append(Region(box: below, value: value))
                }
                if let above = LevelBox.single(issue: bound.issue, lower: levels.upper + 1, upper: radix(bound) - 1) {
                    regions.append(Region(box: above, value: value))
                }
            }
            return regions.isEmpty ? [] : [regions]
        }
    }

    /// A sum of terms written as one term: every combination of at most one region per term whose regions meet,
    /// worth their sum. `nil` when there would be more than `alternativeLimit`.
    func alternatives(of terms: [[Region]]) -> [Region]? {
        if terms.count <= 1 { return terms.first ?? [] }
        var combinations = [Region(box: .everywhere, value: 0)]
        for term in terms {
            var next = combinations
            for combination in combinations {
                for region in term {
                    guard let box = combination.box.intersection(region.box) else { continue }
                    next.append(Region(box: box, value: combination.value + region.value))
                    guard next.count <= alternativeLimit + 1 else { return nil }
                }
            }
            combinations = next
        }
        return Array(combinations.dropFirst())
    }

    /// A relaxation for trees that are not exact: every rectangle with a positive contribution once the weights on
    /// its path are applied, as a term of its own.
    func relaxedTerms(of node: HyperRectangleUtility.Node, factor: Double) -> [[Region]] {
        var result: [[Region]] = []
        for rectangle in node.rectangles {
            var scaled = rectangle
            scaled.weight *= factor
            if let term = terms(of: scaled) { result.append(contentsOf: term) }
        }
        for child in node.children where child.weight * factor > 0 {
            result.append(contentsOf: relaxedTerms(of: child, factor: child.weight * factor))
        }
        return result
    }

    /// Terms multiplied by a weight; `nil` when a negative or infinite weight multiplies a non-zero value.
    static func scaled(_ terms: [[Region]], by weight: Double) -> [[Region]]? {
        if terms.isEmpty || weight == 0 { return [] }
        guard weight > 0, weight.isFinite else { return nil }
        return terms.map { term in term.map { Region(box: $0.box, value: $0.value * weight) } }
    }

    private func radix(_ bound: HyperRectangleUtility.Bound) -> Int {
        radices.indices.contains(bound.issue) ? radices[bound.issue] : 0
    }

    /// The bound's levels within the issue's levels, as an inclusive interval (empty when `lower > upper`).
    private func clamped(_ bound: HyperRectangleUtility.Bound) -> (lower: Int, upper: Int) {
        (max(0, bound.levels.lowerBound), min(radix(bound), bound.levels.upperBound) - 1)
    }
}
