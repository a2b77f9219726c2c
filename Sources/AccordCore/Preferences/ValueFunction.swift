/// How much a party values each choice on one issue, on a 0–1 scale.
public enum ValueFunction: Sendable, Hashable, Codable {
    /// One value per option of a discrete issue, in option order.
    case table([Double])
    /// `clamp01(slope·x + intercept)` for a numeric issue.
    case linear(slope: Double, intercept: Double)
    /// 0 at or below `low`, rising linearly to 1 at `peak`, falling linearly to 0 at or above `high`.
    case triangular(low: Double, peak: Double, high: Double)
    /// Linear interpolation between points sorted by x; constant beyond the first and last point.
    case piecewise([Point])
    /// The value of an option is a weighted sum of the party's values for the option's attributes.
    case attributes(AttributeValuation)

    /// One breakpoint of a piecewise-linear value function.
    public struct Point: Sendable, Hashable, Codable {
        /// The number on the issue's scale (in the issue's unit) at which the breakpoint sits.
        public var x: Double
        /// The value at ``x``, in [0, 1].
        public var value: Double
        /// Creates a breakpoint with value `value` at the number `x`.
        public init(x: Double, value: Double) {
            self.x = x
            self.value = value
        }
    }

    /// The value of a level of an issue, in [0, 1].
    public func value(atLevel level: Int, of issue: Issue) -> Double {
        switch self {
        case .table(let values):
            return values[level]
        case .linear(let slope, let intercept):
            return clamp01(slope * issue.number(atLevel: level) + intercept)
        case .triangular(let low, let peak, let high):
            return Self.triangular(issue.number(atLevel: level), low: low, peak: peak, high: high)
        case .piecewise(let points):
            return Self.interpolate(points, at: issue.number(atLevel: level))
        case .attributes(let valuation):
            return valuation.value(of: issue.options[level])
        }
    }

    static func triangular(_ x: Double, low: Double, peak: Double, high: Double) -> Double {
        if x == peak { return 1 }
        if x <= low || x >= high { return 0 }
        return x < peak ? (x - low) / (peak - low) : (high - x) / (high - peak)
    }

    static func interpolate(_ points: [Point], at x: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if x <= first.x { return first.value }
        if x >= last.x { return last.value }
        for (left, right) in zip(points, points.dropFirst()) where x <= right.x {
            if right.x == left.x { return right.value }
            return left.value + (right.value - left.value) * (x - left.x) / (right.x - left.x)
        }
        return last.value
    }
}

/// Clamps a value into [0, 1].
@inlinable
public func clamp01(_ value: Double) -> Double {
    min(1, max(0, value))
}
