/// The changes a ``WhatIfRequest`` applied to its scenario, each with the value before and after, in the
/// scenario's party order (and issue order within a party), whatever order the request gave them in.
public struct WhatIfChanges: Sendable, Equatable {
    /// One party's new reservation value.
    public struct Reservation: Sendable, Equatable {
        /// The party's id.
        public var party: String
        /// The reservation value the scenario gives.
        public var from: Double
        /// The reservation value analysed.
        public var to: Double

        /// Creates the record of one change.
        public init(party: String, from: Double, to: Double) {
            self.party = party
            self.from = from
            self.to = to
        }
    }

    /// One party's weights, before and after the change and the renormalisation.
    public struct Weights: Sendable, Equatable {
        /// The party's id.
        public var party: String
        /// The ids of the issues whose weight the request set, in issue order.
        public var changed: [String]
        /// Every issue's weight as the scenario gives it, in issue order.
        public var from: [Double]
        /// Every issue's weight analysed: the request's values in place of the old, all divided by their sum.
        public var to: [Double]

        /// Creates the record of one party's change.
        public init(party: String, changed: [String], from: [Double], to: [Double]) {
            self.party = party
            self.changed = changed
            self.from = from
            self.to = to
        }
    }

    /// The reservation values changed.
    public var reservations: [Reservation] = []
    /// The parties whose weights changed.
    public var weights: [Weights] = []
    /// The ids of the scenario's issues, in order (the keys of ``Weights/from`` and ``Weights/to``).
    public var issues: [String] = []

    /// Creates the record; by default nothing changed.
    public init(reservations: [Reservation] = [], weights: [Weights] = [], issues: [String] = []) {
        self.reservations = reservations
        self.weights = weights
        self.issues = issues
    }

    /// Whether the request changed nothing.
    public var isEmpty: Bool { reservations.isEmpty && weights.isEmpty }

    /// The changes as JSON: `{"reservations": [{"party", "from", "to"}], "weights": [{"party", "changed", "from",
    /// "to"}]}`, weights keyed by issue id.
    public var json: JSONValue {
        let keyed = { (weights: [Double]) in JSONValue.object(zip(issues, weights).map { ($0, .number($1)) }) }
        return .object([
            (
                "reservations",
                .array(
                    reservations.map {
                        .object([("party", .string($0.party)), ("from", .number($0.from)), ("to", .number($0.to))])
                    })
            ),
            (
                "weights",
                .array(
                    weights.map {
                        .object([
                            ("party", .string($0.party)), ("changed", .array($0.changed.map(JSONValue.string))),
                            ("from", keyed($0.from)), ("to", keyed($0.to)),
                        ])
                    })
            ),
        ])
    }

    /// One line per change for the readable reports, such as `russia: reservation 0.6 → 0.5`.
    public var lines: [String] {
        let reservationLines = reservations.map {
            "\($0.party): reservation \(JSONValue.format($0.from)) → \(JSONValue.format($0.to))"
        }
        let weightLines = weights.map { change in
            "\(change.party): weights "
                + zip(issues, zip(change.from, change.to)).map { issue, pair in
                    "\(issue) \(Self.rounded(pair.0)) → \(Self.rounded(pair.1))"
                }
                .joined(separator: ", ")
        }
        return reservationLines + weightLines
    }

    /// A weight for a sentence: at most four decimals.
    private static func rounded(_ value: Double) -> String {
        JSONValue.format((value * 10_000).rounded() / 10_000)
    }
}
