import AccordCore
import AccordFormats
import AccordNegotiation

extension TournamentReport {
    /// The sections after which each chart is drawn (headings of ``document()``).
    enum ChartAnchor {
        static let ranking = "Ranking"
        static let heatMap = "Utility by scenario"
    }

    /// The report as one self-contained HTML page (no scripts): the sections of the text report as tables, with a
    /// ranking chart (mean utility with its 95 % interval, agents in rank order) and a heat map of every agent's
    /// mean utility on every scenario.
    func html() -> String {
        var figures: [String: String] = [:]
        if !summary.standings.isEmpty {
            figures[ChartAnchor.ranking] = rankingFigure()
            if !summary.scenarios.isEmpty { figures[ChartAnchor.heatMap] = heatMapFigure() }
        }
        let (body, sections) = document().html { figures[$0] }
        return HTMLPage.report(
            title: "\(setup.name): tournament results", body: body, sections: sections, command: "accord tournament")
    }

    func rankingFigure() -> String {
        let chart = RankingChart(
            rows: summary.standings.map { standing in
                RankingChart.Row(
                    label: "\(standing.rank). \(standing.agent)", mean: standing.meanUtility, lower: standing.lower,
                    upper: standing.upper)
            })
        return AnalysisReport.figure(
            id: "chart-ranking", chart.svg(),
            caption:
                "Each agent's mean utility (bar) with its 95 % confidence interval (whiskers), in rank order. "
                + "Whiskers are cut at the ends of the 0–1 axis; hover a bar for the exact numbers.")
    }

    func heatMapFigure() -> String {
        let chart = UtilityHeatMap(
            scenarios: summary.scenarios,
            rows: summary.standings.enumerated().map { k, standing in
                (
                    label: "\(standing.rank). \(standing.agent)",
                    values: summary.heat.indices.contains(k) ? summary.heat[k] : []
                )
            })
        return AnalysisReport.figure(
            id: "chart-utility-by-scenario", chart.svg(),
            caption:
                "Every agent's mean utility on every scenario, agents in rank order: brighter cells for higher "
                + "utility, on the same 0–1 scale in every tournament; a grey cell where the agent did not play.")
    }
}

/// The ranking of a tournament as horizontal bars: one row per agent in rank order, a bar to its mean utility on a
/// 0–1 axis, the 95 % confidence interval as whiskers, and the numbers to the right of the plot.
struct RankingChart {
    struct Row {
        var label: String
        var mean: Double
        var lower: Double?
        var upper: Double?
    }

    var rows: [Row]

    static let plotWidth = 520.0
    static let rowHeight = 30.0

    func svg() -> SVGElement {
        let labels = rows.map { ChartStyle.truncated($0.label, 32) }
        let left = 16 + (labels.map { ChartStyle.width(of: $0) }.max() ?? 60) + 16
        let top = 50.0
        let bottom = top + Double(rows.count) * Self.rowHeight
        let scale = LinearScale(domain: (0, 1), pixels: (left, left + Self.plotWidth))
        func clamped(_ value: Double) -> Double { min(1, max(0, value)) }
        var items = scale.unitAxis(top: top, bottom: bottom, label: "Mean utility (discounted), 95 % interval")
        var numbersWidth = 0.0
        for (index, row) in rows.enumerated() {
            let mid = top + (Double(index) + 0.5) * Self.rowHeight
            items.append(.text(labels[index], left - 10, mid + 4.5, anchor: "end"))
            let numbers: String
            if row.mean.isFinite {
                let interval = row.lower.flatMap { lower in row.upper.map { (lower, $0) } }
                var bar = SVGElement.rect(
                    scale(0), mid - 8, scale(clamped(row.mean)) - scale(0), 16, fill: ChartStyle.blue)
                bar.add(
                    .title(
                        "\(row.label): mean utility \(fixed(row.mean))"
                            + (interval.map { ", 95 % interval \(fixed($0.0)) – \(fixed($0.1))" } ?? "")))
                items.append(bar)
                if let (lower, upper) = interval {
                    let low = scale(clamped(lower))
                    let high = scale(clamped(upper))
                    items.append(.line(low, mid, high, mid, stroke: ChartStyle.ink, width: 1.5))
                    // A cap marks an end inside the axis; an end cut at the axis has none.
                    if lower >= 0 {
                        items.append(.line(low, mid - 6, low, mid + 6, stroke: ChartStyle.ink, width: 1.5))
                    }
                    if upper <= 1 {
                        items.append(.line(high, mid - 6, high, mid + 6, stroke: ChartStyle.ink, width: 1.5))
                    }
                    numbers = "\(fixed(row.mean))  (\(fixed(lower)) – \(fixed(upper)))"
                } else {
                    numbers = fixed(row.mean)
                }
            } else {
                numbers = "no samples"
            }
            items.append(.text(numbers, left + Self.plotWidth + 14, mid + 4.5, size: ChartStyle.smallSize))
            numbersWidth = max(numbersWidth, ChartStyle.width(of: numbers, size: ChartStyle.smallSize))
        }
        return .chart(
            width: left + Self.plotWidth + 14 + numbersWidth + 16, height: bottom + 56,
            title: "Ranking: mean utility with 95 % confidence interval",
            description:
                "One bar per agent, in rank order, to its mean discounted utility; whiskers show the 95 % confidence "
                + "interval of the mean.",
            items)
    }
}

/// Every agent's mean utility on every scenario as a heat map: one row per agent (rank order), one column per
/// scenario, the value printed in each cell and shown as a colour of the viridis scale on a fixed 0–1 range
/// (dark for low utility, bright for high), with a colour legend.
struct UtilityHeatMap {
    var scenarios: [String]
    /// One row per agent: its label and its mean utility per scenario (`nil` where it did not play).
    var rows: [(label: String, values: [Double?])]

    /// The colour of a utility and whether text on it should be white: GapHeatMap's viridis, reversed so that
    /// high utility is bright.
    static func color(_ utility: Double) -> (fill: String, lightText: Bool) {
        GapHeatMap.color(1 - min(1, max(0, utility.isFinite ? utility : 0)))
    }

    func svg() -> SVGElement {
        let labels = rows.map { ChartStyle.truncated($0.label, 32) }
        let names = scenarios.map { ChartStyle.truncated($0, 40) }
        let rowLabelWidth = (labels.map { ChartStyle.width(of: $0) }.max() ?? 60) + 16
        let longest = names.map { ChartStyle.width(of: $0, size: ChartStyle.smallSize) }.max() ?? 0
        let rotate = longest + 12 > 130
        let width = rotate ? 72.0 : max(72, longest + 12)
        let left = 16 + rowLabelWidth
        let headerHeight = rotate ? longest * 0.72 + 20 : 24
        let top = 44 + headerHeight
        let cellHeight = 30.0
        var items: [SVGElement] = []
        for (column, name) in names.enumerated() {
            let cx = left + (Double(column) + 0.5) * width
            if rotate {
                items.append(
                    .text(
                        name, cx, top - 8, size: ChartStyle.smallSize, weight: "bold",
                        extra: [("transform", "rotate(-40 \(svgNumber(cx)) \(svgNumber(top - 8)))")]))
            } else {
                items.append(.text(name, cx, top - 8, size: ChartStyle.smallSize, anchor: "middle", weight: "bold"))
            }
        }
        for (r, row) in rows.enumerated() {
            let rowTop = top + Double(r) * cellHeight
            let textY = rowTop + cellHeight / 2 + 4.5
            items.append(.text(labels[r], left - 10, textY, anchor: "end"))
            for column in scenarios.indices {
                let x = left + Double(column) * width
                if column < row.values.count, let value = row.values[column], value.isFinite {
                    let (fill, light) = Self.color(value)
                    var cell = SVGElement.rect(x, rowTop, width, cellHeight, fill: fill, stroke: "#ffffff")
                    cell.add(.title("\(row.label) on \(scenarios[column]): mean utility \(fixed(value))"))
                    items.append(cell)
                    items.append(
                        .text(
                            fixed(value), x + width / 2, textY, anchor: "middle",
                            fill: light ? "#ffffff" : ChartStyle.ink))
                } else {
                    var cell = SVGElement.rect(x, rowTop, width, cellHeight, fill: "#f2f2f2", stroke: "#ffffff")
                    cell.add(.title("\(row.label) did not play \(scenarios[column])"))
                    items.append(cell)
                    items.append(.text("—", x + width / 2, textY, anchor: "middle"))
                }
            }
        }
        let gridBottom = top + Double(rows.count) * cellHeight
        // Colour legend: a gradient bar from utility 0 to 1.
        let legendWidth = max(220, min(360, Double(scenarios.count) * width))
        let legendTop = gridBottom + 24
        var gradient = SVGElement(
            "linearGradient", [("id", "utility-scale"), ("x1", "0"), ("x2", "1"), ("y1", "0"), ("y2", "0")])
        let stops = GapHeatMap.stops.count
        for index in 0..<stops {
            let t = Double(index) / Double(stops - 1)
            gradient.add(
                SVGElement("stop", [("offset", svgNumber(t * 100) + "%"), ("stop-color", Self.color(t).fill)]))
        }
        items.append(SVGElement("defs", [], [gradient]))
        items.append(.text("Mean utility", left, legendTop, size: ChartStyle.smallSize, weight: "bold"))
        items.append(.rect(left, legendTop + 8, legendWidth, 14, fill: "url(#utility-scale)", stroke: ChartStyle.axis))
        for step in 0...4 {
            let t = Double(step) / 4
            let x = left + t * legendWidth
            items.append(.line(x, legendTop + 22, x, legendTop + 27, stroke: ChartStyle.axis))
            items.append(.text(fixed(t, 2), x, legendTop + 40, size: ChartStyle.smallSize, anchor: "middle"))
        }
        // A rotated header runs up and to the right of its column's centre.
        let headerRight = rotate ? left + (Double(scenarios.count) - 0.5) * width + longest * 0.77 + 16 : 0
        let chartWidth = max(left + Double(scenarios.count) * width + 24, left + legendWidth + 40, headerRight, 420)
        return .chart(
            width: chartWidth, height: legendTop + 56, title: "Mean utility by agent and scenario",
            description:
                "Rows are agents in rank order, columns are scenarios; each cell shows the agent's mean utility on "
                + "the scenario, brighter for higher utility.",
            items)
    }
}
