import AccordCore
import AccordFormats

extension AnalysisReport {
    /// How many frontier outcomes the readable reports list unless told otherwise (``frontierRows``).
    public static let defaultFrontierRows = 12

    /// The readable terminal report.
    public func text() -> String { document().text() }

    /// The same report in Markdown.
    public func markdown() -> String { document().markdown() }

    func name(_ party: Int) -> String { parties[party].name }

    func describe(_ outcome: Outcome) -> String { space.describe(outcome) }

    /// Packages are shown one column per issue while that stays readable, else as `issue=level` text.
    var packageColumns: Bool { space.issues.count <= 8 }

    func packageHeader() -> [String] { packageColumns ? space.issues.map(\.id) : ["package"] }

    func packageCells(_ outcome: Outcome) -> [String] {
        packageColumns ? zip(space.issues, outcome.levels).map { $0.label(ofLevel: $1) } : [describe(outcome)]
    }

    func packageTable(_ leading: [String], trailing: [String]) -> TextTable {
        let first = leading.count + packageHeader().count
        return TextTable(leading + packageHeader() + trailing, rightAligned: Set(first..<(first + trailing.count)))
    }

    func utilityList(_ utilities: [Double]) -> String {
        zip(parties, utilities).map { "\($0.id) \(fixed($1))" }.joined(separator: ", ")
    }

    func document() -> ReportDocument {
        var doc = ReportDocument()
        addTitle(to: &doc)
        addSummary(to: &doc)
        addParties(to: &doc)
        addAgreementZone(to: &doc)
        addBlocking(to: &doc)
        addCoalitions(to: &doc)
        addSolutions(to: &doc)
        addFrontier(to: &doc)
        addProposals(to: &doc)
        addImprovements(to: &doc)
        addReservationThresholds(to: &doc)
        addSensitivity(to: &doc)
        addAcceptance(to: &doc)
        addGaps(to: &doc)
        addNotes(to: &doc)
        return doc
    }

    /// The scenario's name and the size of its space.
    func addTitle(to doc: inout ReportDocument) {
        doc.title(scenario.name)
        doc.paragraph(
            "\(parties.count) parties, \(space.issues.count) issues, \(formatCount(analysis.outcomeCount)) possible packages."
        )
    }

    /// The findings in a few sentences (``summary()``).
    func addSummary(to doc: inout ReportDocument) {
        doc.heading("Summary")
        doc.bullets(summary())
    }

    /// Each party's reservation, ideal package and red lines.
    func addParties(to doc: inout ReportDocument) {
        doc.heading("Parties")
        var partyTable = TextTable(
            ["party", "reservation", "ideal package (own utility)", "red lines"], rightAligned: [1])
        for (index, party) in parties.enumerated() {
            let ideal = analysis.extremes[index].ideal
            partyTable.add([
                party.name, fixed(party.reservation),
                ideal.map { "\(describe($0.outcome)) (\(fixed($0.utilities[index])))" } ?? "none",
                party.redLines.isEmpty ? "—" : party.redLines.map { $0.describe(in: space) }.joined(separator: "; "),
            ])
        }
        doc.table(partyTable)
    }

    /// The packages every party accepts, or why there is none.
    func addAgreementZone(to doc: inout ReportDocument) {
        let zone = analysis.zone
        doc.heading("Agreement zone")
        if zone.isEmpty {
            doc.paragraph(emptyZoneSentence(zone))
            // A reservation no package can reach explains the empty zone on its own.
            doc.bullets(unreachableReservations())
        } else {
            doc.paragraph(zoneListSentence(zone))
            guard !zone.outcomes.isEmpty else { return }
            var table = packageTable([], trailing: parties.map(\.id) + ["margin"])
            for scored in zone.outcomes {
                table.add(
                    packageCells(scored.outcome) + scored.utilities.map { fixed($0) } + [fixed(minimumMargin(scored))])
            }
            doc.table(table)
        }
    }

    /// Why the zone is empty: how far the closest package falls short, or that every package crosses a red line.
    func emptyZoneSentence(_ zone: AgreementZone) -> String {
        var sentence = "Empty: no package is acceptable to every party"
        if let closest = zone.closest, let margin = zone.closestMargin {
            let short = parties.indices.filter {
                closest.utilities[$0] - parties[$0].reservation < -utilityTolerance
            }
            sentence +=
                ". The closest package, \(describe(closest.outcome)), still leaves "
                + short.map {
                    "\(name($0)) \(fixed(parties[$0].reservation - closest.utilities[$0])) below its reservation"
                }
                .joined(separator: " and ")
                + " (smallest margin \(signed(margin)))."
        } else {
            sentence += ": every package crosses some party's red line."
        }
        return sentence
    }

    /// One sentence per party whose reservation is above the best utility any package gives it.
    func unreachableReservations() -> [String] {
        parties.indices.compactMap { p -> String? in
            let best = analysis.extremes[p].ideal?.utilities[p] ?? 0
            guard parties[p].reservation > best + utilityTolerance else { return nil }
            return
                "\(name(p))'s reservation (\(fixed(parties[p].reservation))) is above the best utility any package gives it "
                + "(\(fixed(best))): it accepts nothing."
        }
    }

    /// Who blocks (three parties or more): what the others can agree on without each one.
    func addBlocking(to doc: inout ReportDocument) {
        let zone = analysis.zone
        if parties.count >= 3 {
            doc.heading("Who blocks")
        }
        if parties.count >= 3 && !zone.isEmpty {
            doc.paragraph("Nobody blocks: every party accepts the packages of the agreement zone.")
        }
        if !analysis.blocking.isEmpty {
            let blockers = analysis.blocking.filter(\.blocks).map { name($0.party) }
            doc.paragraph(
                blockers.isEmpty
                    ? "No single party blocks: leaving out any one party still leaves no package the others all accept."
                    : "Blocking: \(blockers.joined(separator: ", ")) — without \(blockers.count == 1 ? "it" : "any one of them") the others can agree."
            )
            doc.paragraph(
                "Each row: the Nash package of the other parties when one is left out, and what it gives the one left out."
            )
            doc.table(blockingTable())
        }
    }

    /// One row per party left out: the others' zone, their Nash package, and what it gives the one left out.
    func blockingTable() -> TextTable {
        var table = packageTable(["without", "zone"], trailing: ["its utility", "short of reservation"])
        table.rightAligned.insert(1)
        for block in analysis.blocking {
            let package = block.packageWithout
            let cells =
                package.map { packageCells($0.outcome) }
                ?? ["none"] + Array(repeating: "", count: packageHeader().count - 1)
            table.add(
                [
                    name(block.party) + (block.blocks ? " (blocks)" : ""),
                    formatCount(Double(block.zoneCountWithout)),
                ]
                    + cells + [
                        package.map { fixed($0.utilities[block.party]) } ?? "—",
                        block.crossedRedLine.map { "red line: \($0.describe(in: space))" }
                            ?? block.shortfall.map { $0 > utilityTolerance ? fixed($0) : "accepts" } ?? "—",
                    ])
        }
        return table
    }

    /// What each group of parties could agree on without the others.
    func addCoalitions(to doc: inout ReportDocument) {
        if let skipped = analysis.skipped.coalitions {
            doc.heading("Coalitions")
            doc.paragraph(skippedSentence(skipped))
        }
        guard !analysis.coalitions.isEmpty else { return }
        doc.heading("Coalitions")
        doc.paragraph(
            "What each group of parties could agree on without the others: how many packages all its members "
                + "accept, and its Nash package.")
        var table = packageTable(["coalition", "zone"], trailing: [])
        table.rightAligned.insert(1)
        for coalition in analysis.coalitions {
            let cells =
                coalition.best.map { packageCells($0.outcome) }
                ?? ["none"] + Array(repeating: "", count: packageHeader().count - 1)
            table.add(
                [
                    coalition.parties.map { parties[$0].id }.joined(separator: "+"),
                    formatCount(Double(coalition.zoneCount)),
                ]
                    + cells)
        }
        doc.table(table)
    }

    /// The bargaining solutions, one row each.
    func addSolutions(to doc: inout ReportDocument) {
        let zone = analysis.zone
        doc.heading("Solutions")
        if zone.isEmpty {
            doc.paragraph(
                "The zone is empty, so the zone-based solutions do not exist; GENIUS's Kalai–Smorodinsky point is taken over the whole frontier."
            )
        }
        var solutions = packageTable(["solution"], trailing: parties.map(\.id))
        let named: [(String, ScoredOutcome?)] = [
            ("Nash", analysis.solutions.nash), ("Kalai–Smorodinsky", analysis.solutions.kalaiSmorodinsky),
            ("KS (GENIUS)", analysis.solutions.geniusKalaiSmorodinsky), ("utilitarian", analysis.solutions.utilitarian),
            ("egalitarian", analysis.solutions.egalitarian),
        ]
        for (label, scored) in named {
            if let scored {
                solutions.add([label] + packageCells(scored.outcome) + scored.utilities.map { fixed($0) })
            } else {
                solutions.add(
                    [label, "none (empty zone)"] + Array(repeating: "", count: packageHeader().count - 1)
                        + parties.map { _ in "—" })
            }
        }
        doc.table(solutions)
    }

    /// The first packages of the Pareto frontier, and GENIUS's parity measures when asked for.
    func addFrontier(to doc: inout ReportDocument) {
        doc.heading("Pareto frontier")
        let frontier = analysis.frontier
        doc.paragraph(frontierListSentence())
        var frontierTable = packageTable([], trailing: parties.map(\.id))
        for scored in frontier.prefix(max(0, frontierRows)) {
            frontierTable.add(packageCells(scored.outcome) + scored.utilities.map { fixed($0) })
        }
        if frontierRows > 0 || frontier.isEmpty { doc.table(frontierTable) }
        if let parity {
            doc.paragraph(
                "Opposition (GENIUS): \(fixed(parity.opposition, 4)), the smallest distance of any package to the ideal "
                    + "point; bid distribution: \(fixed(parity.distribution, 4)), the mean distance of all packages to "
                    + "the frontier.")
        }
    }

    /// Each proposal judged by every party, with remarks on open, expired and red-line issues.
    func addProposals(to doc: inout ReportDocument) {
        guard !analysis.proposals.isEmpty else { return }
        doc.heading("Proposals")
        var table = packageTable(["proposal"], trailing: parties.map(\.id))
        table.header.append("verdict")
        var remarks: [String] = []
        for evaluation in analysis.proposals {
            let cells = parties.indices.map { p in
                fixed(evaluation.utilities[p]) + (evaluation.accepted[p] ? " ✓" : " ✗")
            }
            let rejecting = parties.indices.filter { !evaluation.accepted[$0] }.map { parties[$0].id }
            let verdict =
                !evaluation.expiredIssues.isEmpty
                ? "expired" : rejecting.isEmpty ? "all accept" : "rejected by " + rejecting.joined(separator: ", ")
            table.add([evaluation.id] + packageCells(evaluation.outcome) + cells + [verdict])
            remarks += proposalRemarks(evaluation)
        }
        doc.table(table)
        doc.bullets(remarks)
    }

    /// What a proposal's row does not say: the issues it leaves open, its expired options, the red lines it crosses.
    func proposalRemarks(_ evaluation: ProposalEvaluation) -> [String] {
        var remarks: [String] = []
        if !evaluation.isComplete {
            remarks.append(
                "\(evaluation.id) leaves \(evaluation.openIssues.map { space.issues[$0].id }.joined(separator: ", ")) open: "
                    + "\(formatCount(Double(evaluation.acceptableCompletionCount))) of \(formatCount(Double(evaluation.completionCount))) completions are acceptable to all; the best completion is shown."
            )
        }
        for issue in evaluation.expiredIssues {
            let option = space.issues[issue].label(ofLevel: evaluation.outcome.levels[issue])
            remarks.append(
                "\(evaluation.id): \(space.issues[issue].id)=\(option) has expired, so the package is no longer on the table."
            )
        }
        for p in parties.indices {
            if let line = evaluation.crossedRedLines[p] {
                remarks.append("\(evaluation.id): crosses \(name(p))'s red line (\(line.describe(in: space))).")
            }
        }
        return remarks
    }

    /// The efficient packages that improve on a proposal for everyone.
    func addImprovements(to doc: inout ReportDocument) {
        let improvable = analysis.proposals.compactMap { evaluation -> (String, [Improvement])? in
            let improvements = analysis.improvements(on: evaluation.outcome, limit: 3)
            return improvements.isEmpty ? nil : (evaluation.id, improvements)
        }
        guard !improvable.isEmpty else { return }
        doc.heading("Post-settlement improvements")
        doc.paragraph(
            "Efficient packages that leave every party at least as well off as a proposal and one better "
                + "(Raiffa's post-settlement settlement), largest total gain first.")
        var table = packageTable(["proposal"], trailing: parties.map { "+" + $0.id })
        for (id, improvements) in improvable {
            for improvement in improvements {
                table.add([id] + packageCells(improvement.package.outcome) + improvement.gains.map { signed($0) })
            }
        }
        doc.table(table)
    }

    /// How high each reservation may rise before the zone closes.
    func addReservationThresholds(to doc: inout ReportDocument) {
        if let skipped = analysis.skipped.reservationThresholds {
            doc.heading("Sensitivity: reservation thresholds")
            doc.paragraph(skippedSentence(skipped))
        }
        guard !analysis.reservationThresholds.isEmpty else { return }
        doc.heading("Sensitivity: reservation thresholds")
        doc.paragraph(
            "With everything else fixed, the zone is non-empty exactly when a party's reservation is at most its "
                + "threshold: the best it can get from a package all the others accept.")
        var table = TextTable(["party", "reservation", "threshold", "slack"], rightAligned: [1, 2, 3])
        for threshold in analysis.reservationThresholds {
            table.add([
                name(threshold.party), fixed(threshold.current), threshold.threshold.map { fixed($0) } ?? "none",
                threshold.slack.map { signed($0) } ?? "—",
            ])
        }
        doc.table(table)
    }

    /// The one-at-a-time sweep of reservations and weights, most fragile first.
    func addSensitivity(to doc: inout ReportDocument) {
        if let skipped = analysis.skipped.sensitivity {
            doc.heading("Sensitivity: one number at a time")
            doc.paragraph(skippedSentence(skipped))
        }
        guard !analysis.sensitivity.isEmpty else { return }
        doc.heading("Sensitivity: one number at a time")
        doc.paragraph(
            "Each reservation value and weight moved alone over [0, 1] (a party's other weights rescaled to keep "
                + "the sum 1): where the agreement zone opens or closes, and over which range the Nash package "
                + "stays the same. Most fragile first.")
        var table = TextTable(
            ["parameter", "current", "zone changes below", "zone changes above", "Nash package stable over"],
            rightAligned: [1, 2, 3])
        let ordered = analysis.sensitivity.sorted {
            let a = $0.nashStable.upperBound - $0.nashStable.lowerBound
            let b = $1.nashStable.upperBound - $1.nashStable.lowerBound
            return a < b
        }
        for item in ordered.prefix(15) {
            table.add([
                parameterName(item.parameter), fixed(item.current), item.zoneChangeBelow.map { fixed($0) } ?? "—",
                item.zoneChangeAbove.map { fixed($0) } ?? "—",
                analysis.solutions.nash == nil && item.nashStable == 0...1
                    ? "no Nash package"
                    : "\(fixed(item.nashStable.lowerBound))–\(fixed(item.nashStable.upperBound))",
            ])
        }
        doc.table(table)
    }

    /// The Monte Carlo acceptance analysis, when the scenario has uncertain numbers.
    func addAcceptance(to doc: inout ReportDocument) {
        guard let acceptance else { return }
        doc.heading("Acceptance under uncertainty")
        doc.paragraph(
            "\(formatCount(Double(acceptance.samples))) draws of the uncertain numbers (seed \(acceptance.seed)); "
                + "each probability with its 95 % interval.")
        doc.paragraph(
            "Probability that some package is acceptable to every party: \(percent(acceptance.zoneNonEmpty)).")
        if !acceptance.proposals.isEmpty {
            var table = TextTable(
                ["proposal"] + parties.map(\.id) + ["all"], rightAligned: Set(1...(parties.count + 1)))
            for proposal in acceptance.proposals {
                table.add([proposal.id] + proposal.parties.map(percent) + [percent(proposal.all)])
            }
            doc.table(table)
        }
        if !acceptance.mostRobust.isEmpty {
            doc.paragraph(
                "The packages most often acceptable to every party (ties: the larger Nash product at the nominal "
                    + "values first, then the lower outcome index):")
            var table = packageTable([], trailing: ["P(all accept)"])
            for (outcome, probability) in acceptance.mostRobust.prefix(5) {
                table.add(packageCells(outcome) + [percent(probability)])
            }
            doc.table(table)
        }
    }

    /// The gap between every pair of parties on every issue.
    func addGaps(to doc: inout ReportDocument) {
        doc.heading("Position gaps")
        doc.paragraph(
            "Gap on an issue between two parties: the utility each would give up, on average, by accepting the other's favourite option (weights included)."
        )
        var gapTable = TextTable(
            ["pair"] + space.issues.map(\.id) + ["largest"], rightAligned: Set(1...space.issues.count))
        for a in parties.indices {
            for b in parties.indices where b > a {
                let pairGaps = analysis.gaps.filter { $0.partyA == a && $0.partyB == b }
                guard !pairGaps.isEmpty else { continue }
                let cells = space.issues.indices.map { issue in
                    pairGaps.first { $0.issue == issue }.map { fixed($0.gap) } ?? "—"
                }
                let largest = pairGaps.max { $0.gap < $1.gap || ($0.gap == $1.gap && $0.issue > $1.issue) }
                gapTable.add(
                    ["\(parties[a].id)–\(parties[b].id)"] + cells
                        + [largest.map { $0.gap > 0 ? space.issues[$0.issue].id : "none" } ?? "—"])
            }
        }
        doc.table(gapTable)
    }

    /// The scenario's notes and the analysis's.
    func addNotes(to doc: inout ReportDocument) {
        // A skipped section says why in its own place, not again here.
        let skippedNotes = Set(analysis.skipped.notes)
        let notes = scenario.notes + analysis.notes.filter { !skippedNotes.contains($0) }
        guard !notes.isEmpty else { return }
        doc.heading("Notes")
        doc.bullets(notes)
    }

    /// The findings in a few sentences, each computed from the analysis.
    func summary() -> [String] {
        var lines: [String] = []
        let zone = analysis.zone
        let everyone = parties.count == 2 ? "both parties" : "all \(parties.count) parties"
        if zone.isEmpty {
            var line = "No package is acceptable to \(everyone)"
            if let margin = zone.closestMargin { line += "; the closest misses by \(fixed(-margin))" }
            lines.append(line + ".")
        } else {
            var line = "\(formatCount(Double(zone.count))) package(s) are acceptable to \(everyone)"
            if let nash = analysis.solutions.nash { line += "; the Nash package is \(describe(nash.outcome))" }
            lines.append(line + ".")
        }
        for block in analysis.blocking where block.blocks {
            let others = parties.indices.filter { $0 != block.party }.map(name)
            var line =
                "\(name(block.party)) blocks: without it, \(formatCount(Double(block.zoneCountWithout))) package(s) "
                + "are acceptable to \(others.joined(separator: ", "))"
            if let package = block.packageWithout {
                line += "; their Nash package is \(describe(package.outcome))"
                if let shortfall = block.shortfall, shortfall > utilityTolerance {
                    line += ", which leaves \(name(block.party)) \(fixed(shortfall)) short of its reservation"
                }
            }
            lines.append(line + ".")
        }
        if zone.isEmpty && !analysis.blocking.isEmpty && !analysis.blocking.contains(where: \.blocks) {
            lines.append("No single party blocks: leaving any one out still leaves no package the others all accept.")
        }
        var widest: [String] = []
        for a in parties.indices {
            for b in parties.indices where b > a {
                let pairGaps = analysis.gaps.filter { $0.partyA == a && $0.partyB == b }
                guard let largest = pairGaps.max(by: { $0.gap < $1.gap || ($0.gap == $1.gap && $0.issue > $1.issue) }),
                    largest.gap > 0
                else { continue }
                widest.append(
                    "\(parties[a].id)–\(parties[b].id) on \(space.issues[largest.issue].id) (\(fixed(largest.gap)))")
            }
        }
        if !widest.isEmpty { lines.append("Widest gap per pair: " + widest.joined(separator: "; ") + ".") }
        if let acceptance {
            for proposal in acceptance.proposals {
                let lowest = parties.indices.min { proposal.parties[$0].estimate < proposal.parties[$1].estimate }
                guard let lowest, proposal.parties[lowest].estimate < 0.5 else { continue }
                lines.append(
                    "Under uncertainty, \(name(lowest)) accepts \(proposal.id) with probability "
                        + "\(percent(proposal.parties[lowest])); all accept it with probability \(percent(proposal.all))."
                )
            }
        }
        let accepted = analysis.proposals.filter(\.isAcceptedByAll).map(\.id)
        if !analysis.proposals.isEmpty {
            lines.append(
                accepted.isEmpty
                    ? "No proposal on the table is acceptable to \(everyone)."
                    : "Acceptable to \(everyone): \(accepted.joined(separator: ", ")).")
        }
        return lines
    }

    /// A probability as `12.3 % (11.7–12.9)`.
    func percent(_ probability: Probability) -> String {
        let interval = probability.interval
        // Two decimals near 0 % and 100 %, where one would hide the interval.
        let decimals = interval.upperBound < 0.01 || interval.lowerBound > 0.99 ? 2 : 1
        let value = { (x: Double) in fixed(100 * x, decimals) }
        return "\(value(probability.estimate)) % (\(value(interval.lowerBound))–\(value(interval.upperBound)))"
    }
}
