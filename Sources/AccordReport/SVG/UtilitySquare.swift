import AccordFormats

/// The square plot shared by the utility-space charts: two parties' utilities from 0 to 1, with its geometry, its
/// axes and the parties' reservation lines.
struct UtilitySquare {
    static let plotSize = 520.0
    static let left = 76.0
    static let top = 56.0
    static let legendX = left + plotSize + 36
    static let width = legendX + 330

    var xName: String
    var yName: String

    var x: LinearScale { LinearScale(domain: (0, 1), pixels: (Self.left, Self.left + Self.plotSize)) }
    var y: LinearScale { LinearScale(domain: (0, 1), pixels: (Self.top + Self.plotSize, Self.top)) }

    func axes() -> [SVGElement] {
        var items: [SVGElement] = []
        let bottom = Self.top + Self.plotSize
        let right = Self.left + Self.plotSize
        for step in 0...10 {
            let value = Double(step) / 10
            items.append(.line(x(value), Self.top, x(value), bottom, stroke: ChartStyle.grid))
            items.append(.line(Self.left, y(value), right, y(value), stroke: ChartStyle.grid))
            guard step % 2 == 0 else { continue }
            items.append(.text(fixed(value, 1), x(value), bottom + 18, size: ChartStyle.smallSize, anchor: "middle"))
            items.append(.text(fixed(value, 1), Self.left - 8, y(value) + 4, size: ChartStyle.smallSize, anchor: "end"))
        }
        items.append(.rect(Self.left, Self.top, Self.plotSize, Self.plotSize, fill: "none", stroke: ChartStyle.axis))
        items.append(
            .text(
                "Utility of \(ChartStyle.truncated(xName, 40)) →", x(0.5), bottom + 42, anchor: "middle",
                weight: "bold"))
        let yLabelX = Self.left - 44
        let yLabelY = y(0.5)
        items.append(
            .text(
                "Utility of \(ChartStyle.truncated(yName, 40)) →", yLabelX, yLabelY, anchor: "middle", weight: "bold",
                extra: [("transform", "rotate(-90 \(svgNumber(yLabelX)) \(svgNumber(yLabelY)))")]))
        return items
    }

    func reservationLines(x xReservation: Double, y yReservation: Double) -> [SVGElement] {
        let bottom = Self.top + Self.plotSize
        let right = Self.left + Self.plotSize
        let rx = x(xReservation)
        let ry = y(yReservation)
        let anchor = rx > right - 120 ? "end" : "start"
        return [
            .line(rx, Self.top, rx, bottom, stroke: ChartStyle.ink, width: 1.5, dash: "6 4"),
            .line(Self.left, ry, right, ry, stroke: ChartStyle.ink, width: 1.5, dash: "6 4"),
            .text(
                "\(ChartStyle.truncated(xName, 24)) reservation \(fixed(xReservation))",
                rx + (anchor == "end" ? -4 : 4),
                Self.top - 6, size: ChartStyle.smallSize, anchor: anchor),
            .text(
                "\(ChartStyle.truncated(yName, 24)) reservation \(fixed(yReservation))", right - 4,
                ry < Self.top + 20 ? ry + 16 : ry - 6, size: ChartStyle.smallSize, anchor: "end",
                extra: UtilitySpaceChart.halo),
        ]
    }

}
