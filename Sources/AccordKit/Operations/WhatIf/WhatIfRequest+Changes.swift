extension WhatIfRequest {
    /// How many ids an error lists before it says how many more there are.
    static let listedIDLimit = Echo.listLimit

    /// Applies ``reservations`` and ``weights`` to `scenario`, checking each change, and returns what changed.
    ///
    /// - Throws: ``RequestError`` naming the first bad change in the scenario's party and issue order.
    func apply(to scenario: inout Scenario) throws(RequestError) -> WhatIfChanges {
        var changes = WhatIfChanges(issues: scenario.issues.map(\.id))
        try checkParties(in: scenario)
        for index in scenario.parties.indices {
            let id = scenario.parties[index].id
            if let value = reservations[id] {
                guard value.isFinite, (0...1).contains(value) else {
                    throw RequestError(
                        "reservations.\(Self.cut(id)) must be a number from 0 to 1, found \(Self.cut(value.description))"
                    )
                }
                changes.reservations.append(
                    WhatIfChanges.Reservation(party: id, from: scenario.parties[index].reservation, to: value))
                scenario.parties[index].reservation = value
            }
            if let given = weights[id], !given.isEmpty {
                changes.weights.append(try Self.reweigh(&scenario.parties[index], given, in: scenario.space))
            }
        }
        return changes
    }

    /// Refuses a party id that the scenario does not have, reservations first.
    private func checkParties(in scenario: Scenario) throws(RequestError) {
        let known = Set(scenario.parties.map(\.id))
        for (field, ids) in [("reservations", reservations.keys.sorted()), ("weights", weights.keys.sorted())] {
            if let unknown = ids.first(where: { !known.contains($0) }) {
                throw RequestError(
                    "\(field): there is no party '\(Self.cut(unknown))'; parties are: "
                        + Self.list(scenario.parties.map(\.id)))
            }
        }
    }

    /// Replaces the given weights of `party`'s linear-additive utility and renormalises them to sum to 1.
    private static func reweigh(_ party: inout Party, _ given: [String: Double], in space: OutcomeSpace)
        throws(RequestError) -> WhatIfChanges.Weights
    {
        let field = "weights.\(cut(party.id))"
        guard var utility = party.utility as? LinearAdditiveUtility else {
            throw RequestError(
                "\(field): party '\(cut(party.id))' has no issue weights to change, since its utility is not "
                    + "linear-additive")
        }
        for id in given.keys.sorted() where space.issueIndex(of: id) == nil {
            throw RequestError(
                "\(field): there is no issue '\(cut(id))'; issues are: " + list(space.issues.map(\.id)))
        }
        let before = utility.weights
        var changed: [String] = []
        for (index, issue) in space.issues.enumerated() {
            guard let weight = given[issue.id] else { continue }
            guard weight.isFinite, weight >= 0 else {
                throw RequestError(
                    "\(field).\(cut(issue.id)) must be a number of at least 0, found \(cut(weight.description))")
            }
            utility.weights[index] = weight
            changed.append(issue.id)
        }
        let total = utility.weights.reduce(0, +)
        guard total > 0 else {
            throw RequestError("\(field): the weights would all be 0; at least one must be positive")
        }
        utility.weights = utility.weights.map { $0 / total }
        party.utility = utility
        return WhatIfChanges.Weights(party: party.id, changed: changed, from: before, to: utility.weights)
    }

    /// `text` cut to its first 40 characters with "…", for echoing a request's value in an error.
    static func cut(_ text: String) -> String { Echo.cut(text) }

    /// Ids for an error: the first ``Echo/listLimit``, then how many more.
    static func list(_ ids: [String]) -> String { Echo.list(ids) }
}
