import Foundation
import PostgresNIO

/// A `postgres://user:password@host:port/database?parameters` URL read into its parts (`postgresql://` too).
///
/// The port defaults to 5432 and the database to the user's name, as libpq does. Parameters: `sslmode` (`disable`,
/// the default, `allow` and `prefer` connect without TLS; `require`, `verify-ca` and `verify-full` require TLS and
/// verify the server's certificate and name against the system's trust roots), `schema` (keep Accord's tables in that
/// schema, created when missing, instead of `public`), `application_name` and `connect_timeout` (seconds).
struct PostgresURL: Sendable {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var requiresTLS: Bool
    var schema: String?
    var applicationName: String?
    var connectTimeout: Int
    /// The URL with its password replaced by `***`, for messages and logs.
    var redacted: String

    /// Reads `url`; throws ``StoreError/location(_:)``, one sentence without the password, when it cannot.
    init(_ url: String) throws(StoreError) {
        redacted = Self.redactingPassword(url)
        guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://"),
            let components = URLComponents(string: url)
        else {
            throw Self.invalid(redacted, "it is not a URL of the form postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else { throw Self.invalid(redacted, "it names no host") }
        guard let user = components.user, !user.isEmpty else { throw Self.invalid(redacted, "it names no user") }
        self.host = host
        port = components.port ?? 5432
        username = user
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw Self.invalid(redacted, "its database name '\(path)' contains a /") }
        database = path.isEmpty ? user : path
        requiresTLS = false
        connectTimeout = 10
        for item in components.queryItems ?? [] {
            try read(item)
        }
    }

    private mutating func read(_ item: URLQueryItem) throws(StoreError) {
        let value = item.value ?? ""
        switch item.name {
        case "sslmode":
            switch value {
            case "disable", "allow", "prefer": requiresTLS = false
            case "require", "verify-ca", "verify-full": requiresTLS = true
            default: throw Self.invalid(redacted, "sslmode '\(value)' is not disable, prefer, require or verify-full")
            }
        case "schema":
            guard value.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
                throw Self.invalid(redacted, "schema '\(value)' is not a name of lowercase letters, digits and _")
            }
            schema = value
        case "application_name":
            applicationName = value
        case "connect_timeout":
            guard let seconds = Int(value), seconds > 0 else {
                throw Self.invalid(redacted, "connect_timeout '\(value)' is not a whole number of seconds")
            }
            connectTimeout = seconds
        default:
            throw Self.invalid(
                redacted,
                "its parameter '\(item.name)' is not one Accord reads (sslmode, schema, application_name, connect_timeout)"
            )
        }
    }

    /// The configuration of one connection (migrations run on one before the pool starts).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requiresTLS ? .require(try NIOSSLContext(configuration: .makeClientConfiguration())) : .disable)
        configuration.options.connectTimeout = .seconds(Int64(connectTimeout))
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The configuration of the connection pool.
    func clientConfiguration() -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database,
            tls: requiresTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.connectTimeout = .seconds(connectTimeout)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    private var startupParameters: [(String, String)] {
        var parameters: [(String, String)] = []
        if let schema { parameters.append(("options", "-c search_path=\(schema)")) }
        if let applicationName { parameters.append(("application_name", applicationName)) }
        return parameters
    }

    private static func invalid(_ redacted: String, _ reason: String) -> StoreError {
        .location("the database URL '\(redacted)' cannot be used: \(reason).")
    }

    /// The URL with its password replaced by `***`, for messages and logs; the URL as given when it has none.
    ///
    /// Works on the text, not on a parsed URL, so that a URL too malformed to parse still loses its password: the
    /// password is what follows the first `:` after `://`, up to the last `@` (a password may hold `@` or `/`; an
    /// `@` in the database name hides more than the password, never less).
    static func redactingPassword(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        guard let at = rest.lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") else { return url }
        return String(url[..<rest.index(after: colon)]) + "***" + String(url[at...])
    }
}
