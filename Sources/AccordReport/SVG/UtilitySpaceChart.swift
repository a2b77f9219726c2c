import AccordCore
import AccordFormats

/// The utility space of two parties: every package (or a labelled sample) as a point, the agreement zone, the
/// projected Pareto frontier, both reservation values, the bargaining solutions and the proposals.
struct UtilitySpaceChart {
    /// A bargaining solution's marker shape.
    enum Shape: CaseIterable {
        case diamond, triangleUp, triangleDown, square, circle
    }

    struct Solution {
        var name: String
        var shape: Shape
        /// The point, or `nil` when the solution does not exist (an empty zone).
        var point: (x: Double, y: Double)?
    }

    struct Proposal {
        var id: String
        var x: Double
        var y: Double
    }

    var xName: String
    var yName: String
    var xReservation: Double
    var yReservation: Double
    var sample: UtilitySample
    /// The frontier of all parties, projected on the two plotted ones.
    var frontier: [(x: Double, y: Double)]
    var partyCount: Int
    var zoneCount: Int
    var solutions: [Solution]
    var proposals: [Proposal]

    static let plotSize = UtilitySquare.plotSize
    static let left = UtilitySquare.left
    static let top = UtilitySquare.top
    static let legendX = UtilitySquare.legendX
    static let width = UtilitySquare.width

    var x: LinearScale { UtilitySquare(xName: xName, yName: yName).x }
    var y: LinearScale { UtilitySquare(xName: xName, yName: yName).y }

    func svg() -> SVGElement {
        var items: [SVGElement] = []
        items.append(contentsOf: axes())
        // The region where both plotted parties reach their reservation.
        items.append(
            .rect(
                x(xReservation), y(1), x(1) - x(xReservation), y(yReservation) - y(1), fill: ChartStyle.palette[4],
                extra: [("fill-opacity", "0.14")]))
        items.append(contentsOf: cloud())
        items.append(contentsOf: frontierMarks())
        items.append(contentsOf: reservationLines())
        let (markers, labels) = proposalMarks()
        items.append(contentsOf: markers)
        // Solutions are hollow shapes drawn over the proposals, so a proposal at a solution leaves both visible.
        for solution in solutions {
            if let point = solution.point {
                var mark = Self.marker(solution.shape, at: x(point.x), y(point.y))
                mark.add(.title("\(solution.name): \(xName) \(fixed(point.x)), \(yName) \(fixed(point.y))"))
                items.append(mark)
            }
        }
        items.append(contentsOf: labels)
        items.append(contentsOf: legend())
        let height = max(Self.top + Self.plotSize + 60, legendBottom + 16)
        return .chart(
            width: Self.width, height: height, title: "Utility space: \(xName) and \(yName)",
            description:
                "Each point is a package placed by the utility \(xName) (horizontal) and \(yName) (vertical) give it, "
                + "from 0 to 1.",
            items)
    }

    func axes() -> [SVGElement] { UtilitySquare(xName: xName, yName: yName).axes() }

    /// The packages as dots: one zero-length round-capped segment per distinct pixel, so 20,000 dots stay small.
    func cloud() -> [SVGElement] {
        var outside = ""
        var inside = ""
        var seen = Set<Int>()
        for point in sample.points {
            let px = x(point.x)
            let py = y(point.y)
            let key = (Int((px * 2).rounded()) << 1 | (point.inZone ? 1 : 0)) * 10_000 + Int((py * 2).rounded())
            guard seen.insert(key).inserted else { continue }
            let segment = "M\(svgNumber(px)) \(svgNumber(py))h0"
            if point.inZone { inside += segment } else { outside += segment }
        }
        var items: [SVGElement] = []
        let dot = { (data: String, color: String, size: Double) -> SVGElement in
            .path(
                data, stroke: color,
                extra: [("stroke-width", svgNumber(size)), ("stroke-linecap", "round"), ("class", "dots")])
        }
        if !outside.isEmpty { items.append(dot(outside, ChartStyle.cloud, 4)) }
        if !inside.isEmpty { items.append(dot(inside, ChartStyle.green, 5)) }
        return items
    }

    func frontierMarks() -> [SVGElement] {
        var items: [SVGElement] = []
        let sorted = frontier.sorted { $0.x != $1.x ? $0.x < $1.x : $0.y > $1.y }
        if partyCount == 2, sorted.count > 1 {
            let data = sorted.enumerated().map { "\($0 == 0 ? "M" : "L")\(svgNumber(x($1.x))) \(svgNumber(y($1.y)))" }
            items.append(
                .path(data.joined(), stroke: ChartStyle.blue, extra: [("stroke-width", "1.5")]))
        }
        var seen = Set<Int>()
        var rings = ""
        for point in sorted {
            let px = x(point.x)
            let py = y(point.y)
            guard seen.insert(Int(px.rounded()) * 10_000 + Int(py.rounded())).inserted else { continue }
            rings += "M\(svgNumber(px - 3)) \(svgNumber(py))a3 3 0 1 0 6 0a3 3 0 1 0 -6 0"
        }
        if !rings.isEmpty {
            items.append(.path(rings, stroke: ChartStyle.blue, extra: [("stroke-width", "1.5")]))
        }
        return items
    }

    func reservationLines() -> [SVGElement] {
        UtilitySquare(xName: xName, yName: yName).reservationLines(x: xReservation, y: yReservation)
    }

    /// White outline behind text drawn over data, so it stays readable.
    static let halo: [(String, String)] = [
        ("stroke", "#ffffff"), ("stroke-width", "3"), ("paint-order", "stroke"), ("stroke-linejoin", "round"),
    ]

    /// Proposals as filled circles, each labelled with its id at the first nearby place that overlaps no other
    /// label or proposal marker.
    func proposalMarks() -> (markers: [SVGElement], labels: [SVGElement]) {
        var items: [SVGElement] = []
        var labels: [SVGElement] = []
        var taken: [(x0: Double, y0: Double, x1: Double, y1: Double)] = proposals.map {
            (x($0.x) - 7, y($0.y) - 7, x($0.x) + 7, y($0.y) + 7)
        }
        let size = ChartStyle.fontSize
        for proposal in proposals {
            let px = x(proposal.x)
            let py = y(proposal.y)
            var marker = SVGElement.circle(px, py, radius: 6, fill: ChartStyle.orange, stroke: ChartStyle.ink)
            marker.attributes.append(("stroke-width", "1.5"))
            marker.add(.title("\(proposal.id): \(xName) \(fixed(proposal.x)), \(yName) \(fixed(proposal.y))"))
            items.append(marker)
            let label = ChartStyle.truncated(proposal.id, 30)
            let w = ChartStyle.width(of: label, size: size, bold: true)
            let candidates: [(Double, Double)] = [
                (px + 10, py + 4), (px - 10 - w, py + 4), (px - w / 2, py - 11), (px - w / 2, py + 20),
                (px + 10, py - 12), (px + 10, py + 20), (px - 10 - w, py - 12), (px - 10 - w, py + 20),
                (px + 10, py - 28), (px + 10, py + 36), (px - 10 - w, py - 28), (px - 10 - w, py + 36),
            ]
            let fits = { (c: (Double, Double)) -> Bool in
                let box = (c.0, c.1 - size, c.0 + w, c.1 + 3)
                guard box.0 >= Self.left + 2, box.2 <= Self.left + Self.plotSize - 2, box.1 >= Self.top + 2,
                    box.3 <= Self.top + Self.plotSize - 2
                else { return false }
                return !taken.contains { box.0 < $0.x1 && $0.x0 < box.2 && box.1 < $0.y1 && $0.y0 < box.3 }
            }
            let place = candidates.first(where: fits) ?? candidates[px > Self.left + Self.plotSize / 2 ? 1 : 0]
            taken.append((place.0, place.1 - size, place.0 + w, place.1 + 3))
            labels.append(.text(label, place.0, place.1, size: size, weight: "bold", extra: Self.halo))
        }
        return (items, labels)
    }

    static func marker(_ shape: Shape, at x: Double, _ y: Double, size: Double = 8) -> SVGElement {
        let s = size
        let data: String
        switch shape {
        case .diamond: data = "M\(n(x)) \(n(y - s))L\(n(x + s)) \(n(y))L\(n(x)) \(n(y + s))L\(n(x - s)) \(n(y))Z"
        case .triangleUp: data = "M\(n(x)) \(n(y - s))L\(n(x + s)) \(n(y + s * 0.75))L\(n(x - s)) \(n(y + s * 0.75))Z"
        case .triangleDown:
            data = "M\(n(x)) \(n(y + s))L\(n(x + s)) \(n(y - s * 0.75))L\(n(x - s)) \(n(y - s * 0.75))Z"
        case .square: data = "M\(n(x - s * 0.8)) \(n(y - s * 0.8))h\(n(s * 1.6))v\(n(s * 1.6))h\(n(-s * 1.6))Z"
        case .circle:
            data = "M\(n(x - s)) \(n(y))a\(n(s)) \(n(s)) 0 1 0 \(n(2 * s)) 0a\(n(s)) \(n(s)) 0 1 0 \(n(-2 * s)) 0"
        }
        return SVGElement("g", [], [.path(data, stroke: ChartStyle.vermillion, extra: [("stroke-width", "2.5")])])
    }

    private static func n(_ value: Double) -> String { svgNumber(value) }

    var legendBottom: Double { Self.top + Double(legendLines().count) * 20 + 40 }

    /// The legend: each entry a symbol and one or more lines of text.
    func legendLines() -> [(symbol: SVGElement?, text: String)] {
        var lines: [(SVGElement?, String)] = []
        func entry(_ symbol: SVGElement?, _ text: String) {
            for (index, line) in ChartStyle.wrapped(text, 40).enumerated() {
                lines.append((index == 0 ? symbol : nil, line))
            }
        }
        let sx = Self.legendX + 10
        let dot = { (color: String, size: Double) -> SVGElement in
            .path(
                "M\(svgNumber(sx)) 0h0", stroke: color,
                extra: [("stroke-width", svgNumber(size)), ("stroke-linecap", "round")])
        }
        let shown =
            sample.isSampled
            ? "a deterministic sample of \(formatCount(Double(sample.points.count))) of the \(formatCount(Double(sample.total))) packages"
            : "all \(formatCount(Double(sample.total))) packages"
        entry(dot(ChartStyle.cloud, 6), "a package (\(shown))")
        entry(
            dot(ChartStyle.green, 7), "in the agreement zone: every party accepts (\(formatCount(Double(zoneCount))))")
        entry(
            .path(
                "M\(svgNumber(sx - 3)) 0a3 3 0 1 0 6 0a3 3 0 1 0 -6 0", stroke: ChartStyle.blue,
                extra: [("stroke-width", "1.5")]),
            "Pareto frontier (\(formatCount(Double(frontier.count))) packages"
                + (partyCount > 2 ? ", efficient for all \(partyCount) parties, projected)" : ")"))
        entry(
            .rect(sx - 7, -6, 14, 12, fill: ChartStyle.palette[4], extra: [("fill-opacity", "0.3")]),
            "both at or above their reservation")
        entry(.line(sx - 9, 0, sx + 9, 0, stroke: ChartStyle.ink, width: 1.5, dash: "4 3"), "reservation values")
        for solution in solutions where solution.point != nil {
            entry(Self.marker(solution.shape, at: sx, 0, size: 6), solution.name)
        }
        let missing = solutions.filter { $0.point == nil }.map(\.name)
        if !missing.isEmpty {
            entry(nil, "Not drawn (the agreement zone is empty): " + missing.joined(separator: ", "))
        }
        if !proposals.isEmpty {
            var marker = SVGElement.circle(sx, 0, radius: 6, fill: ChartStyle.orange, stroke: ChartStyle.ink)
            marker.attributes.append(("stroke-width", "1.5"))
            entry(marker, "proposal, labelled with its id")
        }
        return lines
    }

    func legend() -> [SVGElement] {
        var items: [SVGElement] = [.text("Legend", Self.legendX, Self.top + 4, weight: "bold")]
        for (index, line) in legendLines().enumerated() {
            let baseline = Self.top + 28 + Double(index) * 20
            if let symbol = line.symbol {
                items.append(.group([("transform", "translate(0 \(svgNumber(baseline - 4)))")], [symbol]))
            }
            items.append(.text(line.text, Self.legendX + 26, baseline, size: ChartStyle.smallSize))
        }
        return items
    }
}
