import RealModule

/// Student's t distribution: the CDF through the regularised incomplete beta function, the quantile by bisection.
enum StudentT {
    /// P(T ≤ t) for T ~ Student's t with `df` degrees of freedom (df > 0).
    static func cdf(_ t: Double, df: Double) -> Double {
        guard t.isFinite else { return t > 0 ? 1 : 0 }
        let x = df / (df + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: df / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The two-sided p-value of a t statistic.
    static func twoSidedP(_ t: Double, df: Double) -> Double {
        guard df > 0, t.isFinite else { return t.isNaN ? 1 : 0 }
        return min(1, regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5))
    }

    /// The p-quantile (0 < p < 1), to 1e-12.
    static func quantile(_ p: Double, df: Double) -> Double {
        var low = -1e3
        var high = 1e3
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if cdf(middle, df: df) < p { low = middle } else { high = middle }
            if high - low < 1e-12 { break }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction of the incomplete beta function (modified Lentz), using the symmetry
    /// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges faster.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront =
            Double.logGamma(a + b) - Double.logGamma(a) - Double.logGamma(b) + a * Double.log(x) + b
            * Double.log(1 - x)
        let front = Double.exp(logFront)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a: a, b: b) / a }
        return 1 - front * continuedFraction(1 - x, a: b, b: a) / b
    }

    private static func continuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...300 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + even * d
            if abs(d) < tiny { d = tiny }
            c = 1 + even / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + odd * d
            if abs(d) < tiny { d = tiny }
            c = 1 + odd / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return result
    }
}

/// The mean, sample variance and count of a list of numbers.
struct SampleStatistics: Sendable, Hashable {
    var count: Int
    var mean: Double
    var variance: Double

    init(_ values: [Double]) {
        count = values.count
        guard !values.isEmpty else {
            mean = .nan
            variance = .nan
            return
        }
        // Summed in the given order (the callers sort by negotiation), so the result is reproducible bit for bit.
        var sum = 0.0
        for value in values { sum += value }
        mean = sum / Double(values.count)
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        variance = values.count > 1 ? squares / Double(values.count - 1) : 0
    }

    /// The 95 % confidence interval of the mean (Student's t with n − 1 degrees of freedom); nil below 2 samples.
    var interval95: (lower: Double, upper: Double)? {
        guard count >= 2 else { return nil }
        let half = StudentT.quantile(0.975, df: Double(count - 1)) * (variance / Double(count)).squareRoot()
        return (mean - half, mean + half)
    }

    /// Welch's t-test of the difference of two means: the statistic, the Welch–Satterthwaite degrees of freedom
    /// and the two-sided p-value; nil when either sample has fewer than 2 values or both have no variance.
    static func welch(_ a: SampleStatistics, _ b: SampleStatistics) -> (t: Double, df: Double, p: Double)? {
        guard a.count >= 2, b.count >= 2 else { return nil }
        let va = a.variance / Double(a.count)
        let vb = b.variance / Double(b.count)
        guard va + vb > 0 else { return nil }
        let t = (a.mean - b.mean) / (va + vb).squareRoot()
        let df = (va + vb) * (va + vb) / (va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1))
        return (t, df, StudentT.twoSidedP(t, df: df))
    }
}
