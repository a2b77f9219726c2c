import AccordCore
import AccordForecast
import AccordFormats

extension ForecastReport {
    /// The forecast's numbers on 0–100 of each dimension, in the order of the Forecast table: expected, most
    /// likely cluster, weighted mean, weighted median, Bueno de Mesquita (`nil` where a baseline has no value).
    func summaryPositions(_ k: Int) -> [(name: String, position: Double?)] {
        [
            ("expected", outcome.expectedPosition[k]), ("mostLikelyCluster", outcome.mostLikelyCluster.centre[k]),
            ("weightedMean", baselines.weightedMeans[k]), ("weightedMedian", baselines.weightedMedians[k]),
            ("expectedUtility", expectedUtility.forecasts[k]),
        ]
    }

    /// The Forecast table again in the issues' own units: a numeric issue's number (mapped linearly from 0–100
    /// onto its range), an issue of options' nearest option. Nothing when the dimensions are not issues.
    func addIssueUnits(to doc: inout ReportDocument) {
        guard let scales else { return }
        doc.paragraph(
            "In the issues' own units: 0–100 mapped back linearly onto a numeric issue's range, or to the nearest "
                + "option of an issue of options (its position on 0–100 in brackets).")
        var table = TextTable(
            ["issue", "expected", "most likely cluster", "weighted mean", "weighted median", "Bueno de Mesquita"],
            rightAligned: scales.contains { $0.range != nil } ? [1, 2, 3, 4, 5] : [])
        for (k, scale) in scales.enumerated() {
            let unit = scale.unit.map { " (\($0))" } ?? ""
            table.add([scale.issue + unit] + summaryPositions(k).map { Self.inUnits($0.position, scale) })
        }
        doc.table(table)
    }

    /// A position on 0–100 in the issue's units: the number, or the nearest option with its position.
    static func inUnits(_ position: Double?, _ scale: IssueScale) -> String {
        guard let position else { return "—" }
        if let value = scale.value(at: position), let range = scale.range {
            return number(value, span: range.upperBound - range.lowerBound, integer: scale.isInteger)
        }
        let nearest = scale.nearestLevel(to: position)
        return "\(nearest.label) (\(fixed(nearest.position, 1)))"
    }

    /// A number with as many decimals as the issue's span calls for: none from a span of 100 (with thousands
    /// separators) or for a whole-number issue's large span, up to three below a span of 1.
    static func number(_ value: Double, span: Double, integer: Bool) -> String {
        let decimals = span >= 100 ? 0 : span >= 10 ? 1 : span >= 1 ? 2 : 3
        guard decimals == 0 else { return fixed(value, decimals) }
        let rounded = value.rounded()
        return (rounded < 0 ? "-" : "") + formatCount(abs(rounded))
    }

    /// Per dimension, the forecast in the issue's units (JSON): its id, unit and range, then for each number of the
    /// Forecast table the `value` in the issue's units (null for an issue of options) and the `nearestLevel` (an
    /// option id, or a number of a numeric issue's grid); null when the dimensions are not issues.
    func issueUnitsJSON() -> JSONValue {
        guard let scales else { return .null }
        return .array(
            scales.enumerated().map { k, scale in
                var pairs: [(String, JSONValue)] = [
                    ("issue", .string(scale.issue)), ("unit", scale.unit.map(JSONValue.string) ?? .null),
                    ("range", scale.range.map { .array([.number($0.lowerBound), .number($0.upperBound)]) } ?? .null),
                ]
                for (name, position) in summaryPositions(k) {
                    pairs.append((name, position.map { Self.inUnitsJSON($0, scale) } ?? .null))
                }
                return .object(pairs)
            })
    }

    static func inUnitsJSON(_ position: Double, _ scale: IssueScale) -> JSONValue {
        .object([
            ("value", scale.value(at: position).map(JSONValue.number) ?? .null),
            ("nearestLevel", .string(scale.nearestLevel(to: position).label)),
        ])
    }
}
