import AccordCore

/// Acceptance probabilities as grouped horizontal bars: one group per proposal, one bar per party whose verdict the
/// draws can change and one for "all parties", each with its 95 % interval as an error bar.
struct AcceptanceChart {
    struct Bar {
        var label: String
        var estimate: Double
        var low: Double
        var high: Double
        /// The party's index (its colour), or `nil` for the bar of all parties.
        var party: Int?
    }

    struct Group {
        var proposal: String
        /// One bar per party shown, in party order, then the bar for all parties.
        var bars: [Bar]
    }

    var partyNames: [String]
    var groups: [Group]
    var samples: Int

    static let barHeight = 16.0
    static let barGap = 4.0
    static let groupGap = 18.0
    static let plotWidth = 480.0

    func svg() -> SVGElement {
        let shown = Set(groups.flatMap { $0.bars.compactMap(\.party) }).sorted()
        let labels = shown.map { ChartStyle.truncated(partyNames[$0], 28) } + ["all parties"]
        let groupLabels = groups.map { ChartStyle.truncated($0.proposal, 40) }
        let labelWidth = max(
            (labels.map { ChartStyle.width(of: $0) }.max() ?? 0) + 24,
            groupLabels.map { ChartStyle.width(of: $0, size: ChartStyle.fontSize) }.max() ?? 0)
        let left = 16 + labelWidth
        let top = 64.0
        let scale = LinearScale(domain: (0, 1), pixels: (left, left + Self.plotWidth))
        var items: [SVGElement] = []
        var cursor = top
        var rows: [SVGElement] = []
        for (g, group) in groups.enumerated() {
            rows.append(.text(groupLabels[g], 16, cursor + 13, weight: "bold"))
            cursor += 20
            for bar in group.bars {
                let color = bar.party.map(ChartStyle.series) ?? ChartStyle.ink
                let mid = cursor + Self.barHeight / 2
                let label = bar.party.map { ChartStyle.truncated(partyNames[$0], 28) } ?? "all parties"
                rows.append(.text(label, left - 8, mid + 4.5, anchor: "end"))
                var rect = SVGElement.rect(
                    left, cursor, max(1.5, scale(bar.estimate) - left), Self.barHeight, fill: color)
                rect.add(
                    .title(
                        "\(group.proposal), \(bar.label): \(ChartStyle.percent(bar.estimate)) "
                            + "(95 % interval \(ChartStyle.percent(bar.low))–\(ChartStyle.percent(bar.high)))"))
                rows.append(rect)
                let low = scale(bar.low)
                let high = scale(bar.high)
                rows.append(.line(low, mid, high, mid, stroke: ChartStyle.ink, width: 1.5))
                rows.append(.line(low, mid - 5, low, mid + 5, stroke: ChartStyle.ink, width: 1.5))
                rows.append(.line(high, mid - 5, high, mid + 5, stroke: ChartStyle.ink, width: 1.5))
                rows.append(
                    .text(
                        ChartStyle.percent(bar.estimate), max(high, scale(bar.estimate)) + 8, mid + 4.5,
                        size: ChartStyle.smallSize))
                cursor += Self.barHeight + Self.barGap
            }
            cursor += Self.groupGap
        }
        let bottom = cursor - Self.groupGap
        for step in 0...10 {
            let value = Double(step) / 10
            items.append(.line(scale(value), top, scale(value), bottom, stroke: ChartStyle.grid))
            if step % 2 == 0 {
                items.append(
                    .text("\(step * 10) %", scale(value), bottom + 18, size: ChartStyle.smallSize, anchor: "middle"))
            }
        }
        items.append(.line(left, top, left, bottom, stroke: ChartStyle.axis))
        items.append(
            .text(
                "Probability of accepting the proposal (\(formatCount(Double(samples))) draws)", scale(0.5),
                bottom + 40, anchor: "middle", weight: "bold"))
        items.append(contentsOf: rows)

        // Legend on one line under the title.
        var x = 16.0
        let legendY = 46.0
        for (index, label) in labels.enumerated() {
            let color = index == labels.count - 1 ? ChartStyle.ink : ChartStyle.series(shown[index])
            items.append(.rect(x, legendY - 10, 12, 12, fill: color))
            items.append(.text(label, x + 17, legendY, size: ChartStyle.smallSize))
            x += 17 + ChartStyle.width(of: label, size: ChartStyle.smallSize) + 16
        }
        items.append(.line(x, legendY - 4, x + 22, legendY - 4, stroke: ChartStyle.ink, width: 1.5))
        items.append(.line(x, legendY - 9, x, legendY + 1, stroke: ChartStyle.ink, width: 1.5))
        items.append(.line(x + 22, legendY - 9, x + 22, legendY + 1, stroke: ChartStyle.ink, width: 1.5))
        items.append(.text("95 % interval", x + 28, legendY, size: ChartStyle.smallSize))
        x += 28 + ChartStyle.width(of: "95 % interval", size: ChartStyle.smallSize)

        let width = max(left + Self.plotWidth + 90, x + 16)
        return .chart(
            width: width, height: bottom + 56, title: "Acceptance probability per party and proposal",
            description:
                "For each proposal, the share of Monte Carlo draws in which each party, and every party at once, "
                + "accepts it; error bars show the 95 % interval.",
            items)
    }
}
