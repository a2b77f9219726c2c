extension Scenario {
    /// The tables of the options available at the analysed round or date, after checking that some option of
    /// every issue is left and that the space is within the enumeration limit.
    func enumerableTables(options: AnalysisOptions) throws(AnalysisError) -> AdditiveTables {
        let selection = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = selection.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        guard let count = selection.count, count <= options.maxOutcomes else {
            throw .spaceTooLarge(
                outcomes: selection.approximateCount, afterPruning: selection.approximateCount,
                limit: options.maxOutcomes)
        }
        return try AdditiveTables(scenario: self, selection: selection)
    }
}
