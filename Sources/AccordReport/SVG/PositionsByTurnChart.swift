import AccordFormats

/// The positions on one dimension of a spatial-model run, turn by turn: one line per actor (colour, then dash
/// pattern, tell the actors apart), a legend with the actors' names, and the forecast as a dashed reference line.
struct PositionsByTurnChart {
    /// The dimension's name.
    var dimension: String
    /// The actors' names, in input order.
    var actorNames: [String]
    /// `positions[turn][actor]` on 0–100, turn 0 being the initial state.
    var positions: [[Double]]
    /// The expected final position on this dimension, drawn as a reference line.
    var expected: Double

    static let plotWidth = 760.0
    static let plotHeight = 250.0
    /// Dash patterns, one per round of the palette (seven colours, then the next pattern).
    static let dashes: [String?] = [nil, "7 4", "2 3", "9 3 2 3"]

    /// The dash pattern of the n-th actor's line.
    static func dash(_ index: Int) -> String? { dashes[(index / ChartStyle.palette.count) % dashes.count] }

    func svg() -> SVGElement {
        let left = 64.0
        let right = left + Self.plotWidth
        var items: [SVGElement] = []

        // Legend under the title, in rows that fit the plot's width.
        var x = left
        var y = 50.0
        for (index, name) in actorNames.enumerated() {
            let label = ChartStyle.truncated(name, 30)
            let entryWidth = 30 + ChartStyle.width(of: label, size: ChartStyle.smallSize) + 18
            if x + entryWidth > right + 120, x > left {
                x = left
                y += 20
            }
            items.append(
                .line(
                    x, y - 4, x + 24, y - 4, stroke: ChartStyle.series(index), width: 2.5, dash: Self.dash(index)))
            items.append(.text(label, x + 30, y, size: ChartStyle.smallSize))
            x += entryWidth
        }
        let top = y + 24
        let bottom = top + Self.plotHeight
        let turns = max(1, positions.count - 1)
        let xScale = LinearScale(domain: (0, Double(turns)), pixels: (left, right))
        let yScale = LinearScale(domain: (0, 100), pixels: (bottom, top))

        for step in 0...10 {
            let value = Double(step) * 10
            items.append(.line(left, yScale(value), right, yScale(value), stroke: ChartStyle.grid))
            if step % 2 == 0 {
                items.append(
                    .text(
                        fixed(value, 0), left - 8, yScale(value) + 4, size: ChartStyle.smallSize, anchor: "end"))
            }
        }
        let every = max(1, Int((Double(turns) / 12).rounded(.up)))
        for turn in stride(from: 0, through: turns, by: every) {
            items.append(.line(xScale(Double(turn)), bottom, xScale(Double(turn)), bottom + 5, stroke: ChartStyle.axis))
            items.append(
                .text(String(turn), xScale(Double(turn)), bottom + 19, size: ChartStyle.smallSize, anchor: "middle"))
        }
        items.append(.line(left, bottom, right, bottom, stroke: ChartStyle.axis))
        items.append(.line(left, top, left, bottom, stroke: ChartStyle.axis))
        items.append(.text("Turn", (left + right) / 2, bottom + 40, anchor: "middle", weight: "bold"))
        let yLabelX = 20.0
        let yLabelY = (top + bottom) / 2
        items.append(
            .text(
                "Position (0–100)", yLabelX, yLabelY, anchor: "middle", weight: "bold",
                extra: [("transform", "rotate(-90 \(svgNumber(yLabelX)) \(svgNumber(yLabelY)))")]))

        // The forecast, under the actors' lines.
        items.append(.line(left, yScale(expected), right, yScale(expected), stroke: ChartStyle.ink, dash: "4 4"))
        items.append(
            .text(
                "expected \(fixed(expected, 1))", right + 6, yScale(expected) + 4, size: ChartStyle.smallSize,
                extra: UtilitySpaceChart.halo))

        for (index, name) in actorNames.enumerated() {
            let points = positions.indices.map { (xScale(Double($0)), yScale(positions[$0][index])) }
            let data = points.enumerated().map { "\($0 == 0 ? "M" : "L")\(svgNumber($1.0)) \(svgNumber($1.1))" }
                .joined(separator: " ")
            let trail = positions.map { fixed($0[index], 1) }.joined(separator: " → ")
            var extra: [(String, String)] = [("stroke-width", "2.5"), ("stroke-linejoin", "round")]
            if let dash = Self.dash(index) { extra.append(("stroke-dasharray", dash)) }
            var line = SVGElement.path(data, stroke: ChartStyle.series(index), extra: extra)
            line.add(.title("\(name): \(trail)"))
            items.append(line)
            if let last = points.last {
                items.append(.circle(last.0, last.1, radius: 3.5, fill: ChartStyle.series(index)))
            }
        }
        return .chart(
            width: right + 110, height: bottom + 56, title: "Positions on \(dimension) by turn",
            description:
                "Each actor's position on \(dimension) after every turn of the spatial model, from the initial "
                + "positions (turn 0) to the final state; the dashed line is the expected final position.",
            items)
    }
}
