extension Scenario {
    /// Judges a proposal: every party's utility, margin over its reservation, acceptance and crossed red line.
    ///
    /// A partial proposal is judged by its completions (the outcomes that agree with it on its decided issues):
    /// the result reports how many completions everyone accepts, each party's utility range over them, and
    /// judges the best completion — the Nash point among the completions everyone accepts, or, when there is
    /// none, the completion that crosses no red line and maximises the smallest margin.
    public func evaluate(_ proposal: Proposal, options: AnalysisOptions = AnalysisOptions()) throws(AnalysisError)
        -> ProposalEvaluation
    {
        let open = proposal.levels.indices.filter { proposal.levels[$0] == nil }
        // Completions use only the options still on the table at the analysed round or date.
        let available = Selection.available(in: space, round: options.round, date: options.date)
        let expired = proposal.levels.indices.filter { issue in
            proposal.levels[issue].map { !available.levels[issue].contains($0) } ?? false
        }
        if let empty = open.first(where: { available.levels[$0].isEmpty }) {
            throw .emptySelection(issue: issues[empty].id)
        }
        let selection = Selection(
            levels: proposal.levels.indices.map { proposal.levels[$0].map { [$0] } ?? available.levels[$0] })
        let enumeration = try enumeration(of: selection)
        guard let completions = selection.count, completions <= options.maxOutcomes else {
            throw .spaceTooLarge(
                outcomes: selection.approximateCount, afterPruning: selection.approximateCount,
                limit: options.maxOutcomes)
        }
        var outcome = proposal.outcome
        var acceptable = completions
        if outcome == nil || !open.isEmpty {
            var scan = ZoneScan(tables: enumeration.tables, listLimit: 0)
            enumeration.walk(&scan)
            acceptable = scan.zoneCount
            let digits = scan.nash.digits ?? scan.closest.digits ?? Array(repeating: 0, count: issues.count)
            outcome = enumeration.outcome(digits)
        } else if let full = outcome, !parties.allSatisfy({ $0.accepts(full, in: space) }) {
            acceptable = 0
        }
        if !expired.isEmpty { acceptable = 0 }
        let chosen = outcome!
        let utilities = utilities(of: chosen)
        let ranges = enumeration.utilityRanges
        let crossed = parties.map { $0.crossedRedLine(by: chosen, in: space) }
        let margins = zip(utilities, parties).map { $0 - $1.reservation }
        return ProposalEvaluation(
            id: proposal.id, isComplete: open.isEmpty, outcome: chosen, utilities: utilities, margins: margins,
            accepted: zip(margins, crossed).map { $0 >= -utilityTolerance && $1 == nil }, crossedRedLines: crossed,
            openIssues: open, expiredIssues: expired, completionCount: completions,
            acceptableCompletionCount: acceptable,
            utilityRanges: ranges)
    }

    /// Judges a complete outcome as an unnamed proposal.
    public func evaluate(_ outcome: Outcome) throws(AnalysisError) -> ProposalEvaluation {
        try evaluate(Proposal(id: "outcome", levels: outcome.levels.map { $0 }))
    }
}
