/// One of n deterministic slices of a tournament's plan: `--shard k/n` runs the negotiations whose position
/// modulo n is k − 1, so every slice gets a fair mix of scenarios and agents.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// The slice, from 1.
    public var index: Int
    /// The number of slices.
    public var count: Int

    public init(index: Int, count: Int) throws(NegotiationError) {
        guard count >= 1, index >= 1, index <= count else { throw .badShard("\(index)/\(count)") }
        self.index = index
        self.count = count
    }

    /// Reads `k/n`.
    public init(parsing text: String) throws(NegotiationError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { throw .badShard(text) }
        guard count >= 1, index >= 1, index <= count else { throw .badShard(text) }
        self.index = index
        self.count = count
    }

    /// The whole plan as one slice.
    public static let whole = Shard(checked: 1, of: 1)

    private init(checked index: Int, of count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether a negotiation belongs to this slice.
    public func contains(_ negotiation: Int) -> Bool { negotiation % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
