/// The outcomes of a selection, ready for the analysis visitors: walked over additive tables when every party's
/// utility has one, read from ``DenseUtilities`` otherwise.
enum OutcomeEnumeration {
    case additive(OutcomeWalker)
    case dense(DenseUtilities)

    /// The tables the visitors read red lines and reservation values from (for `dense`, without contributions).
    var tables: AdditiveTables {
        switch self {
        case .additive(let walker): walker.tables
        case .dense(let dense): dense.tables
        }
    }

    /// Visits every outcome the visitor does not prune, in outcome-index order.
    func walk<V: OutcomeVisitor>(_ visitor: inout V) {
        switch self {
        case .additive(let walker): walker.walk(&visitor)
        case .dense(let dense): dense.walk(&visitor)
        }
    }

    /// The outcome (real levels) for selection indices.
    func outcome(_ digits: [Int]) -> Outcome {
        tables.outcome(digits)
    }

    /// Every party's utility for the outcome with these selection indices.
    func utilities(_ digits: [Int]) -> [Double] {
        switch self {
        case .additive(let walker): walker.tables.utilities(digits)
        case .dense(let dense): dense.utilities(digits)
        }
    }

    /// The outcome with these selection indices and every party's utility for it.
    func scored(_ digits: [Int]) -> ScoredOutcome {
        ScoredOutcome(outcome: outcome(digits), utilities: utilities(digits))
    }

    /// Each party's lowest and highest utility over the selection.
    var utilityRanges: [ClosedRange<Double>] {
        switch self {
        case .additive(let walker):
            // Additive: the sums of the per-issue extremes, which are the extreme utilities exactly.
            walker.tables.contribution.map { table in
                table.reduce(0.0) { $0 + ($1.min() ?? 0) }...table.reduce(0.0) { $0 + ($1.max() ?? 0) }
            }
        case .dense(let dense): dense.utilityRanges
        }
    }
}

extension Scenario {
    /// The most outcomes the analysis lists one by one when some party's utility is not additive (see
    /// ``ScenarioAnalysis``); above it, analyses throw ``AnalysisError/nonAdditiveUtility(party:outcomes:limit:)``.
    public static let denseOutcomeLimit = 2_000_000

    /// Whether some party's utility has no contribution table, so analyses list every outcome's utilities.
    ///
    /// Issues too long for tables (more than ``AdditiveTables/maximumTableEntries`` levels in all across the parties)
    /// are not asked for theirs: such a space is far beyond the dense limit, and the additive engine refuses it with
    /// its own message.
    var needsDenseEnumeration: Bool {
        let entries = space.radices.reduce(0.0) { $0 + Double($1) } * Double(max(1, parties.count))
        guard entries <= Double(AdditiveTables.maximumTableEntries) else { return false }
        return parties.contains {
            !($0.utility is LinearAdditiveUtility) && $0.utility.contributionTable(in: space) == nil
        }
    }

    /// The enumeration of a selection: additive tables when every utility has them, else dense utilities (within
    /// ``denseOutcomeLimit``).
    func enumeration(of selection: Selection) throws(AnalysisError) -> OutcomeEnumeration {
        if needsDenseEnumeration {
            return .dense(try DenseUtilities(scenario: self, selection: selection, limit: Self.denseOutcomeLimit))
        }
        return .additive(OutcomeWalker(tables: try AdditiveTables(scenario: self, selection: selection)))
    }

    /// The enumeration of the options available at the analysed round or date, after checking that some option of
    /// every issue is left and that the space is within the enumeration limit (and, for dense utilities, within
    /// ``denseOutcomeLimit``).
    func enumerable(options: AnalysisOptions) throws(AnalysisError) -> OutcomeEnumeration {
        guard needsDenseEnumeration else {
            return .additive(OutcomeWalker(tables: try enumerableTables(options: options)))
        }
        return .dense(try denseUtilities(options: options))
    }

    /// Every outcome's utilities over the options available at the analysed round or date.
    ///
    /// - Throws: ``AnalysisError/emptySelection(issue:)`` when an issue has no option left,
    ///   ``AnalysisError/nonAdditiveUtility(party:outcomes:limit:)`` above ``denseOutcomeLimit`` outcomes,
    ///   ``AnalysisError/spaceTooLarge(outcomes:afterPruning:limit:)`` above ``AnalysisOptions/maxOutcomes``.
    func denseUtilities(options: AnalysisOptions) throws(AnalysisError) -> DenseUtilities {
        let selection = Selection.available(in: space, round: options.round, date: options.date)
        if let empty = selection.levels.firstIndex(where: \.isEmpty) { throw .emptySelection(issue: issues[empty].id) }
        // Over the dense limit the utilities cannot be listed (DenseUtilities says so); under it, the caller's limit.
        if let count = selection.count, count <= Self.denseOutcomeLimit, count > options.maxOutcomes {
            throw .spaceTooLarge(
                outcomes: selection.approximateCount, afterPruning: selection.approximateCount,
                limit: options.maxOutcomes)
        }
        return try DenseUtilities(scenario: self, selection: selection, limit: Self.denseOutcomeLimit)
    }
}
