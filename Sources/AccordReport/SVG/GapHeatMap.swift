import AccordFormats

/// The position gaps as a heat map: one row per party pair, one column per issue, the gap printed in each cell
/// and shown as a colour from a colour-blind-safe sequential scale (viridis), with a colour legend.
struct GapHeatMap {
    var issues: [String]
    /// One row per party pair: its label and the gap per issue (`nil` when not computed).
    var rows: [(label: String, gaps: [Double?])]

    /// Viridis, from small gaps (light yellow) to large ones (dark purple).
    static let stops: [(Double, Double, Double)] = [
        (253, 231, 37), (181, 222, 43), (110, 206, 88), (53, 183, 121), (31, 158, 137), (38, 130, 142),
        (49, 104, 142), (62, 73, 137), (72, 40, 120), (68, 1, 84),
    ]

    /// The colour of `t` in [0, 1] and whether text on it should be white.
    static func color(_ t: Double) -> (fill: String, lightText: Bool) {
        let clamped = min(1, max(0, t.isFinite ? t : 0))
        let position = clamped * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let f = position - Double(index)
        let a = stops[index]
        let b = stops[index + 1]
        let rgb = [a.0 + f * (b.0 - a.0), a.1 + f * (b.1 - a.1), a.2 + f * (b.2 - a.2)].map { Int($0.rounded()) }
        let hex = rgb.map { value -> String in
            let text = String(value, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        let luminance = (0.299 * Double(rgb[0]) + 0.587 * Double(rgb[1]) + 0.114 * Double(rgb[2])) / 255
        return ("#" + hex.joined(), luminance < 0.5)
    }

    func svg() -> SVGElement {
        let maximum = max(rows.flatMap { $0.gaps.compactMap { $0 } }.max() ?? 0, 1e-9)
        let rowLabelWidth = (rows.map { ChartStyle.width(of: $0.label) }.max() ?? 60) + 16
        let cellWidth = max(72, (issues.map { ChartStyle.width(of: $0, size: ChartStyle.smallSize) }.max() ?? 0) + 12)
        let rotate = cellWidth > 130
        let width = rotate ? 72.0 : cellWidth
        let left = 16 + rowLabelWidth
        let headerHeight =
            rotate ? (issues.map { ChartStyle.width(of: $0, size: ChartStyle.smallSize) }.max() ?? 0) * 0.72 + 20 : 24
        let top = 44 + headerHeight
        let cellHeight = 30.0
        var items: [SVGElement] = []
        for (column, issue) in issues.enumerated() {
            let cx = left + (Double(column) + 0.5) * width
            if rotate {
                items.append(
                    .text(
                        issue, cx, top - 8, size: ChartStyle.smallSize, weight: "bold",
                        extra: [("transform", "rotate(-40 \(svgNumber(cx)) \(svgNumber(top - 8)))")]))
            } else {
                items.append(.text(issue, cx, top - 8, size: ChartStyle.smallSize, anchor: "middle", weight: "bold"))
            }
        }
        for (r, row) in rows.enumerated() {
            let rowTop = top + Double(r) * cellHeight
            items.append(.text(row.label, left - 10, rowTop + cellHeight / 2 + 4.5, anchor: "end"))
            for (column, gap) in row.gaps.enumerated() {
                let x = left + Double(column) * width
                if let gap {
                    let (fill, light) = Self.color(gap / maximum)
                    var cell = SVGElement.rect(x, rowTop, width, cellHeight, fill: fill, stroke: "#ffffff")
                    cell.add(.title("\(row.label), \(issues[column]): gap \(fixed(gap))"))
                    items.append(cell)
                    items.append(
                        .text(
                            fixed(gap), x + width / 2, rowTop + cellHeight / 2 + 4.5, anchor: "middle",
                            fill: light ? "#ffffff" : ChartStyle.ink))
                } else {
                    items.append(.rect(x, rowTop, width, cellHeight, fill: "#f2f2f2", stroke: "#ffffff"))
                    items.append(.text("—", x + width / 2, rowTop + cellHeight / 2 + 4.5, anchor: "middle"))
                }
            }
        }
        let gridBottom = top + Double(rows.count) * cellHeight
        // Colour legend: a gradient bar from 0 to the largest gap.
        let legendLeft = left
        let legendWidth = max(220, min(360, Double(issues.count) * width))
        let legendTop = gridBottom + 24
        var gradient = SVGElement(
            "linearGradient", [("id", "gap-scale"), ("x1", "0"), ("x2", "1"), ("y1", "0"), ("y2", "0")])
        for index in Self.stops.indices {
            let t = Double(index) / Double(Self.stops.count - 1)
            gradient.add(
                SVGElement("stop", [("offset", svgNumber(t * 100) + "%"), ("stop-color", Self.color(t).fill)]))
        }
        items.append(SVGElement("defs", [], [gradient]))
        items.append(
            .text(
                "Gap (utility given up, averaged over the pair)", legendLeft, legendTop, size: ChartStyle.smallSize,
                weight: "bold"))
        items.append(
            .rect(legendLeft, legendTop + 8, legendWidth, 14, fill: "url(#gap-scale)", stroke: ChartStyle.axis))
        for step in 0...4 {
            let t = Double(step) / 4
            let x = legendLeft + t * legendWidth
            items.append(.line(x, legendTop + 22, x, legendTop + 27, stroke: ChartStyle.axis))
            items.append(.text(fixed(t * maximum), x, legendTop + 40, size: ChartStyle.smallSize, anchor: "middle"))
        }
        let width2 = max(left + Double(issues.count) * width + 24, legendLeft + legendWidth + 40)
        return .chart(
            width: max(width2, 420), height: legendTop + 56, title: "Position gaps by party pair and issue",
            description:
                "Rows are party pairs, columns are issues; each cell shows the gap on that issue, darker for larger gaps.",
            items)
    }
}
