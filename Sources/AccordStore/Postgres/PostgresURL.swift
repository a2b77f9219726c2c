import Foundation

/// Reads a `postgres://user:password@host:port/database` URL into its parts.
enum PostgresURL {
    /// The URL with its password replaced by `***`, for messages and logs.
    static func redactingPassword(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? url
    }
}
