import AccordKit

/// The tabular part of a run's result as CSV (RFC 4180): the Pareto frontier of an analysis or what-if (one row
/// per package: its options, then every party's utility), or the trace of a simulation (round, party, action,
/// then the package and the utilities).
enum RunCSV {
    /// The CSV file's name and text, or `nil` when the result has no table.
    static func table(of result: JSONValue) -> (name: String, text: String)? {
        if let pareto = result["pareto"]?.items, !pareto.isEmpty {
            return ("pareto-frontier.csv", csv(pareto, leading: []))
        }
        if let trace = result["trace"]?.items, !trace.isEmpty {
            return ("trace.csv", csv(trace, leading: ["round", "party", "action"]))
        }
        return nil
    }

    /// Rows of objects holding `outcome` and `utilities`, after the leading scalar columns.
    static func csv(_ rows: [JSONValue], leading: [String]) -> String {
        let issues = keys(in: rows, of: "outcome")
        let parties = keys(in: rows, of: "utilities")
        let header = leading + issues + parties.map { "utility_" + $0 }
        var lines = [header.map(csvField).joined(separator: ",")]
        for row in rows {
            let cells =
                leading.map { row[$0]?.scalarText ?? "" }
                + issues.map { row["outcome"]?[$0]?.scalarText ?? "" }
                + parties.map { row["utilities"]?[$0]?.scalarText ?? "" }
            lines.append(cells.map(csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The keys of the objects under `member`, in first-seen order.
    static func keys(in rows: [JSONValue], of member: String) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for row in rows {
            for entry in row[member]?.members ?? [] where seen.insert(entry.key).inserted { keys.append(entry.key) }
        }
        return keys
    }
}
