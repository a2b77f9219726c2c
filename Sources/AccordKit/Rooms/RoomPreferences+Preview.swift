extension RoomPreferences {
    /// A party's own view of packages under these preferences (for its live preview, to the party alone): its
    /// reservation and, for each package, its utility and whether it would accept it (at least the reservation,
    /// within ε = 1e-9, and none of its own red lines crossed).
    public func preview(_ outcomes: [Outcome], party id: String, in skeleton: RoomSkeleton) throws(RoomError)
        -> JSONValue
    {
        let party = try party(id, in: skeleton)
        return .object([
            ("reservation", .number(party.reservation)),
            (
                "packages",
                .array(
                    outcomes.map { outcome in
                        .object([
                            ("package", skeleton.json(of: outcome)),
                            ("utility", .number(party.utility.utility(of: outcome, in: skeleton.space))),
                            ("acceptable", .bool(party.accepts(outcome, in: skeleton.space))),
                        ])
                    })
            ),
        ])
    }
}
