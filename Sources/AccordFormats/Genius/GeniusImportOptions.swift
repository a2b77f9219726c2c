/// Settings of a GENIUS import.
public struct GeniusImportOptions: Sendable, Hashable {
    /// How many evenly spaced levels (bounds included) a real GENIUS issue is enumerated on; at least 2.
    public var realIssueLevels: Int

    public init(realIssueLevels: Int = 11) {
        self.realIssueLevels = realIssueLevels
    }
}
