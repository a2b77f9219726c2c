import AccordFormats

/// The reservation thresholds as a tornado chart: per party, a bar from its current reservation to the threshold
/// at which the agreement zone opens or closes, widest first; parties with no threshold are listed as such.
struct TornadoChart {
    struct Row {
        var name: String
        var current: Double
        var threshold: Double?
    }

    var rows: [Row]

    static let plotWidth = 520.0
    static let rowHeight = 34.0

    func svg() -> SVGElement {
        let ordered =
            rows.filter { $0.threshold != nil }.sorted {
                abs($0.threshold! - $0.current) > abs($1.threshold! - $1.current)
            }
            + rows.filter { $0.threshold == nil }
        let names = ordered.map { ChartStyle.truncated($0.name, 28) }
        let left = 16 + (names.map { ChartStyle.width(of: $0) }.max() ?? 60) + 16
        let top = 66.0
        let scale = LinearScale(domain: (0, 1), pixels: (left, left + Self.plotWidth))
        let bottom = top + Double(ordered.count) * Self.rowHeight
        var items = scale.unitAxis(top: top, bottom: bottom, label: "Reservation value (utility)")
        for (index, row) in ordered.enumerated() {
            let rowTop = top + Double(index) * Self.rowHeight
            let mid = rowTop + Self.rowHeight / 2
            items.append(.text(names[index], left - 10, mid + 4.5, anchor: "end"))
            let current = scale(row.current)
            if let threshold = row.threshold {
                let slack = threshold - row.current
                let end = scale(threshold)
                let color = slack >= 0 ? ChartStyle.blue : ChartStyle.vermillion
                var bar = SVGElement.rect(min(current, end), mid - 9, max(2, abs(end - current)), 18, fill: color)
                bar.add(
                    .title(
                        "\(row.name): reservation \(fixed(row.current)), threshold \(fixed(threshold)), slack \(signed(slack))"
                    ))
                items.append(bar)
                items.append(.line(current, mid - 13, current, mid + 13, stroke: ChartStyle.ink, width: 2.5))
                items.append(.line(end, mid - 13, end, mid + 13, stroke: ChartStyle.ink, width: 1.5, dash: "3 2"))
                let label = "slack \(signed(slack)) (threshold \(fixed(threshold)))"
                let rightEdge = max(current, end) + 8
                let fitsRight =
                    rightEdge + ChartStyle.width(of: label, size: ChartStyle.smallSize) <= left + Self.plotWidth + 200
                items.append(
                    .text(
                        label, fitsRight ? rightEdge : min(current, end) - 8, mid + 4.5, size: ChartStyle.smallSize,
                        anchor: fitsRight ? "start" : "end", extra: UtilitySpaceChart.halo))
            } else {
                items.append(.line(current, mid - 13, current, mid + 13, stroke: ChartStyle.ink, width: 2.5))
                items.append(
                    .text(
                        "no threshold: the others agree on nothing (reservation \(fixed(row.current)))", current + 8,
                        mid + 4.5, size: ChartStyle.smallSize, fill: "#555555", extra: UtilitySpaceChart.halo))
            }
        }
        // Legend under the title.
        let legendY = 46.0
        var x = 16.0
        let entries: [(SVGElement, String)] = [
            (.line(x + 6, legendY - 10, x + 6, legendY + 3, stroke: ChartStyle.ink, width: 2.5), "current reservation"),
            (.line(0, legendY - 10, 0, legendY + 3, stroke: ChartStyle.ink, width: 1.5, dash: "3 2"), "threshold"),
            (.rect(-6, legendY - 9, 12, 12, fill: ChartStyle.blue), "slack: the reservation may rise this far"),
            (.rect(-6, legendY - 9, 12, 12, fill: ChartStyle.vermillion), "it must fall this far for a zone to open"),
        ]
        for (index, entry) in entries.enumerated() {
            let symbol =
                index == 0 ? entry.0 : SVGElement.group([("transform", "translate(\(svgNumber(x + 6)) 0)")], [entry.0])
            items.append(symbol)
            items.append(.text(entry.1, x + 20, legendY, size: ChartStyle.smallSize))
            x += 20 + ChartStyle.width(of: entry.1, size: ChartStyle.smallSize) + 18
        }
        return .chart(
            width: max(left + Self.plotWidth + 220, x + 16), height: bottom + 56,
            title: "Reservation thresholds: how far each reservation may move",
            description:
                "For each party, a bar from its current reservation value to the threshold at which the agreement zone "
                + "opens or closes, the others' numbers held fixed; widest first.",
            items)
    }
}
