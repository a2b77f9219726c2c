import AccordCore

/// Who drafts in the mediated mechanism.
public enum Mediator: Sendable, Hashable {
    /// A mediator with no preferences of its own.
    case neutral
    /// A party mediates (scenario index): it drafts only packages that reach its own reservation value, and
    /// it replies to its own drafts like the other parties when it sits at the table.
    case party(Int)
}
