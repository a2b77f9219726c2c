import AccordFormats

/// The final state of a spatial-model run as a dot plot: one row per dimension, each distinct final position a
/// dot whose area is proportional to its probability and whose colour is its cluster, with the expected position
/// marked, and a legend naming each cluster's actors.
struct FinalClustersChart {
    /// One distinct final position.
    struct Dot {
        var position: [Double]
        var probability: Double
        /// The index of its cluster in ``clusters``.
        var cluster: Int
        var actors: String
    }

    /// One cluster of final positions.
    struct Cluster {
        var probability: Double
        var actors: String
    }

    var dimensions: [String]
    var dots: [Dot]
    var clusters: [Cluster]
    /// The probability-weighted mean of the distinct final positions, per dimension.
    var expected: [Double]

    static let plotWidth = 700.0
    static let rowHeight = 84.0
    static let maximumRadius = 22.0

    /// A dot's radius: its area is proportional to its probability (a certain position has the largest dot).
    static func radius(_ probability: Double) -> Double {
        max(3, maximumRadius * max(0, probability).squareRoot())
    }

    func svg() -> SVGElement {
        let names = dimensions.map { ChartStyle.truncated($0, 26) }
        let left = 16 + max(60, names.map { ChartStyle.width(of: $0, bold: true) }.max() ?? 60) + 20
        let right = left + Self.plotWidth
        let top = 52.0
        let scale = LinearScale(domain: (0, 100), pixels: (left, right))
        var items: [SVGElement] = []
        for (k, name) in names.enumerated() {
            let axisY = top + Double(k) * Self.rowHeight + Self.rowHeight / 2
            items.append(.text(name, left - 14, axisY + 4.5, anchor: "end", weight: "bold"))
            items.append(.line(left, axisY, right, axisY, stroke: ChartStyle.axis))
            for step in 0...10 {
                let x = scale(Double(step) * 10)
                items.append(.line(x, axisY - 4, x, axisY + 4, stroke: ChartStyle.axis))
                if step % 2 == 0 {
                    items.append(
                        .text(
                            fixed(Double(step) * 10, 0), x, axisY + Self.maximumRadius + 16,
                            size: ChartStyle.smallSize, anchor: "middle", fill: "#555555"))
                }
            }
            // Largest dots first, so that small ones stay visible on top.
            for dot in dots.sorted(by: { $0.probability > $1.probability }) {
                let x = scale(dot.position[k])
                var circle = SVGElement(
                    "circle",
                    [
                        ("cx", svgNumber(x)), ("cy", svgNumber(axisY)), ("r", svgNumber(Self.radius(dot.probability))),
                        ("fill", ChartStyle.series(dot.cluster)), ("fill-opacity", "0.8"), ("stroke", "#ffffff"),
                        ("stroke-width", "1.5"),
                    ])
                circle.add(
                    .title(
                        "\(dot.actors): \(fixed(dot.position[k], 1)) on \(dimensions[k]), probability \(ChartStyle.percent(dot.probability)), cluster \(dot.cluster + 1)"
                    ))
                items.append(circle)
            }
            let e = scale(expected[k])
            items.append(
                .path(
                    "M\(svgNumber(e)) \(svgNumber(axisY - 8)) L\(svgNumber(e + 6)) \(svgNumber(axisY)) L\(svgNumber(e)) \(svgNumber(axisY + 8)) L\(svgNumber(e - 6)) \(svgNumber(axisY)) Z",
                    fill: ChartStyle.ink, stroke: "#ffffff"))
            items.append(
                .text(
                    "expected \(fixed(expected[k], 1))", e, axisY - Self.maximumRadius - 6,
                    size: ChartStyle.smallSize, anchor: "middle", extra: UtilitySpaceChart.halo))
        }

        // Legend: the clusters with their probabilities and actors, then the expected-position marker.
        var y = top + Double(dimensions.count) * Self.rowHeight + 22
        for (c, cluster) in clusters.enumerated() {
            items.append(.circle(left + 6, y - 4, radius: 6, fill: ChartStyle.series(c)))
            let text =
                "Cluster \(c + 1), probability \(ChartStyle.percent(cluster.probability)): \(cluster.actors)"
            items.append(.text(ChartStyle.truncated(text, 110), left + 20, y, size: ChartStyle.smallSize))
            y += 20
        }
        items.append(
            .path(
                "M\(svgNumber(left + 6)) \(svgNumber(y - 11)) L\(svgNumber(left + 12)) \(svgNumber(y - 4)) L\(svgNumber(left + 6)) \(svgNumber(y + 3)) L\(svgNumber(left)) \(svgNumber(y - 4)) Z",
                fill: ChartStyle.ink))
        items.append(
            .text(
                "Expected position: the probability-weighted mean of the distinct final positions",
                left + 20, y, size: ChartStyle.smallSize))
        return .chart(
            width: right + 40, height: y + 24, title: "Final positions and clusters",
            description:
                "The distinct positions of the final state on each dimension: a dot's area is proportional to the "
                + "probability that the position prevails, its colour is its cluster; the diamond marks the expected "
                + "position.",
            items)
    }
}
