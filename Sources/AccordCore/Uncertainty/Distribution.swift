import RealModule

/// A probability distribution over a number on Accord's 0–1 scale: a weight, an option value or a reservation
/// value that an analyst knows only roughly.
public enum Distribution: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Uniform on `[low, high]`.
    case uniform(low: Double, high: Double)
    /// Triangular on `[low, high]` with its peak at `mode`.
    case triangular(low: Double, mode: Double, high: Double)
    /// Normal with this mean and standard deviation, truncated to [0, 1] (resampled until inside).
    case normal(mean: Double, sd: Double)

    /// The value the exact (non-sampled) analysis uses: the midpoint of a uniform, the mode of a triangular,
    /// the mean of a normal.
    public var nominal: Double {
        switch self {
        case .uniform(let low, let high): (low + high) / 2
        case .triangular(_, let mode, _): mode
        case .normal(let mean, _): mean
        }
    }

    /// Why the parameters are invalid, or `nil` when they are valid: bounds in [0, 1] and in order, a mean in
    /// [0, 1] and a standard deviation in (0, 1].
    public var problem: String? {
        switch self {
        case .uniform(let low, let high):
            guard (0...1).contains(low), (0...1).contains(high) else { return "uniform bounds must lie in [0, 1]" }
            guard low <= high else { return "uniform bounds are out of order: \(low) is above \(high)" }
        case .triangular(let low, let mode, let high):
            guard [low, mode, high].allSatisfy({ (0...1).contains($0) }) else {
                return "triangular parameters must lie in [0, 1]"
            }
            guard low <= mode, mode <= high else { return "triangular parameters must satisfy low ≤ mode ≤ high" }
        case .normal(let mean, let sd):
            guard (0...1).contains(mean) else { return "a normal's mean must lie in [0, 1]" }
            guard sd > 0, sd <= 1 else { return "a normal's standard deviation must lie in (0, 1]" }
        }
        return nil
    }

    /// Draws one value.
    public func sample(using generator: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .uniform(let low, let high):
            return low == high ? low : low + (high - low) * Double.random(in: 0..<1, using: &generator)
        case .triangular(let low, let mode, let high):
            guard high > low else { return low }
            let u = Double.random(in: 0..<1, using: &generator)
            let split = (mode - low) / (high - low)
            return u < split
                ? low + ((high - low) * (mode - low) * u).squareRoot()
                : high - ((high - low) * (high - mode) * (1 - u)).squareRoot()
        case .normal(let mean, let sd):
            // With the mean in [0, 1] and sd ≤ 1, at least a third of the draws land inside.
            while true {
                let u1 = Double.random(in: Double.leastNonzeroMagnitude..<1, using: &generator)
                let u2 = Double.random(in: 0..<1, using: &generator)
                let z = (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
                let x = mean + sd * z
                if x >= 0 && x <= 1 { return x }
            }
        }
    }

    public var description: String {
        switch self {
        case .uniform(let low, let high): "uniform[\(formatNumber(low)), \(formatNumber(high))]"
        case .triangular(let low, let mode, let high):
            "triangular[\(formatNumber(low)), \(formatNumber(mode)), \(formatNumber(high))]"
        case .normal(let mean, let sd): "normal(\(formatNumber(mean)), \(formatNumber(sd)))"
        }
    }
}
