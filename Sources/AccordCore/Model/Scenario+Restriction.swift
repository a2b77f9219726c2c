extension Scenario {
    /// The negotiation over a subset of its issues, as if the other issues were settled elsewhere.
    ///
    /// Each party's utility keeps only the kept issues, its weights renormalised over them
    /// (u_S(x) = Σ_{i∈S} w_i·v_i(x_i) / Σ_{i∈S} w_i); reservation values are unchanged. Red lines that mention a
    /// dropped issue are dropped (they cannot be judged), proposals keep their choices on the kept issues, and
    /// uncertainty carries over to the kept issues. A party that weighs none of the kept issues is indifferent
    /// over them (utility 0 everywhere).
    ///
    /// - Parameter issueIDs: the issues to keep; their order in the scenario is preserved.
    /// - Throws: ``RestrictionError`` for an unknown or repeated issue, an empty list, or a party whose utility is not
    ///   linear additive.
    public func restricted(to issueIDs: [String]) throws(RestrictionError) -> Scenario {
        guard !issueIDs.isEmpty else { throw .empty }
        var seen = Set<String>()
        for id in issueIDs {
            guard space.issueIndex(of: id) != nil else { throw .unknownIssue(id, known: issues.map(\.id)) }
            guard seen.insert(id).inserted else { throw .repeatedIssue(id) }
        }
        if let party = parties.first(where: { !($0.utility is LinearAdditiveUtility) }) {
            throw .unsupportedUtility(party: party.id)
        }
        let kept = issues.indices.filter { seen.contains(issues[$0].id) }
        let newIndex = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0) })
        var notes = self.notes
        notes.append(
            "Restricted to the issues \(kept.map { issues[$0].id }.joined(separator: ", ")); weights renormalised over them."
        )
        let newParties = parties.map { party -> Party in
            var copy = party
            if let utility = party.utility as? LinearAdditiveUtility {
                let total = kept.reduce(0.0) { $0 + utility.weights[$1] }
                copy.utility = LinearAdditiveUtility(
                    weights: kept.map { total > 0 ? utility.weights[$0] / total : 0 },
                    values: kept.map { utility.values[$0] })
            }
            let lines = party.redLines.filter { line in line.conditions.allSatisfy { newIndex[$0.issue] != nil } }
            if lines.count < party.redLines.count {
                notes.append(
                    "\(party.id): \(party.redLines.count - lines.count) red line(s) on dropped issues set aside.")
            }
            copy.redLines = lines.map { line in
                var moved = line
                moved.conditions = line.conditions.map { RedLine.Condition(issue: newIndex[$0.issue]!, test: $0.test) }
                return moved
            }
            if let uncertainty = party.uncertainty {
                var values: [PartyUncertainty.Value: Distribution] = [:]
                for (key, distribution) in uncertainty.values {
                    switch key {
                    case .table(let issue, let option):
                        if let moved = newIndex[issue] { values[.table(issue: moved, option: option)] = distribution }
                    case .attribute(let issue, let term, let value):
                        if let moved = newIndex[issue] {
                            values[.attribute(issue: moved, term: term, value: value)] = distribution
                        }
                    }
                }
                let moved = PartyUncertainty(
                    writtenWeights: kept.map { uncertainty.writtenWeights[$0] },
                    weights: Dictionary(
                        uniqueKeysWithValues: uncertainty.weights.compactMap { key, value in
                            newIndex[key].map { ($0, value) }
                        }),
                    values: values, reservation: uncertainty.reservation)
                copy.uncertainty = moved.isEmpty ? nil : moved
            }
            return copy
        }
        let newProposals = proposals.map { proposal in
            Proposal(
                id: proposal.id, name: proposal.name, description: proposal.description,
                levels: kept.map { proposal.levels[$0] })
        }
        return Scenario(
            name: name, description: description, issues: kept.map { issues[$0] }, parties: newParties,
            proposals: newProposals, notes: notes)
    }
}
