import AccordCore
import AccordNegotiation

extension SimulationReport {
    /// The sections after which each chart is drawn (headings of ``document()``).
    enum ChartAnchor {
        static let offerSpace = "Efficiency and fairness"
        static let offerHistory = "Trace"
    }

    /// The report as one self-contained HTML page (no scripts): the sections of the text report as tables, with
    /// a chart of the offers over time (one panel per party at the table) and a chart of the offers in the utility
    /// space of the first two parties at the table over their Pareto frontier.
    func html() -> String {
        var figures: [String: String] = [ChartAnchor.offerHistory: offerHistoryFigure()]
        if let figure = offerSpaceFigure() { figures[ChartAnchor.offerSpace] = figure }
        let (body, sections) = document().html { figures[$0] }
        return HTMLPage.report(
            title: "\(scenario.name): simulated negotiation", body: body, sections: sections,
            command: "accord simulate")
    }

    /// The offers (or the mediator's drafts) by offering party, in participant order, each with its position on the
    /// round axis: an offer made in round r by the k-th of n parties at the table sits at r + k/n. They come from
    /// the trace's offer sample (``SessionTrace/offers``): every offer unless a party made thousands.
    func offerSeries() -> [(name: String, offers: [(x: Double, outcome: Int)])] {
        let count = Double(participants.count)
        let sample = result.trace.offers
        if configuration.mechanism == .mediated {
            let offers = mediatorDrafts().compactMap { draft in
                draft.event.outcome.map { (x: Double(draft.event.round), outcome: $0) }
            }
            let mediator: String
            if case .party(let p) = configuration.mediator {
                mediator = "\(parties[p].name) (mediator)"
            } else {
                mediator = "the neutral mediator"
            }
            return [(mediator, offers)]
        }
        return participants.enumerated().map { turn, party in
            let offers = sample.offers(by: party).compactMap { offer in
                offer.event.outcome.map { (x: Double(offer.event.round) + Double(turn) / count, outcome: $0) }
            }
            return (parties[party].name, offers)
        }
    }

    /// The mediator's drafts in the trace's offer sample.
    func mediatorDrafts() -> [OfferSample.Offer] {
        let mediator: Int? = if case .party(let p) = configuration.mediator { p } else { nil }
        return result.trace.offers.offers(by: mediator)
    }

    /// For each of the mediator's drafts, in order: whether each party at the table accepted it.
    func draftAcceptances() -> [[Bool]] {
        mediatorDrafts().map { draft in participants.map { draft.acceptedBy.contains($0) } }
    }

    /// Where the last action of the trace sits on the round axis.
    var lastActionX: Double {
        guard let last = result.trace.last else { return Double(result.round) }
        guard configuration.mechanism != .mediated, let party = last.party,
            let turn = participants.firstIndex(of: party)
        else { return Double(last.round) }
        return Double(last.round) + Double(turn) / Double(participants.count)
    }

    func offerHistoryFigure() -> String {
        let series = offerSeries()
        let chart = OfferHistoryChart(
            panels: participants.map {
                OfferHistoryChart.Panel(name: parties[$0].name, reservation: parties[$0].reservation)
            },
            series: series.map { named in
                OfferHistoryChart.Series(
                    name: named.name,
                    points: named.offers.map { offer in
                        (offer.x, participants.map { domain.utilities[$0][offer.outcome] })
                    },
                    accepted: configuration.mechanism == .mediated ? draftAcceptances() : nil)
            },
            lastX: Double(result.round + 1),
            agreement: result.agreement.map { agreement in
                OfferHistoryChart.Marker(
                    x: lastActionX, utilities: participants.map { domain.utilities[$0][agreement] },
                    label: "Agreement in round \(result.round)")
            },
            expiries: expiries.map { (Double($0.round), $0.options.joined(separator: ", ")) })
        var caption =
            "One panel per party at the table: the utility it gives every "
            + (configuration.mechanism == .mediated ? "draft of the mediator" : "offer")
            + ", by the round it was made"
            + (configuration.mechanism == .mediated
                ? "; a filled marker: the party accepted the draft, hollow: it objected. "
                : participants.count < 2
                    ? ". "
                    : " (the offers of one round are spread over it in turn order). Colour and marker shape tell the "
                        + "offering parties apart: in its own panel a party's offers start high and fall as it "
                        + "concedes, while the others' offers rise towards its reservation (dashed). ")
        if result.agreement != nil { caption += "The black star is the agreement. " }
        if !expiries.isEmpty {
            caption +=
                "The vermillion dashed line marks the round from which options were off the table"
                + (expiries.contains { $0.withdrawn != nil } ? " (the offer on the table then was withdrawn). " : ". ")
        }
        let thinned = series.contains { $0.offers.count > OfferHistoryChart.pointLimit }
        if thinned {
            let limit = formatCount(Double(OfferHistoryChart.pointLimit))
            caption += "Long series are thinned to \(limit) evenly spaced offers each."
        }
        return AnalysisReport.figure(id: "chart-offer-history", chart.svg(), caption: caption)
    }

    func offerSpaceFigure() -> String? {
        guard participants.count >= 2 else { return nil }
        let (a, b) = (participants[0], participants[1])
        func point(_ outcome: Int) -> OfferSpaceChart.Point {
            OfferSpaceChart.Point(x: domain.utilities[a][outcome], y: domain.utilities[b][outcome])
        }
        let limit = OfferSpaceChart.cloudLimit
        let count = domain.outcomeCount
        let drawn = min(count, limit)
        let cloud = (0..<drawn).map { point(drawn == count ? $0 : $0 * (count / drawn)) }
        let project = { (vectors: [[Double]]) in vectors.map { OfferSpaceChart.Point(x: $0[0], y: $0[1]) } }
        var frontier: [OfferSpaceChart.Point] = []
        var later: (points: [OfferSpaceChart.Point], round: Int)?
        var nash: OfferSpaceChart.Point?
        if let reference {
            frontier = project(reference.frontiers[0])
            if endEpoch > 0, let last = expiries.last, reference.frontiers[endEpoch] != reference.frontiers[0] {
                later = (project(reference.frontiers[endEpoch]), last.round)
            }
            nash = reference.nash[endEpoch].map { OfferSpaceChart.Point(x: $0[0], y: $0[1]) }
        }
        let chart = OfferSpaceChart(
            xName: parties[a].name, yName: parties[b].name, xReservation: parties[a].reservation,
            yReservation: parties[b].reservation, cloud: cloud, total: count, frontier: frontier,
            laterFrontier: later, participantCount: participants.count,
            series: offerSeries().map { named in
                OfferSpaceChart.Series(name: named.name, points: named.offers.map { point($0.outcome) })
            },
            agreement: result.agreement.map(point), nash: nash,
            counterfactual: withoutExpiry?.agreement.map(point))
        var caption =
            "Horizontal: \(parties[a].name) (\(parties[a].id)); vertical: \(parties[b].name) (\(parties[b].id)), the "
            + "first two parties at the table. Each marker is an offer, coloured by the party that made it, joined in "
            + "the order they were made. "
        if reference == nil {
            caption += "The Pareto frontier and the Nash package could not be computed for these utilities. "
        } else {
            caption +=
                "Grey rings: the Pareto frontier of the parties at the table with every option available"
                + (participants.count > 2 ? " (efficient for all \(participants.count), projected here)" : "") + "; "
            if later != nil {
                caption += "grey dots: the frontier once options had left the table (a ring without a dot was lost); "
            }
            if nash != nil {
                caption +=
                    "vermillion diamond: their Nash package" + (later != nil ? " among the options left. " : ". ")
            } else {
                caption += "they have no Nash package (no package gives each of them its reservation). "
            }
        }
        if withoutExpiry?.agreement != nil {
            caption += "The hollow dashed star is where the talks would have agreed had the expiring options stayed. "
        }
        if count > drawn {
            caption +=
                "Grey: an even sample of \(formatCount(Double(drawn))) of the \(formatCount(Double(count))) packages."
        }
        return AnalysisReport.figure(id: "chart-offer-space", chart.svg(), caption: caption)
    }
}
