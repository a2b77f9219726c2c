import AccordCore
import AccordFormats
import AccordNegotiation

/// Renders a simulated negotiation (`accord simulate`) as text, Markdown, JSON or HTML: the setup, how the talks
/// ended, every party's utility (also of the parties not at the table), how far the agreement lies from the
/// Pareto frontier and the Nash package, the options that expired during the talks, what would have happened had
/// they stayed, and the trace.
public struct SimulationReport: Sendable {
    /// One moment at which options left the table during the talks.
    public struct Expiry: Sendable, Hashable {
        /// The first round without the options.
        public var round: Int
        /// The normalised time of that round.
        public var t: Double
        /// The options that left, as `issue=option`.
        public var options: [String]
        /// The offer (or draft) on the table that contained one of them and was withdrawn, if any.
        public var withdrawn: Int?
    }

    /// The session simulated (its domain, configuration and agents).
    public let session: Session
    /// How it ended.
    public let result: SessionResult
    /// The frontier and Nash point of the parties at the table, nil when they could not be computed.
    public let reference: NegotiationReference?
    /// The agreement's distance to the nearest frontier point (nil without agreement or reference).
    public let paretoDistance: Double?
    /// The agreement's distance to the Nash point (nil without agreement, reference or Nash point).
    public let nashDistance: Double?
    /// The same session run with every expiry removed, when options expired during the talks.
    public let withoutExpiry: SessionResult?
    /// The options that left the table during the talks, from the trace.
    public let expiries: [Expiry]
    /// Remarks for the reader: the scenario's notes, the caller's, and why a measure is missing.
    public let notes: [String]

    /// A report of one session.
    ///
    /// - Parameters:
    ///   - session: the session that ran.
    ///   - result: what `session.run()` returned; its trace (recorded unless `recordsTrace` is off) gives the
    ///     expiries, the offer history and the trace excerpt.
    ///   - reference: the frontier and Nash point of the parties at the table, or the error that prevented
    ///     computing them (utilities that are not additive): the distances are then reported as null, with a note.
    ///   - withoutExpiry: the result of the same session on the scenario without expiries (see
    ///     ``scenarioWithoutExpiry(_:)``); pass it when options expired during the talks.
    ///   - notes: remarks to add to the scenario's notes.
    public init(
        session: Session, result: SessionResult, reference: Result<NegotiationReference, AnalysisError>,
        withoutExpiry: SessionResult? = nil, notes: [String] = []
    ) {
        self.session = session
        self.result = result
        var allNotes = session.domain.scenario.notes + notes
        switch reference {
        case .success(let reference):
            self.reference = reference
            let metrics = reference.metrics(of: result, in: session.domain)
            paretoDistance = metrics.paretoDistance
            nashDistance = metrics.nashDistance
        case .failure(let error):
            self.reference = nil
            paretoDistance = nil
            nashDistance = nil
            allNotes.append(
                "The Pareto frontier and the Nash package are not computed (\(error.description)), so the Pareto and "
                    + "Nash distances are null.")
        }
        expiries = result.trace.expiries.map {
            Expiry(round: $0.round, t: $0.t, options: $0.options, withdrawn: $0.outcome)
        }
        self.withoutExpiry = expiries.isEmpty ? nil : withoutExpiry
        if !result.trace.isComplete {
            let trace = result.trace
            allNotes.append(
                "The trace in this report holds the first \(formatCount(Double(trace.excerpt))) and the last "
                    + "\(formatCount(Double(trace.excerpt))) of the \(formatCount(Double(trace.actionCount))) actions "
                    + "(the limit); a trace file (--trace) holds every one, and every figure above is for the whole "
                    + "session.")
        }
        self.notes = allNotes
    }

    /// The scenario with every option's expiry cleared: the counterfactual in which the expiring options stay on
    /// the table. Build a new ``NegotiationDomain`` from it; outcome indices are the same as in the original.
    public static func scenarioWithoutExpiry(_ scenario: Scenario) -> Scenario {
        var copy = scenario
        copy.space = OutcomeSpace(
            issues: scenario.issues.map { issue in
                guard case .discrete(let options) = issue.kind else { return issue }
                var cleared = issue
                cleared.kind = .discrete(
                    options.map { option in
                        var option = option
                        option.availableUntil = nil
                        return option
                    })
                return cleared
            })
        return copy
    }

    /// The report in the requested format (JSON pretty-printed), ending with a newline.
    public func render(_ format: ReportFormat) -> String {
        switch format {
        case .text: document().text()
        case .markdown: document().markdown()
        case .json: json().serialized() + "\n"
        case .html: html()
        }
    }

    // MARK: Derived facts

    var domain: NegotiationDomain { session.domain }
    var scenario: Scenario { domain.scenario }
    var parties: [Party] { scenario.parties }
    var configuration: SessionConfiguration { session.configuration }
    var participants: [Int] { result.participants }

    /// The availability epoch in which the session ended, clamped to the reference's epochs.
    var endEpoch: Int {
        min(domain.epoch(ofRound: result.round), max(0, (reference?.frontiers.count ?? 1) - 1))
    }

    /// The Nash package of the parties at the table among the options on the table when the session ended.
    var nashOutcome: Int? { reference.flatMap { $0.nashOutcomes[endEpoch] } }

    /// The agent negotiating for a party, or nil when it is not at the table.
    func agent(of party: Int) -> AgentSpecification? {
        participants.firstIndex(of: party).map { session.agents[$0] }
    }

    /// The first red line of a party that an outcome crosses.
    func crossedRedLine(_ outcome: Int, party: Int) -> RedLine? {
        parties[party].crossedRedLine(by: domain.outcome(outcome), in: scenario.space)
    }

    /// Whether a party would accept an outcome: at least its reservation (within the tolerance), no red line.
    func accepts(_ outcome: Int, party: Int) -> Bool {
        domain.utilities[party][outcome] >= parties[party].reservation - utilityTolerance
            && crossedRedLine(outcome, party: party) == nil
    }

    func name(_ party: Int?) -> String {
        guard let party, parties.indices.contains(party) else { return "the mediator" }
        return parties[party].name
    }

    func describe(_ outcome: Int) -> String { scenario.space.describe(domain.outcome(outcome)) }

    /// The names in a list, joined as English: `a`, `a and b`, `a, b and c`.
    static func listed(_ names: [String]) -> String {
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " and " + names[names.count - 1]
    }

    var mechanismName: String {
        switch configuration.mechanism {
        case .alternating: "Alternating offers"
        case .saop: "Stacked alternating offers (SAOP)"
        case .mediated: "Mediated single negotiating text"
        }
    }

    /// The mediator's identifier for the JSON (`neutral` or a party id), nil unless the mechanism is mediated.
    var mediatorID: String? {
        guard configuration.mechanism == .mediated else { return nil }
        if case .party(let p) = configuration.mediator { return parties[p].id }
        return "neutral"
    }

    var deadlineText: String {
        let deadline = configuration.deadline
        let rounds = deadline.rounds.map { "\(formatCount(Double($0))) round\($0 == 1 ? "" : "s")" }
        let seconds = deadline.seconds.map { "\(formatNumber($0)) second\($0 == 1 ? "" : "s") of wall-clock time" }
        switch (rounds, seconds) {
        case (let r?, let s?): return "\(r) or \(s), whichever comes first"
        case (let r?, nil): return r
        case (nil, let s?): return s
        default: return "none"
        }
    }

    /// The ending's name in the JSON contract.
    static func endingName(_ ending: SessionResult.Ending) -> String {
        switch ending {
        case .agreement: "agreement"
        case .deadline: "deadline"
        case .walkAway: "walkAway"
        case .violation: "violation"
        case .timeLimit: "timeLimit"
        case .agentFailed: "agentFailed"
        }
    }

    /// The party that ended the talks without agreement (nil for the neutral mediator and for other endings).
    func endedBy(_ ending: SessionResult.Ending) -> Int? {
        switch ending {
        case .walkAway(let p), .violation(let p, _), .agentFailed(let p, _): parties.indices.contains(p) ? p : nil
        default: nil
        }
    }

    /// How a session ended, as one sentence.
    func endingSentence(_ result: SessionResult) -> String {
        let when = "round \(result.round) (t = \(fixed(result.t)))"
        switch result.ending {
        case .agreement:
            return "Agreement in \(when)."
        case .deadline:
            return "No agreement: the deadline passed (\(deadlineText)) after round "
                + "\(formatCount(Double(result.round)))."
        case .walkAway(let p):
            if configuration.mechanism == .mediated {
                return "No agreement: \(name(endedBy(result.ending))) had no package left to draft in \(when)."
            }
            return "No agreement: \(name(p)) walked away in \(when)."
        case .violation(let p, let reason):
            return "No agreement: \(name(p)) broke the rules in \(when): it \(reason)."
        case .timeLimit:
            return "No agreement: the session ran out of its time limit in \(when)."
        case .agentFailed(let p, let reason):
            return "No agreement: the agent of \(name(p)) failed in \(when): it \(reason)."
        }
    }

    /// A package as `issue=option` pairs, for the reader.
    func agreementTable(_ outcome: Int) -> TextTable {
        let levels = domain.outcome(outcome).levels
        let rows = zip(scenario.issues, levels).map { issue, level -> [String] in
            let label = issue.label(ofLevel: level)
            var meaning = ""
            switch issue.kind {
            case .discrete(let options): meaning = options[level].name == label ? "" : options[level].name
            default: meaning = issue.unit.map { "\(label) \($0)" } ?? ""
            }
            return [issue.id, label, meaning]
        }
        let hasMeaning = rows.contains { !$0[2].isEmpty }
        var table = TextTable(hasMeaning ? ["issue", "agreed", "meaning"] : ["issue", "agreed"])
        for row in rows { table.add(hasMeaning ? row : Array(row.prefix(2))) }
        return table
    }

    /// A party's verdict on the result: whether it would accept the agreement (at the table or not), or what it
    /// keeps without one.
    func verdict(_ party: Int, _ result: SessionResult) -> String {
        let atTable = participants.contains(party)
        guard let agreement = result.agreement else {
            return atTable ? "no agreement: keeps its reservation" : "not at the table; no agreement to judge"
        }
        let margin = domain.utilities[party][agreement] - parties[party].reservation
        if let line = crossedRedLine(agreement, party: party) {
            return atTable
                ? "crosses its red line \(line.describe(in: scenario.space))"
                : "not at the table; would reject it: red line \(line.describe(in: scenario.space))"
        }
        if atTable {
            return margin >= -utilityTolerance ? "above its reservation" : "below its reservation"
        }
        return margin >= -utilityTolerance
            ? "not at the table; would accept it (margin \(signed(margin)))"
            : "not at the table; would reject it (margin \(signed(margin)))"
    }

    // MARK: The readable report

    /// How many actions the readable reports show at each end of the trace.
    static let traceExcerpt = 6

    func document() -> ReportDocument {
        var doc = ReportDocument()
        doc.title("\(scenario.name): simulated negotiation")
        doc.paragraph(setupSentence())

        doc.heading("Outcome")
        doc.paragraph(endingSentence(result))
        if let agreement = result.agreement {
            doc.table(agreementTable(agreement))
        }

        doc.heading("Parties")
        var table = TextTable(
            ["party", "agent", "utility", "discounted", "reservation", "margin", "verdict"],
            rightAligned: [2, 3, 4, 5])
        for (p, party) in parties.enumerated() {
            let margin = result.agreement.map { domain.utilities[p][$0] - party.reservation }
            table.add([
                party.name, agent(of: p)?.description ?? "—", fixed(result.utilities[p]),
                fixed(result.discountedUtilities[p]), fixed(party.reservation), margin.map { signed($0) } ?? "—",
                verdict(p, result),
            ])
        }
        doc.table(table)
        doc.paragraph(partiesSentence())

        doc.heading("Efficiency and fairness")
        doc.paragraph(measuresSentence())
        if let nash = nashOutcome {
            doc.paragraph(
                "The Nash package of the parties at the table (the options on the table in round \(result.round)), "
                    + "for comparison: \(describe(nash)) — "
                    + parties.indices.map { "\(parties[$0].id) \(fixed(domain.utilities[$0][nash]))" }.joined(
                        separator: ", ") + ".")
        } else if reference != nil {
            doc.paragraph(
                "The parties at the table have no Nash package: no package on the table gives each of them at least "
                    + "its reservation.")
        }

        if !domain.expiryRounds.isEmpty {
            doc.heading("Expiring options")
            doc.bullets(expirySentences())
            if let counterfactual = withoutExpiry {
                doc.heading("Had the expiring options stayed on the table")
                doc.paragraph(
                    "The same session (same agents and seed) on the scenario with every expiry removed. "
                        + endingSentence(counterfactual))
                if let agreement = counterfactual.agreement {
                    doc.table(agreementTable(agreement))
                }
                var comparison = TextTable(
                    ["party", "utility", "had the options stayed", "difference"], rightAligned: [1, 2, 3])
                for (p, party) in parties.enumerated() {
                    comparison.add([
                        party.name, fixed(result.utilities[p]), fixed(counterfactual.utilities[p]),
                        signed(counterfactual.utilities[p] - result.utilities[p]),
                    ])
                }
                doc.table(comparison)
            }
        }

        doc.heading("Trace")
        doc.paragraph(traceSentence())
        if !result.trace.isEmpty { doc.table(traceTable()) }
        if !notes.isEmpty {
            doc.heading("Notes")
            doc.bullets(notes)
        }
        return doc
    }

    func setupSentence() -> String {
        let atTable = participants.map { name($0) }
        let absent = parties.indices.filter { !participants.contains($0) }.map { name($0) }
        var sentence = "\(mechanismName) between \(Self.listed(atTable))"
        if configuration.mechanism == .mediated {
            if case .party(let p) = configuration.mediator {
                sentence += ", with \(name(p)) mediating"
            } else {
                sentence += ", with a neutral mediator"
            }
        }
        sentence += "."
        if !absent.isEmpty {
            sentence += " Not at the table: \(Self.listed(absent))."
        }
        sentence += " Deadline: \(deadlineText). Seed \(configuration.seed)."
        return sentence
    }

    func partiesSentence() -> String {
        var sentence =
            parties.contains { $0.discount.map { $0 > 0 && $0 < 1 } ?? false }
            ? "Utilities are undiscounted; discounted ones apply each party's discount factor at "
                + "t = \(fixed(result.t))."
            : "No party discounts time, so the discounted utilities equal the utilities."
        if result.agreement == nil {
            sentence += " Without agreement every party keeps its reservation value."
        }
        return sentence
    }

    func measuresSentence() -> String {
        let welfare =
            "Welfare (the sum of the discounted utilities of the parties at the table): \(fixed(result.welfare))."
        guard result.agreement != nil else {
            return welfare + " The Pareto and Nash distances measure an agreement; there is none."
        }
        let pareto = paretoDistance.map { fixed($0) } ?? "not computed"
        let nash =
            nashDistance.map { fixed($0) }
            ?? (reference == nil ? "not computed" : "none (the parties at the table have no Nash package)")
        return welfare
            + " Distance to the Pareto frontier of the parties at the table: \(pareto); to their Nash package: \(nash) "
            + "(Euclidean, in the utilities of the parties at the table)."
    }

    func expirySentences() -> [String] {
        var sentences = expiries.map { expiry in
            let options = expiry.options.joined(separator: ", ")
            var text = "Round \(expiry.round) (t = \(fixed(expiry.t))): \(options) left the table"
            if let withdrawn = expiry.withdrawn {
                text += "; the offer on the table, \(describe(withdrawn)), was withdrawn."
            } else {
                text += "; no offer on the table contained \(expiry.options.count == 1 ? "it" : "them")."
            }
            return text
        }
        let expiredRounds = Set(expiries.map { $0.round - 1 })
        for round in domain.expiryRounds where !expiredRounds.contains(round) {
            sentences.append(
                "\(domain.optionsExpiring(afterRound: round).joined(separator: ", ")) would have left the table after "
                    + "round \(round); the talks ended before, in round \(result.round).")
        }
        return sentences
    }

    func traceSentence() -> String {
        let trace = result.trace
        let count = trace.actionCount
        guard count > 0 else { return "No action was recorded." }
        let shown =
            count <= 2 * Self.traceExcerpt
            ? "all of them"
            : "the first and the last \(Self.traceExcerpt)"
        let whole =
            trace.isComplete
            ? "the whole trace is in the JSON report and in the --trace file"
            : "the JSON report holds the first and the last \(formatCount(Double(trace.excerpt))), the --trace file "
                + "every one"
        return
            "\(formatCount(Double(count))) action\(count == 1 ? "" : "s"); \(shown) below (\(whole)). Utilities are "
            + "those of the parties at the table."
    }

    func traceTable() -> TextTable {
        let ids = participants.map { parties[$0].id }
        var table = TextTable(
            ["round", "t", "party", "action", "package"] + ids, rightAligned: Set([0, 1] + (5..<(5 + ids.count))))
        let trace = result.trace
        let excerpt = Self.traceExcerpt
        let indices: [Int?] =
            trace.count <= 2 * excerpt
            ? Array(trace.indices)
            : Array(0..<excerpt) + [nil] + Array((trace.count - excerpt)..<trace.count)
        var previous: Int?
        for index in indices {
            guard let index else {
                table.add(["…", "", "", "", "\(trace.actionCount - 2 * excerpt) more actions", ""])
                previous = nil
                continue
            }
            let event = trace[index]
            // A package is written out once; the replies to it say "same package".
            var detail = ""
            if let outcome = event.outcome {
                detail = outcome == previous && event.kind != .offer ? "same package" : describe(outcome)
            }
            previous = event.outcome ?? previous
            switch event.kind {
            case .expire:
                detail =
                    event.options.joined(separator: ", ") + " left"
                    + (event.outcome == nil ? "" : "; withdrawn: " + detail)
            case .object:
                if let issue = event.issue { detail = "on \(scenario.issues[issue].id); " + detail }
            default: break
            }
            let utilities = participants.map { p in event.outcome.map { fixed(domain.utilities[p][$0]) } ?? "" }
            table.add(
                [
                    String(event.round), fixed(event.t), event.party.map { parties[$0].id } ?? "—",
                    event.kind.rawValue, detail,
                ] + utilities)
        }
        return table
    }
}
