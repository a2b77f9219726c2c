/// A small, fast, seedable random number generator: Steele, Lea & Flood's SplitMix64 (2014), so that a stochastic
/// run is reproducible: same seed, same run, on every machine.
///
/// Each draw adds the golden-ratio increment 0x9E3779B97F4A7C15 to a 64-bit counter and returns the counter passed
/// through ``mix(_:)``, a bijective finaliser. The spatial model's stochastic transitions draw from it directly
/// (`accord forecast --transitions stochastic --seed`), and ``SeededGenerator`` uses it to spread a seed over its
/// four words of state.
///
/// - Complexity: O(1) per draw, one word of state.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The counter: the seed plus the increment times the number of draws so far.
    private var state: UInt64

    /// A generator whose sequence is determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// SplitMix64's finaliser (a variant of MurmurHash3's `fmix64`): a fixed bijection of 64-bit words that spreads
    /// every input bit over the whole output, so consecutive counters give unrelated draws.
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
