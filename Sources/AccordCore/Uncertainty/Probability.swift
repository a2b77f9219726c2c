import RealModule

/// An estimated probability: successes out of trials, with its 95 % Wilson score interval.
public struct Probability: Sendable, Hashable {
    /// How many trials succeeded (for acceptance: how many draws in which the party accepted).
    public var successes: Int
    /// How many trials were made (the number of draws); 0 gives an estimate of 0.
    public var trials: Int

    /// Creates an estimate from a count of successes out of `trials`.
    public init(successes: Int, trials: Int) {
        self.successes = successes
        self.trials = trials
    }

    /// The estimate, successes / trials.
    public var estimate: Double { trials == 0 ? 0 : Double(successes) / Double(trials) }

    /// The 95 % Wilson score interval (z = 1.959964), which stays inside [0, 1] and is sensible at 0 and 1.
    public var interval: ClosedRange<Double> {
        guard trials > 0 else { return 0...1 }
        let z = 1.959_963_984_540_054
        let n = Double(trials)
        let p = estimate
        let denominator = 1 + z * z / n
        let center = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        // At 0 and at n successes the bound is exactly 0 (or 1); rounding would leave a trace of 1e-19.
        let low = successes == 0 ? 0 : max(0, center - half)
        let high = successes == trials ? 1 : min(1, center + half)
        return low...high
    }
}
