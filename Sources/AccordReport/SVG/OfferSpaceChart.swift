import AccordCore
import AccordFormats

/// The offers of a negotiation in the utility space of two parties: every package as a faint dot, the Pareto
/// frontier of the parties at the table (before and after options left the table), both reservation values, each
/// offering party's offers as a path of markers, the agreement, the Nash package, and the agreement the talks
/// reached had the expiring options stayed.
struct OfferSpaceChart {
    struct Point {
        var x: Double
        var y: Double
    }

    struct Series {
        var name: String
        var points: [Point]
    }

    var xName: String
    var yName: String
    var xReservation: Double
    var yReservation: Double
    /// Every package (or an even sample), with the number of packages in the space.
    var cloud: [Point]
    var total: Int
    /// The frontier of the parties at the table with every option on the table, projected.
    var frontier: [Point]
    /// The frontier once the options had left the table (drawn when it differs), and from which round.
    var laterFrontier: (points: [Point], round: Int)?
    var participantCount: Int
    var series: [Series]
    var agreement: Point?
    var nash: Point?
    var counterfactual: Point?

    static let plotSize = UtilitySquare.plotSize
    static let left = UtilitySquare.left
    static let top = UtilitySquare.top
    static let legendX = UtilitySquare.legendX
    static let width = UtilitySquare.width
    /// The most packages drawn as the background cloud.
    static let cloudLimit = 20_000

    var x: LinearScale { UtilitySquare(xName: xName, yName: yName).x }
    var y: LinearScale { UtilitySquare(xName: xName, yName: yName).y }

    func svg() -> SVGElement {
        var items = axes()
        items.append(
            .rect(
                x(xReservation), y(1), x(1) - x(xReservation), y(yReservation) - y(1), fill: ChartStyle.palette[4],
                extra: [("fill-opacity", "0.10")]))
        items.append(contentsOf: cloudMarks())
        items.append(contentsOf: frontierMarks(frontier, later: false))
        if let later = laterFrontier {
            items.append(contentsOf: frontierMarks(later.points, later: true))
        }
        items.append(contentsOf: reservationLines())
        for (index, series) in series.enumerated() {
            items.append(contentsOf: offerMarks(index, series))
        }
        if let nash {
            var mark = UtilitySpaceChart.marker(.diamond, at: x(nash.x), y(nash.y), size: 9)
            mark.add(.title("Nash package: \(xName) \(fixed(nash.x)), \(yName) \(fixed(nash.y))"))
            items.append(mark)
        }
        if let counterfactual {
            var mark = SVGElement.path(
                OfferHistoryChart.star(at: x(counterfactual.x), y(counterfactual.y), radius: 10), fill: "#ffffff",
                stroke: ChartStyle.ink, extra: [("stroke-width", "1.5"), ("stroke-dasharray", "3 2")])
            mark.add(
                .title(
                    "Agreement had the expiring options stayed: \(xName) \(fixed(counterfactual.x)), "
                        + "\(yName) \(fixed(counterfactual.y))"))
            items.append(mark)
        }
        if let agreement {
            var mark = SVGElement.path(
                OfferHistoryChart.star(at: x(agreement.x), y(agreement.y), radius: 10), fill: ChartStyle.ink,
                stroke: "#ffffff", extra: [("stroke-width", "1")])
            mark.add(.title("Agreement: \(xName) \(fixed(agreement.x)), \(yName) \(fixed(agreement.y))"))
            items.append(mark)
        }
        let lines = legendLines()
        items.append(.text("Legend", Self.legendX, Self.top + 4, weight: "bold"))
        for (index, line) in lines.enumerated() {
            let baseline = Self.top + 28 + Double(index) * 20
            if let symbol = line.symbol {
                items.append(.group([("transform", "translate(0 \(svgNumber(baseline - 4)))")], [symbol]))
            }
            items.append(.text(line.text, Self.legendX + 26, baseline, size: ChartStyle.smallSize))
        }
        let legendBottom = Self.top + Double(lines.count) * 20 + 40
        return .chart(
            width: Self.width, height: max(Self.top + Self.plotSize + 60, legendBottom + 16),
            title: "Offers in the utility space: \(xName) and \(yName)",
            description:
                "Every offer of the talks placed by the utility \(xName) (horizontal) and \(yName) (vertical) give it, "
                + "over all packages and the Pareto frontier of the parties at the table.",
            items)
    }

    func axes() -> [SVGElement] { UtilitySquare(xName: xName, yName: yName).axes() }

    func reservationLines() -> [SVGElement] {
        UtilitySquare(xName: xName, yName: yName).reservationLines(x: xReservation, y: yReservation)
    }

    func cloudMarks() -> [SVGElement] {
        var data = ""
        var seen = Set<Int>()
        for point in cloud {
            let px = x(point.x)
            let py = y(point.y)
            guard seen.insert(Int((px * 2).rounded()) * 10_000 + Int((py * 2).rounded())).inserted else { continue }
            data += "M\(svgNumber(px)) \(svgNumber(py))h0"
        }
        guard !data.isEmpty else { return [] }
        return [
            .path(
                data, stroke: "#d0d0d0",
                extra: [("stroke-width", "3.5"), ("stroke-linecap", "round"), ("class", "dots")])
        ]
    }

    /// The colour of the frontiers: grey, so that it differs from every offering party's colour; lighter when the
    /// frontier of more than two parties is projected (it then covers much of the plot).
    var frontierColor: String { participantCount > 2 ? "#9a9a9a" : "#4d4d4d" }

    /// A frontier: rings joined by a line (two parties) for the frontier with every option on the table; small
    /// filled dots joined by a dashed line for the frontier after options left it (a ring with a dot: efficient
    /// before and after).
    func frontierMarks(_ points: [Point], later: Bool) -> [SVGElement] {
        var items: [SVGElement] = []
        let color = frontierColor
        let sorted = points.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y > $1.y }
        if participantCount == 2, sorted.count > 1 {
            let data = sorted.enumerated().map { "\($0 == 0 ? "M" : "L")\(svgNumber(x($1.x))) \(svgNumber(y($1.y)))" }
            var extra = [("stroke-width", "1.2")]
            if later { extra.append(("stroke-dasharray", "5 3")) }
            items.append(.path(data.joined(), stroke: color, extra: extra))
        }
        var seen = Set<Int>()
        var marks = ""
        for point in sorted {
            let px = x(point.x)
            let py = y(point.y)
            guard seen.insert(Int(px.rounded()) * 10_000 + Int(py.rounded())).inserted else { continue }
            marks += later ? Self.dot(px, py) : "M\(svgNumber(px - 3)) \(svgNumber(py))a3 3 0 1 0 6 0a3 3 0 1 0 -6 0"
        }
        if !marks.isEmpty {
            items.append(
                later ? .path(marks, fill: color) : .path(marks, stroke: color, extra: [("stroke-width", "1.2")]))
        }
        return items
    }

    /// A filled dot of radius 1.6.
    static func dot(_ px: Double, _ py: Double) -> String {
        "M\(svgNumber(px - 1.6)) \(svgNumber(py))a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0Z"
    }

    /// One party's offers: a thin path in offer order and a marker per distinct position.
    func offerMarks(_ index: Int, _ series: Series) -> [SVGElement] {
        let points = OfferHistoryChart.thinned(series.points)
        guard !points.isEmpty else { return [] }
        let color = ChartStyle.series(index)
        let path = points.enumerated().map { i, point in
            "\(i == 0 ? "M" : "L")\(svgNumber(x(point.x))) \(svgNumber(y(point.y)))"
        }.joined()
        var marks = ""
        var seen = Set<Int>()
        for point in points {
            let px = x(point.x)
            let py = y(point.y)
            guard seen.insert(Int(px.rounded()) * 10_000 + Int(py.rounded())).inserted else { continue }
            marks += OfferHistoryChart.seriesMarker(index, at: px, py, size: 3.6)
        }
        var group = SVGElement.path(marks, fill: color, stroke: "#ffffff", extra: [("stroke-width", "0.6")])
        group.add(.title("Offers by \(series.name) (\(points.count))"))
        return [.path(path, stroke: color, extra: [("stroke-width", "1"), ("stroke-opacity", "0.45")]), group]
    }

    func legendLines() -> [(symbol: SVGElement?, text: String)] {
        var lines: [(SVGElement?, String)] = []
        func entry(_ symbol: SVGElement?, _ text: String) {
            for (index, line) in ChartStyle.wrapped(text, 40).enumerated() {
                lines.append((index == 0 ? symbol : nil, line))
            }
        }
        let sx = Self.legendX + 10
        for (index, series) in series.enumerated() {
            entry(
                .path(OfferHistoryChart.seriesMarker(index, at: sx, 0, size: 4), fill: ChartStyle.series(index)),
                "offers by \(ChartStyle.truncated(series.name, 30))")
        }
        if agreement != nil {
            entry(.path(OfferHistoryChart.star(at: sx, 0, radius: 8), fill: ChartStyle.ink), "agreement")
        }
        if counterfactual != nil {
            entry(
                .path(
                    OfferHistoryChart.star(at: sx, 0, radius: 8), fill: "#ffffff", stroke: ChartStyle.ink,
                    extra: [("stroke-dasharray", "3 2")]),
                "agreement had the expiring options stayed")
        }
        if nash != nil {
            entry(UtilitySpaceChart.marker(.diamond, at: sx, 0, size: 6), "Nash package of the parties at the table")
        }
        let projected = participantCount > 2 ? ", efficient for all \(participantCount) at the table, projected" : ""
        if !frontier.isEmpty {
            entry(
                .path(
                    "M\(svgNumber(sx - 3)) 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", stroke: frontierColor,
                    extra: [("stroke-width", "1.5")]),
                "Pareto frontier of the parties at the table (\(formatCount(Double(frontier.count))) packages"
                    + "\(projected))")
        }
        if let later = laterFrontier {
            entry(
                .path(Self.dot(sx, 0), fill: frontierColor),
                "the frontier from round \(later.round), once options had left the table "
                    + "(\(formatCount(Double(later.points.count))) packages)")
        }
        let shown =
            cloud.count < total
            ? "an even sample of \(formatCount(Double(cloud.count))) of \(formatCount(Double(total)))"
            : "all \(formatCount(Double(total)))"
        entry(
            .path(
                "M\(svgNumber(sx)) 0h0", stroke: "#d0d0d0",
                extra: [("stroke-width", "6"), ("stroke-linecap", "round")]),
            "a package (\(shown))")
        entry(.line(sx - 9, 0, sx + 9, 0, stroke: ChartStyle.ink, width: 1.5, dash: "4 3"), "reservation values")
        return lines
    }
}
