/// KTAB's `BigRRange`: the range onto which an actor's risk attitude is mapped from its position's probability
/// (the most likely position gets the top of the range, the least likely the bottom).
public enum BigRRange: String, Sendable, Hashable, CaseIterable {
    /// [0, 1] (`Min`).
    case min
    /// [−½, 1] (`Mid`, the default).
    case mid
    /// [−1, 1] (`Max`).
    case max
}
