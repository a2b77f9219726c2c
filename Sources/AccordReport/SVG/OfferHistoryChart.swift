import AccordFormats

/// The offers of a negotiation over time, one panel per party at the table: in each panel, the utility that party
/// gives every offer, one series (colour and shape) per offering party, with the party's reservation as a dashed
/// line, the agreement marked, and a vertical line where options left the table.
struct OfferHistoryChart {
    /// The offers of one party (or the mediator's drafts).
    struct Series {
        var name: String
        /// Position on the round axis (round, plus the offer's turn as a fraction) and the utility each panel's
        /// party gives the offer, in panel order.
        var points: [(x: Double, utilities: [Double])]
        /// For a mediator's drafts: whether each panel's party accepted each draft (parallel to `points`); a
        /// rejected draft is drawn hollow. Nil for offers.
        var accepted: [[Bool]]?
    }

    /// One panel: a party at the table.
    struct Panel {
        var name: String
        var reservation: Double
    }

    struct Marker {
        var x: Double
        var utilities: [Double]
        var label: String
    }

    var panels: [Panel]
    var series: [Series]
    /// The round axis runs from 1 to this value.
    var lastX: Double
    var agreement: Marker?
    /// Options leaving the table: the x of the first round without them and their labels.
    var expiries: [(x: Double, label: String)]

    static let left = 72.0
    static let plotWidth = 780.0
    static let panelHeight = 150.0
    static let panelGap = 34.0
    /// The most points drawn per series and panel: longer series are thinned evenly (first and last kept).
    static let pointLimit = 1500

    /// The marker shape of the n-th series, so series differ by more than colour.
    static func shape(_ index: Int) -> UtilitySpaceChart.Shape {
        let shapes: [UtilitySpaceChart.Shape] = [.circle, .square, .triangleUp, .diamond, .triangleDown]
        return shapes[index % shapes.count]
    }

    /// A small filled marker of a series.
    static func seriesMarker(_ index: Int, at x: Double, _ y: Double, size: Double = 3.2) -> String {
        let s = size
        let n = svgNumber
        switch shape(index) {
        case .circle:
            return "M\(n(x - s)) \(n(y))a\(n(s)) \(n(s)) 0 1 0 \(n(2 * s)) 0a\(n(s)) \(n(s)) 0 1 0 \(n(-2 * s)) 0Z"
        case .square: return "M\(n(x - s)) \(n(y - s))h\(n(2 * s))v\(n(2 * s))h\(n(-2 * s))Z"
        case .triangleUp:
            return "M\(n(x)) \(n(y - s * 1.2))L\(n(x + s * 1.1)) \(n(y + s * 0.8))L\(n(x - s * 1.1)) \(n(y + s * 0.8))Z"
        case .diamond:
            let r = s * 1.3
            return "M\(n(x)) \(n(y - r))L\(n(x + r)) \(n(y))L\(n(x)) \(n(y + r))L\(n(x - r)) \(n(y))Z"
        case .triangleDown:
            return "M\(n(x)) \(n(y + s * 1.2))L\(n(x + s * 1.1)) \(n(y - s * 0.8))L\(n(x - s * 1.1)) \(n(y - s * 0.8))Z"
        }
    }

    /// A five-pointed star centred on (x, y), for the agreement.
    static func star(at x: Double, _ y: Double, radius: Double = 8) -> String {
        var data = ""
        for k in 0..<10 {
            let r = k % 2 == 0 ? radius : radius * 0.45
            let angle = Double.pi / 5 * Double(k) - Double.pi / 2
            data += (k == 0 ? "M" : "L") + "\(svgNumber(x + r * cosine(angle))) \(svgNumber(y + r * sine(angle)))"
        }
        return data + "Z"
    }

    func svg() -> SVGElement {
        let right = Self.left + Self.plotWidth
        var items: [SVGElement] = []

        // Legend under the title, in rows that fit the plot's width.
        var x = Self.left
        var y = 50.0
        var entries: [(symbol: SVGElement, text: String)] = series.enumerated().map { index, series in
            let mark = SVGElement.path(
                Self.seriesMarker(index, at: 12, -4, size: 4), fill: ChartStyle.series(index))
            return (
                .group([], [.line(0, -4, 24, -4, stroke: ChartStyle.series(index), width: 1.5), mark]),
                "offers by \(ChartStyle.truncated(series.name, 30))"
            )
        }
        if agreement != nil {
            entries.append(
                (
                    .path(Self.star(at: 12, -4), fill: ChartStyle.ink, stroke: ChartStyle.ink),
                    "agreement"
                ))
        }
        if series.contains(where: { $0.accepted != nil }) {
            entries.append(
                (
                    .path(Self.seriesMarker(0, at: 12, -4, size: 4), fill: "#ffffff", stroke: ChartStyle.series(0)),
                    "hollow: the panel's party objected to the draft"
                ))
        }
        entries.append((.line(0, -4, 24, -4, stroke: ChartStyle.ink, width: 1.5, dash: "6 4"), "reservation"))
        if !expiries.isEmpty {
            entries.append(
                (.line(12, -14, 12, 6, stroke: ChartStyle.vermillion, width: 2, dash: "5 3"), "options leave the table")
            )
        }
        for entry in entries {
            let width = 30 + ChartStyle.width(of: entry.text, size: ChartStyle.smallSize) + 22
            if x + width > right + 40, x > Self.left {
                x = Self.left
                y += 22
            }
            items.append(.group([("transform", "translate(\(svgNumber(x)) \(svgNumber(y)))")], [entry.symbol]))
            items.append(.text(entry.text, x + 30, y, size: ChartStyle.smallSize))
            x += width
        }

        let firstTop = y + 30
        let xScale = LinearScale(domain: (1, max(lastX, 2)), pixels: (Self.left, right))
        var bottom = firstTop
        for (k, panel) in panels.enumerated() {
            let top = firstTop + Double(k) * (Self.panelHeight + Self.panelGap)
            bottom = top + Self.panelHeight
            items.append(contentsOf: panelItems(k, panel, top: top, bottom: bottom, xScale: xScale))
        }
        // The round axis under the last panel.
        items.append(contentsOf: roundTicks(xScale, bottom: bottom, labelled: true))
        items.append(.text("Round", (Self.left + right) / 2, bottom + 40, anchor: "middle", weight: "bold"))

        // Expiry lines across every panel, labelled at the top.
        for (index, expiry) in expiries.enumerated() {
            let px = xScale(expiry.x)
            items.append(.line(px, firstTop - 8, px, bottom, stroke: ChartStyle.vermillion, width: 2, dash: "5 3"))
            let label =
                "from round \(Int(expiry.x.rounded(.down))): \(ChartStyle.truncated(expiry.label, 60)) off the table"
            // The label runs to the right of its line, or to the left when it would leave the plot.
            let toTheLeft = px + 5 + ChartStyle.width(of: label, size: ChartStyle.smallSize) > right + 100
            items.append(
                .text(
                    label, toTheLeft ? px - 5 : px + 5, firstTop + 14 + Double(index) * 16, size: ChartStyle.smallSize,
                    anchor: toTheLeft ? "end" : "start", fill: ChartStyle.vermillion, extra: UtilitySpaceChart.halo))
        }
        return .chart(
            width: right + 120, height: bottom + 56, title: "Offers over time",
            description:
                "One panel per party at the table: the utility it gives every offer made during the talks, by round, "
                + "one series per offering party; its reservation value is the dashed line.",
            items)
    }

    func roundTicks(_ xScale: LinearScale, bottom: Double, labelled: Bool) -> [SVGElement] {
        var items: [SVGElement] = []
        let span = max(1, Int(lastX.rounded(.up)) - 1)
        let step = Self.tickStep(span)
        var round = 1
        while Double(round) <= max(lastX, 2) {
            let px = xScale(Double(round))
            items.append(.line(px, bottom, px, bottom + 5, stroke: ChartStyle.axis))
            if labelled {
                items.append(.text(String(round), px, bottom + 19, size: ChartStyle.smallSize, anchor: "middle"))
            }
            round = round == 1 && step > 1 ? step : round + step
        }
        return items
    }

    /// A round step giving at most about 12 ticks: 1, 2, 5, 10, 20, 50, …
    static func tickStep(_ span: Int) -> Int {
        var step = 1
        while span / step > 12 {
            let digits = String(step)
            step = digits.hasPrefix("2") ? step / 2 * 5 : step * 2
        }
        return step
    }

    func panelItems(_ k: Int, _ panel: Panel, top: Double, bottom: Double, xScale: LinearScale) -> [SVGElement] {
        let right = Self.left + Self.plotWidth
        let yScale = LinearScale(domain: (0, 1), pixels: (bottom, top))
        var items: [SVGElement] = []
        for step in 0...4 {
            let value = Double(step) / 4
            items.append(.line(Self.left, yScale(value), right, yScale(value), stroke: ChartStyle.grid))
            if step % 2 == 0 {
                items.append(
                    .text(fixed(value, 1), Self.left - 8, yScale(value) + 4, size: ChartStyle.smallSize, anchor: "end"))
            }
        }
        items.append(contentsOf: roundTicks(xScale, bottom: bottom, labelled: false))
        items.append(.rect(Self.left, top, Self.plotWidth, Self.panelHeight, fill: "none", stroke: ChartStyle.axis))
        items.append(
            .text(
                "Utility to \(ChartStyle.truncated(panel.name, 40))", Self.left, top - 6, size: ChartStyle.fontSize,
                weight: "bold"))
        let ry = yScale(panel.reservation)
        items.append(.line(Self.left, ry, right, ry, stroke: ChartStyle.ink, width: 1.5, dash: "6 4"))
        items.append(
            .text(
                "reservation \(fixed(panel.reservation))", right + 6, ry + 4, size: ChartStyle.smallSize,
                extra: UtilitySpaceChart.halo))

        for (index, series) in series.enumerated() {
            let points = Self.thinned(series.points)
            guard !points.isEmpty else { continue }
            let accepted = series.accepted.map { Self.thinned($0).map { $0[k] } }
            let color = ChartStyle.series(index)
            let line = points.enumerated().map { i, point in
                "\(i == 0 ? "M" : "L")\(svgNumber(xScale(point.x))) \(svgNumber(yScale(point.utilities[k])))"
            }.joined()
            items.append(
                .path(line, stroke: color, extra: [("stroke-width", "1.2"), ("stroke-opacity", "0.55")]))
            var marks = ""
            var hollow = ""
            var seen = Set<Int>()
            for (i, point) in points.enumerated() {
                let px = xScale(point.x)
                let py = yScale(point.utilities[k])
                let objected = accepted.map { !$0[i] } ?? false
                let key = (Int((px * 2).rounded()) * 100_000 + Int((py * 2).rounded())) * 2 + (objected ? 1 : 0)
                guard seen.insert(key).inserted else { continue }
                if objected {
                    hollow += Self.seriesMarker(index, at: px, py, size: 3.6)
                } else {
                    marks += Self.seriesMarker(index, at: px, py)
                }
            }
            let title =
                "\(series.accepted == nil ? "Offers" : "Drafts") by \(series.name), as \(panel.name) values them"
            if !marks.isEmpty {
                var group = SVGElement.path(marks, fill: color)
                group.add(.title(title + (accepted == nil ? "" : " (accepted)")))
                items.append(group)
            }
            if !hollow.isEmpty {
                var group = SVGElement.path(hollow, fill: "#ffffff", stroke: color, extra: [("stroke-width", "1.5")])
                group.add(.title(title + " (objected)"))
                items.append(group)
            }
        }
        if let agreement {
            var star = SVGElement.path(
                Self.star(at: xScale(agreement.x), yScale(agreement.utilities[k])), fill: ChartStyle.ink,
                stroke: "#ffffff", extra: [("stroke-width", "1")])
            star.add(.title("\(agreement.label): \(panel.name) \(fixed(agreement.utilities[k]))"))
            items.append(star)
        }
        return items
    }

    /// At most ``pointLimit`` points, evenly spaced by index, the first and the last kept.
    static func thinned<T>(_ points: [T]) -> [T] {
        guard points.count > pointLimit else { return points }
        let count = pointLimit
        return (0..<count).map { points[$0 * (points.count - 1) / (count - 1)] }
    }
}

/// The cosine and sine of an angle, without Foundation (the chart needs only the ten corners of a star).
private func cosine(_ angle: Double) -> Double { sine(angle + Double.pi / 2) }

private func sine(_ angle: Double) -> Double {
    // Reduce to [-π, π] and use a Taylor series, accurate to far below a tenth of a pixel.
    var x = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
    if x > Double.pi { x -= 2 * Double.pi }
    if x < -Double.pi { x += 2 * Double.pi }
    var term = x
    var sum = x
    for n in 1..<12 {
        term *= -x * x / Double((2 * n) * (2 * n + 1))
        sum += term
    }
    return sum
}
