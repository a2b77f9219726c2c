import AccordCore
import AccordFormats

extension AnalysisReport {
    /// The sections after which each chart is drawn (headings of ``document()``).
    enum ChartAnchor {
        static let utilitySpace = "Pareto frontier"
        static let tornado = "Sensitivity: reservation thresholds"
        static let sweep = "Sensitivity: one number at a time"
        static let acceptance = "Acceptance under uncertainty"
        static let gaps = "Position gaps"
    }

    /// The report as one self-contained HTML page: the sections of the text report as tables, with SVG charts of
    /// the utility space, the acceptance probabilities, the position gaps and the reservation thresholds.
    ///
    /// - Parameter plot: the parties (indices) on the horizontal and vertical axes of the utility-space chart;
    ///   `nil` picks the pair with the largest total position gap (``defaultPlotPair()``).
    /// - Precondition: the two plotted parties are distinct, valid party indices.
    public func html(plot: (x: Int, y: Int)? = nil) -> String {
        var figures: [String: String] = [:]
        if let pair = plot ?? defaultPlotPair() {
            figures[ChartAnchor.utilitySpace] = utilitySpaceFigure(x: pair.x, y: pair.y, chosen: plot != nil)
        }
        if let figure = acceptanceFigure() { figures[ChartAnchor.acceptance] = figure }
        if let figure = tornadoFigure() { figures[ChartAnchor.tornado] = figure }
        if let figure = sweepFigure() { figures[ChartAnchor.sweep] = figure }
        if let figure = gapFigure() { figures[ChartAnchor.gaps] = figure }

        let document = document()
        var used = Set<String>()
        var (body, sections) = document.html { heading in
            guard let figure = figures[heading] else { return nil }
            used.insert(heading)
            return figure
        }
        // A chart whose section is missing still appears, at the end.
        let leftover = figures.keys.filter { !used.contains($0) }.sorted()
        if !leftover.isEmpty {
            body +=
                "<section id=\"charts\">\n<h2>Charts</h2>\n" + leftover.compactMap { figures[$0] }.joined()
                + "</section>\n"
            sections.append(("charts", "Charts"))
        }
        return HTMLPage.report(title: scenario.name, body: body, sections: sections, command: "accord analyze")
    }

    /// The pair of parties with the largest total position gap (summed over the issues), first pair in party order
    /// on ties; the first two parties when no gap is positive; `nil` with fewer than two parties.
    func defaultPlotPair() -> (x: Int, y: Int)? {
        guard parties.count >= 2 else { return nil }
        var best: (x: Int, y: Int, total: Double) = (0, 1, 0)
        for a in parties.indices {
            for b in parties.indices where b > a {
                let total = analysis.gaps.filter { $0.partyA == a && $0.partyB == b }.reduce(0) { $0 + $1.gap }
                if total > best.total + utilityTolerance { best = (a, b, total) }
            }
        }
        return (best.x, best.y)
    }

    func totalGap(_ a: Int, _ b: Int) -> Double {
        analysis.gaps.filter { Set([$0.partyA, $0.partyB]) == Set([a, b]) }.reduce(0) { $0 + $1.gap }
    }

    static func figure(id: String, _ svg: SVGElement, caption: String) -> String {
        "<figure id=\"\(id)\">\n\(svg.render())\n<figcaption>\(xmlEscaped(caption))</figcaption>\n</figure>\n"
    }

    func utilitySpaceFigure(x: Int, y: Int, chosen: Bool) -> String {
        let sample = UtilitySample(scenario: scenario, selection: analysis.selection, x: x, y: y)
        let s = analysis.solutions
        let named: [(String, UtilitySpaceChart.Shape, ScoredOutcome?)] = [
            ("Nash", .diamond, s.nash), ("Kalai–Smorodinsky", .triangleUp, s.kalaiSmorodinsky),
            ("KS (GENIUS)", .triangleDown, s.geniusKalaiSmorodinsky), ("utilitarian", .square, s.utilitarian),
            ("egalitarian", .circle, s.egalitarian),
        ]
        let chart = UtilitySpaceChart(
            xName: name(x), yName: name(y), xReservation: parties[x].reservation,
            yReservation: parties[y].reservation, sample: sample,
            frontier: analysis.frontier.map { ($0.utilities[x], $0.utilities[y]) }, partyCount: parties.count,
            zoneCount: analysis.zone.count,
            solutions: named.map { label, shape, scored in
                UtilitySpaceChart.Solution(
                    name: label, shape: shape, point: scored.map { ($0.utilities[x], $0.utilities[y]) })
            },
            proposals: analysis.proposals.map {
                UtilitySpaceChart.Proposal(id: $0.id, x: $0.utilities[x], y: $0.utilities[y])
            })
        var caption =
            "Horizontal: \(name(x)) (\(parties[x].id)); vertical: \(name(y)) (\(parties[y].id)). "
            + (chosen
                ? "The pair was chosen (--plot on the command line, the pair picker in the workspace)."
                : "The pair with the largest total position gap (\(fixed(totalGap(x, y))) summed over the issues), "
                    + "chosen by default; choose another with --plot x,y or the workspace's pair picker.")
        if sample.isSampled {
            caption +=
                " The space is large: \(formatCount(Double(sample.points.count))) of its \(formatCount(Double(sample.total))) "
                + "analysed packages are drawn, one from each of equal consecutive blocks of outcome indices (a deterministic "
                + "stratified sample); the frontier, the solutions and the proposals are exact."
        }
        if parties.count > 2 {
            caption +=
                " The agreement zone and the frontier involve all \(parties.count) parties, so a frontier package "
                + "may look dominated in this two-party view."
        }
        return Self.figure(id: "chart-utility-space", chart.svg(), caption: caption)
    }

    func acceptanceFigure() -> String? {
        guard let acceptance, !acceptance.proposals.isEmpty else { return nil }
        let bar = { (label: String, probability: Probability, party: Int?) in
            AcceptanceChart.Bar(
                label: label, estimate: probability.estimate, low: probability.interval.lowerBound,
                high: probability.interval.upperBound, party: party)
        }
        let chart = AcceptanceChart(
            partyNames: parties.map(\.name),
            groups: acceptance.proposals.map { proposal in
                AcceptanceChart.Group(
                    proposal: proposal.id,
                    bars: parties.indices.filter { proposal.isUncertain[$0] }.map {
                        bar(parties[$0].name, proposal.parties[$0], $0)
                    } + [bar("all parties", proposal.all, nil)])
            }, samples: acceptance.samples)
        let certain = parties.indices.filter { !acceptance.uncertainParties.contains($0) }
        return Self.figure(
            id: "chart-acceptance", chart.svg(),
            caption:
                "Share of the \(formatCount(Double(acceptance.samples))) Monte Carlo draws (seed \(acceptance.seed)) in "
                + "which each party accepts each proposal, and in which all accept it at once; error bars are 95 % "
                + "Wilson intervals. Verdicts no draw can change are left out: those of "
                + (certain.isEmpty ? "" : "the parties with no uncertain numbers (\(nameList(certain))) and those of ")
                + "a party on a package across one of its red lines (see Proposals).")
    }

    func gapFigure() -> String? {
        guard parties.count >= 2 else { return nil }
        var rows: [(label: String, gaps: [Double?])] = []
        for a in parties.indices {
            for b in parties.indices where b > a {
                let pairGaps = analysis.gaps.filter { $0.partyA == a && $0.partyB == b }
                guard !pairGaps.isEmpty else { continue }
                rows.append(
                    (
                        "\(ChartStyle.truncated(name(a), 22)) – \(ChartStyle.truncated(name(b), 22))",
                        space.issues.indices.map { issue in pairGaps.first { $0.issue == issue }?.gap }
                    ))
            }
        }
        guard !rows.isEmpty else { return nil }
        let chart = GapHeatMap(issues: space.issues.map(\.id), rows: rows)
        return Self.figure(
            id: "chart-gaps", chart.svg(),
            caption:
                "The same gaps as the table above, as colours: the darker the cell, the more the two parties would "
                + "give up, on average, by accepting each other's favourite option on that issue.")
    }

    func tornadoFigure() -> String? {
        guard !analysis.reservationThresholds.isEmpty else { return nil }
        let chart = TornadoChart(
            rows: analysis.reservationThresholds.map {
                TornadoChart.Row(name: name($0.party), current: $0.current, threshold: $0.threshold)
            })
        return Self.figure(
            id: "chart-thresholds", chart.svg(),
            caption:
                "With everything else fixed, the agreement zone is non-empty exactly when a party's reservation is at "
                + "most its threshold. A blue bar: the reservation may rise that far; a vermillion (orange-red) bar: it must fall that "
                + "far before any package is acceptable to all.")
    }

    func sweepFigure() -> String? {
        guard !analysis.sensitivity.isEmpty else { return nil }
        let rows = analysis.sensitivity.map { item in
            SweepTornadoChart.Row(
                name: parameterName(item.parameter), current: item.current, stable: item.nashStable,
                zoneChanges: [item.zoneChangeBelow, item.zoneChangeAbove].compactMap { $0 })
        }
        // The fifteen most fragile numbers, as in the table.
        let fragile = rows.sorted {
            ($0.stable.upperBound - $0.stable.lowerBound) < ($1.stable.upperBound - $1.stable.lowerBound)
        }
        let chart = SweepTornadoChart(rows: Array(fragile.prefix(15)), zoneIsEmpty: analysis.zone.isEmpty)
        return Self.figure(
            id: "chart-sweep", chart.svg(),
            caption:
                "Each reservation value and weight moved alone (a party's other weights rescaled to keep the sum 1): "
                + "the bar spans the values over which "
                + (analysis.zone.isEmpty ? "the agreement zone stays empty" : "the Nash package stays the same")
                + "; diamonds mark where the zone changes. The shortest bars are the numbers the conclusion hangs on.")
    }
}
