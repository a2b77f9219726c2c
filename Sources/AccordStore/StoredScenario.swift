import Foundation

/// One version of a scenario kept by a ``WorkspaceStore``: Accord scenario text (YAML or JSON) with its id.
public struct StoredScenario: Sendable, Equatable {
    /// The id in URLs (letters, digits, `-` and `_`).
    public var id: String
    /// The version, 1 for the first; each replacement adds one.
    public var version: Int
    /// The scenario's name (from its `name:`).
    public var name: String
    /// The Accord scenario text.
    public var text: String
    /// `yaml` or `json`: how ``text`` is written.
    public var format: String
    /// When this version was stored.
    public var createdAt: Date

    /// Creates a scenario version.
    public init(id: String, version: Int = 1, name: String, text: String, format: String, createdAt: Date = Date()) {
        self.id = id
        self.version = version
        self.name = name
        self.text = text
        self.format = format
        self.createdAt = createdAt
    }
}
