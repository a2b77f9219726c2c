import AccordCore
import AccordFormats

extension AnalysisReport {
    /// The key of the zone list, as the reports state it.
    static let zoneOrder =
        "margin: the least any party gets above its reservation, min (u − d); ties: the larger Nash product, "
        + "then the lower outcome index"

    /// The smallest margin over the parties, min_i (u_i − d_i): the zone list's key.
    func minimumMargin(_ package: ScoredOutcome) -> Double {
        zip(package.utilities, parties).map { $0 - $1.reservation }.min() ?? 0
    }

    /// The Nash product Π_i max(0, u_i − d_i): the zone list's second key.
    func nashProduct(_ package: ScoredOutcome) -> Double {
        zip(package.utilities, parties).reduce(1.0) { $0 * max(0, $1.0 - $1.1.reservation) }
    }

    /// How many zone packages there are, which are listed and in what order, and how to see more.
    func zoneListSentence(_ zone: AgreementZone) -> String {
        let count =
            "\(formatCount(Double(zone.count))) of \(formatCount(Double(analysis.analysedCount))) "
            + "\(analysis.isReduced ? "analysed " : "")packages are acceptable to every party"
        if zone.outcomes.isEmpty { return count + " (none listed; --export-zone FILE.csv writes them all)." }
        guard zone.count > zone.outcomes.count else {
            return count + ", the largest margin first (\(Self.zoneOrder)):"
        }
        return count + "; the \(zone.outcomes.count) with the largest margin are listed (\(Self.zoneOrder)). "
            + "--limit N lists more, --export-zone FILE.csv writes them all."
    }

    /// How many frontier packages there are, which are listed and in what order, and how to see more.
    func frontierListSentence() -> String {
        let frontier = analysis.frontier
        let count = "\(formatCount(Double(frontier.count))) efficient package(s)"
        guard frontier.count > frontierRows else { return count + ":" }
        if frontierRows <= 0 { return count + " (none listed; --export-frontier FILE.csv writes them all)." }
        return count + "; the first \(frontierRows) by \(parties[0].id)'s utility "
            + "(--limit N lists more, --export-frontier FILE.csv writes them all):"
    }

    /// Why a section was left out, and the options that would run it.
    func skippedSentence(_ skipped: SkippedSection) -> String {
        let reason = "Not analysed: \(skipped.reason)."
        guard !skipped.remedies.isEmpty else { return reason }
        return reason + " To include it, run again with "
            + skipped.remedies.map { "\($0.option) \($0.value)" }.joined(separator: " ") + "."
    }
}

extension AnalysisReport {
    /// The order of `agreementZone.outcomes`, as the JSON states it.
    static let zoneOrderJSON =
        "minimumMargin descending (to 9 decimals), then nashProduct descending, then outcome index ascending"

    /// A listed zone package: the scored outcome with its keys, `minimumMargin` and `nashProduct`.
    func zonePackageJSON(_ package: ScoredOutcome) -> JSONValue {
        guard case .object(let fields) = encoder.scoredJSON(package) else { return .null }
        return .object(
            fields + [
                ("minimumMargin", .number(minimumMargin(package))), ("nashProduct", .number(nashProduct(package))),
            ])
    }

    /// The sections left out, keyed `coalitions`, `reservationThresholds`, `sensitivity`, each
    /// `{"reason", "options": [{"option", "value"}]}`; an empty object when every section ran.
    func skippedJSON() -> JSONValue {
        let sections: [(String, SkippedSection?)] = [
            ("coalitions", analysis.skipped.coalitions),
            ("reservationThresholds", analysis.skipped.reservationThresholds),
            ("sensitivity", analysis.skipped.sensitivity),
        ]
        return .object(
            sections.compactMap { key, section in
                section.map { section in
                    (
                        key,
                        .object([
                            ("reason", .string(section.reason)),
                            (
                                "options",
                                .array(
                                    section.remedies.map {
                                        .object([("option", .string($0.option)), ("value", .int($0.value))])
                                    })
                            ),
                        ])
                    )
                }
            })
    }
}
