import AccordFormats

/// The one-at-a-time sensitivity sweep as a tornado chart: per parameter, a bar over the range in which the Nash
/// package (or, with an empty zone, its absence) stays the same, the current value marked, and diamonds where
/// the agreement zone opens or closes; narrowest (most fragile) first.
struct SweepTornadoChart {
    struct Row {
        var name: String
        var current: Double
        var stable: ClosedRange<Double>
        var zoneChanges: [Double]
    }

    var rows: [Row]
    /// Whether the zone is empty at the current numbers (the bars then show where it stays empty).
    var zoneIsEmpty: Bool

    static let plotWidth = 520.0
    static let rowHeight = 28.0

    func svg() -> SVGElement {
        let ordered = rows.sorted {
            ($0.stable.upperBound - $0.stable.lowerBound) < ($1.stable.upperBound - $1.stable.lowerBound)
        }
        let names = ordered.map { ChartStyle.truncated($0.name, 34) }
        let left = 16 + (names.map { ChartStyle.width(of: $0) }.max() ?? 60) + 16
        let top = 66.0
        let scale = LinearScale(domain: (0, 1), pixels: (left, left + Self.plotWidth))
        let bottom = top + Double(ordered.count) * Self.rowHeight
        var items = scale.unitAxis(top: top, bottom: bottom, label: "Parameter value")
        let what = zoneIsEmpty ? "the zone stays empty" : "the Nash package stays the same"
        for (index, row) in ordered.enumerated() {
            let mid = top + Double(index) * Self.rowHeight + Self.rowHeight / 2
            items.append(.text(names[index], left - 10, mid + 4.5, anchor: "end"))
            let from = scale(row.stable.lowerBound)
            let to = scale(row.stable.upperBound)
            var bar = SVGElement.rect(from, mid - 8, max(2, to - from), 16, fill: ChartStyle.blue)
            bar.add(
                .title(
                    "\(row.name) = \(fixed(row.current)): \(what) from \(fixed(row.stable.lowerBound)) to "
                        + "\(fixed(row.stable.upperBound))"))
            items.append(bar)
            items.append(
                .line(scale(row.current), mid - 12, scale(row.current), mid + 12, stroke: ChartStyle.ink, width: 2.5))
            for change in row.zoneChanges {
                let x = scale(change)
                var diamond = SVGElement.diamond(x, mid, radius: 7, fill: ChartStyle.vermillion)
                diamond.add(
                    .title("\(row.name): the agreement zone \(zoneIsEmpty ? "opens" : "closes") near \(fixed(change))"))
                items.append(diamond)
            }
        }
        let legendY = 46.0
        items.append(.rect(16, legendY - 9, 12, 12, fill: ChartStyle.blue))
        items.append(.text("range where \(what)", 34, legendY, size: ChartStyle.smallSize))
        let second = 34 + ChartStyle.width(of: "range where \(what)", size: ChartStyle.smallSize) + 24
        items.append(.line(second, legendY - 10, second, legendY + 3, stroke: ChartStyle.ink, width: 2.5))
        items.append(.text("current value", second + 10, legendY, size: ChartStyle.smallSize))
        let third = second + 10 + ChartStyle.width(of: "current value", size: ChartStyle.smallSize) + 24
        items.append(.diamond(third, legendY - 4, radius: 6, fill: ChartStyle.vermillion))
        items.append(
            .text("the zone \(zoneIsEmpty ? "opens" : "closes") here", third + 12, legendY, size: ChartStyle.smallSize))
        return .chart(
            width: left + Self.plotWidth + 40, height: bottom + 56,
            title: "Sensitivity: each number moved alone",
            description:
                "For each reservation value and weight, the range over which \(what) when only that number moves; "
                + "narrowest first, with the points where the agreement zone changes.",
            items)
    }
}

extension SVGElement {
    /// A diamond (a square on its corner) centred at (x, y).
    static func diamond(_ x: Double, _ y: Double, radius: Double, fill: String) -> SVGElement {
        let points = [(x, y - radius), (x + radius, y), (x, y + radius), (x - radius, y)]
        return .path(
            "M" + points.map { "\(svgNumber($0.0)) \(svgNumber($0.1))" }.joined(separator: " L") + " Z", fill: fill)
    }
}
