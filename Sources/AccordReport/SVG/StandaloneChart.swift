/// One chart of an HTML report as a standalone SVG document: what `--charts DIR` writes, one file per chart.
public struct StandaloneChart: Sendable, Equatable {
    /// The chart's name, from its figure id without the `chart-` prefix, such as `utility-space`; unique per report.
    public var name: String
    /// The SVG document: an XML declaration, then the `<svg>` element with its `xmlns`.
    public var svg: String

    /// Creates a chart from its name and SVG document.
    public init(name: String, svg: String) {
        self.name = name
        self.svg = svg
    }

    /// The file name of the chart: its name with the `.svg` extension.
    public var fileName: String { name + ".svg" }

    /// The charts of an HTML report of Accord's, in the order of the page: each `<figure id="chart-…">`'s `<svg>`
    /// element, which already carries the SVG namespace, as its own document.
    ///
    /// - Complexity: O(n) in the length of the page.
    public static func charts(inHTML page: String) -> [StandaloneChart] {
        var charts: [StandaloneChart] = []
        var rest = page[...]
        while let opening = rest.firstRange(of: "<figure id=\"chart-") {
            rest = rest[opening.upperBound...]
            guard let quote = rest.firstIndex(of: "\""), let start = rest.firstRange(of: "<svg"),
                let end = rest.firstRange(of: "</svg>")
            else { break }
            let name = String(rest[..<quote])
            let element = rest[start.lowerBound..<end.upperBound]
            rest = rest[end.upperBound...]
            let svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element + "\n"
            charts.append(StandaloneChart(name: uniqueName(name, among: charts), svg: svg))
        }
        return charts
    }

    /// The name, with `-2`, `-3`… added when an earlier chart has it already.
    private static func uniqueName(_ name: String, among charts: [StandaloneChart]) -> String {
        let taken = Set(charts.map(\.name))
        guard taken.contains(name) else { return name }
        var number = 2
        while taken.contains("\(name)-\(number)") { number += 1 }
        return "\(name)-\(number)"
    }
}
