/// A limit of the analysis to raise, and the smallest value that lets a skipped section run.
public struct LimitRemedy: Sendable, Hashable {
    /// The limit as the command line spells it (`--diagnostics-limit`, `--sensitivity-limit`, `--max-outcomes`);
    /// ``AnalysisOptions`` and the requests of AccordKit name the same limit.
    public var option: String
    /// The smallest value of the limit at which the section runs.
    public var value: Int

    /// Creates a remedy.
    public init(option: String, value: Int) {
        self.option = option
        self.value = value
    }

    /// The remedy, when `value` (a count that may exceed `Int.max`) can be given; `nil` otherwise.
    static func raise(_ option: String, to value: Double) -> LimitRemedy? {
        let rounded = value.rounded(.up)
        guard rounded >= 0, rounded < 9.0e18 else { return nil }
        return LimitRemedy(option: option, value: Int(rounded))
    }
}
