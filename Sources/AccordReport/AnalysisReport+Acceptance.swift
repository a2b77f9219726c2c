import AccordCore

extension AnalysisReport {
    /// The names of some parties, as English: "Ukraine", "Ukraine and Russia", "A, B, and C" (the last comma
    /// keeps a name that contains "and" readable).
    func nameList(_ indices: [Int]) -> String {
        let names = indices.map(name)
        guard names.count > 2 else { return names.joined(separator: " and ") }
        return names.dropLast().joined(separator: ", ") + ", and " + names.last!
    }

    /// Who the draws are about, and whose verdicts are certain.
    func acceptanceIntroduction(_ acceptance: AcceptanceAnalysis) -> [String] {
        let draws = "\(formatCount(Double(acceptance.samples))) draws"
        guard !acceptance.uncertainParties.isEmpty else {
            return [
                "\(draws) (seed \(acceptance.seed)); no party has uncertain numbers, so every verdict is certain."
            ]
        }
        var lines = [
            "\(draws) of the uncertain numbers of \(nameList(acceptance.uncertainParties)) (seed \(acceptance.seed)); "
                + "each probability with its 95 % interval."
        ]
        let certain = parties.indices.filter { !acceptance.uncertainParties.contains($0) }
        lines.append(
            (certain.isEmpty
                ? "" : "\(nameList(certain)) \(certain.count == 1 ? "has" : "have") no uncertain numbers. ")
                + "A verdict that no draw can change — a party with certain numbers, or a package across one of the "
                + "party's red lines — is shown as accepts or rejects.")
        return lines
    }

    /// One party's acceptance of a proposal: its probability when the draws can change it, its verdict otherwise.
    func acceptanceCell(_ proposal: AcceptanceAnalysis.ProposalAcceptance, party p: Int) -> String {
        guard !proposal.isUncertain[p] else { return percent(proposal.parties[p]) }
        return proposal.parties[p].successes == proposal.parties[p].trials ? "accepts" : "rejects"
    }

    /// Whether no draw can change whether every party accepts: no party's verdict varies, or one rejects in every
    /// draw whatever the draws.
    func isCertainForAll(_ proposal: AcceptanceAnalysis.ProposalAcceptance) -> Bool {
        !proposal.isUncertain.contains(true)
            || parties.indices.contains { !proposal.isUncertain[$0] && proposal.parties[$0].successes == 0 }
    }

    /// "Everyone accepts" for a proposal: the probability, or the verdict when no draw can change it.
    func acceptanceByAllCell(_ proposal: AcceptanceAnalysis.ProposalAcceptance) -> String {
        guard isCertainForAll(proposal) else { return percent(proposal.all) }
        return proposal.all.successes == proposal.all.trials ? "accepts" : "rejects"
    }

    /// Which packages have a probability of being in the zone.
    func trackedPackagesSentence(_ acceptance: AcceptanceAnalysis) -> String {
        let ties = "ties: the larger Nash product at the nominal values first, then the lower outcome index"
        if acceptance.tracksEveryPackage { return "The packages most often acceptable to every party (\(ties)):" }
        let tracked = formatCount(Double(acceptance.trackedPackageCount))
        if acceptance.tracksEveryPossiblePackage {
            return "The packages most often acceptable to every party (all \(tracked) packages that can be in the "
                + "zone are tracked; \(ties)):"
        }
        return "The packages most often acceptable to every party, of the \(tracked) tracked (the proposals, the "
            + "bargaining solutions, the Pareto frontier and \(formatCount(Double(acceptance.candidateCount))) "
            + "candidates that can be in the zone; every package on request; \(ties)):"
    }

    /// The summary's findings under uncertainty: for each proposal that a party whose verdict the draws can change
    /// accepts less often than not, how likely it and everyone are to accept.
    func acceptanceSummary() -> [String] {
        guard let acceptance else { return [] }
        var lines: [String] = []
        for proposal in acceptance.proposals {
            let varying = parties.indices.filter { proposal.isUncertain[$0] }
            let lowest = varying.min { proposal.parties[$0].estimate < proposal.parties[$1].estimate }
            guard let lowest, proposal.parties[lowest].estimate < 0.5 else { continue }
            let rejecting = parties.indices.filter { !proposal.isUncertain[$0] && proposal.parties[$0].successes == 0 }
            lines.append(
                "Under uncertainty, \(name(lowest)) accepts \(proposal.id) with probability "
                    + "\(percent(proposal.parties[lowest])); "
                    + (rejecting.isEmpty
                        ? "all accept it with probability \(percent(proposal.all))."
                        : "\(nameList(rejecting)) \(rejecting.count == 1 ? "rejects" : "reject") it in every draw."))
        }
        return lines
    }
}
