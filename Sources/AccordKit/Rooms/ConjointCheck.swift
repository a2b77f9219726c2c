/// The check of a party's preferences against its ratings of whole packages (the hybrid conjoint of Inspire):
/// additive weights fitted to the ratings, and where the ratings disagree with the additive model.
///
/// The fit keeps the party's option scores v_i and looks for weights w ≥ 0 with Σ w_i = 1 that minimise
/// Σ_k (r_k − Σ_i w_i v_i(x_ik))² over the rated packages (least squares on the simplex, by projected gradient).
public struct ConjointCheck: Sendable {
    /// One rated package with what the models say of it.
    public struct Rating: Sendable, Hashable {
        /// The package.
        public var outcome: Outcome
        /// The party's rating, in [0, 1].
        public var rating: Double
        /// The party's utility with its entered weights.
        public var model: Double
        /// The utility with the fitted weights.
        public var fitted: Double
        /// Whether the rating is further than ``ConjointCheck/tolerance`` from the entered model.
        public var disagrees: Bool
    }

    /// How far a rating may lie from the model before the check says they disagree.
    public static let tolerance = 0.1

    /// The fitted weights, in issue order, summing to 1.
    public let fittedWeights: [Double]
    /// The entered weights, in issue order.
    public let enteredWeights: [Double]
    /// Each rated package.
    public let ratings: [Rating]
    /// The pairs of rated packages (indices into ``ratings``) that the ratings order one way and the entered model
    /// the other way (by more than the tolerance).
    public let inversions: [[Int]]

    /// Fits the weights of a party's additive preferences to its ratings.
    ///
    /// - Throws: ``RoomError`` (invalid) when the utility is not additive, there are fewer than two ratings, or a
    ///   rating lies outside [0, 1].
    public init(party: Party, space: OutcomeSpace, ratings: [(Outcome, Double)]) throws(RoomError) {
        guard let utility = party.utility as? LinearAdditiveUtility else {
            throw RoomError(.invalid, "the conjoint check needs additive preferences (weights and values)")
        }
        guard ratings.count >= 2 else { throw RoomError(.invalid, "the conjoint check needs at least two ratings") }
        if let bad = ratings.firstIndex(where: { !(0...1).contains($0.1) }) {
            throw RoomError(.invalid, "ratings[\(bad)].rating must be a number between 0 and 1")
        }
        let rows = ratings.map { outcome, _ in
            space.issues.indices.map { utility.value(ofLevel: outcome.levels[$0], onIssue: $0, in: space) }
        }
        let targets = ratings.map(\.1)
        let fitted = Self.fit(rows: rows, targets: targets)
        fittedWeights = fitted
        enteredWeights = utility.weights
        let scored = zip(ratings, rows).map { pair, row in
            let model = zip(utility.weights, row).map(*).reduce(0, +)
            return Rating(
                outcome: pair.0, rating: pair.1, model: model, fitted: zip(fitted, row).map(*).reduce(0, +),
                disagrees: abs(pair.1 - model) > Self.tolerance)
        }
        self.ratings = scored
        var inversions: [[Int]] = []
        for a in scored.indices {
            for b in scored.indices where b > a {
                let rated = scored[a].rating - scored[b].rating
                let modelled = scored[a].model - scored[b].model
                if abs(rated) > Self.tolerance, abs(modelled) > Self.tolerance, (rated > 0) != (modelled > 0) {
                    inversions.append([a, b])
                }
            }
        }
        self.inversions = inversions
    }

    /// Least squares on the simplex by projected gradient descent (step 1/L, L the trace bound of AᵀA).
    package static func fit(rows: [[Double]], targets: [Double]) -> [Double] {
        let count = rows.first?.count ?? 0
        guard count > 0 else { return [] }
        var weights = [Double](repeating: 1 / Double(count), count: count)
        let lipschitz = max(rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1 * $1 } }, 1e-12)
        for _ in 0..<20_000 {
            var gradient = [Double](repeating: 0, count: count)
            for (row, target) in zip(rows, targets) {
                let residual = zip(weights, row).map(*).reduce(0, +) - target
                for index in 0..<count { gradient[index] += residual * row[index] }
            }
            let step = zip(weights, gradient).map { $0 - $1 / lipschitz }
            let next = projectOntoSimplex(step)
            let change = zip(next, weights).map { abs($0 - $1) }.max() ?? 0
            weights = next
            if change < 1e-12 { break }
        }
        return weights
    }

    /// The Euclidean projection onto {w ≥ 0, Σ w = 1} (sort and threshold).
    package static func projectOntoSimplex(_ point: [Double]) -> [Double] {
        let sorted = point.sorted(by: >)
        var total = 0.0
        var threshold = 0.0
        for (index, value) in sorted.enumerated() {
            total += value
            let candidate = (total - 1) / Double(index + 1)
            if value - candidate > 0 { threshold = candidate }
        }
        return point.map { max($0 - threshold, 0) }
    }

    /// The check as JSON, for the party alone: fitted and entered weights by issue id, each rating with the two
    /// models' utilities and whether it disagrees, and the inverted pairs.
    public func json(skeleton: RoomSkeleton) -> JSONValue {
        let ids = skeleton.space.issues.map(\.id)
        return .object([
            ("fittedWeights", .object(zip(ids, fittedWeights).map { ($0, .number(($1 * 1e6).rounded() / 1e6)) })),
            ("enteredWeights", .object(zip(ids, enteredWeights).map { ($0, .number($1)) })),
            (
                "ratings",
                .array(
                    ratings.map {
                        .object([
                            ("package", skeleton.json(of: $0.outcome)), ("rating", .number($0.rating)),
                            ("model", .number($0.model)), ("fitted", .number($0.fitted)),
                            ("disagrees", .bool($0.disagrees)),
                        ])
                    })
            ),
            ("inversions", .array(inversions.map { .array($0.map(JSONValue.int)) })),
            ("agrees", .bool(inversions.isEmpty && !ratings.contains(where: \.disagrees))),
        ])
    }
}
