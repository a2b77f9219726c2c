/// KTAB's `ThirdPartyCommit`: what a third party expects when it joins a side.
public enum ThirdPartyCommit: String, Sendable, Hashable, CaseIterable {
    /// It adopts the winner's position whichever side it joined (`FullCommit`).
    case fullCommit
    /// It keeps its own position if its side wins and adopts the winner's if it loses (`SemiCommit`, the default).
    case semiCommit
    /// It keeps its own position either way (`NoCommit`).
    case noCommit
}
