import AccordKit
import AccordStore
import Foundation

/// `accord serve`'s options checked into a ``ServerConfiguration``: a host beyond loopback needs a token, read from
/// a file or the environment.
public struct ServeSettings: Sendable {
    /// The checked configuration.
    public var configuration: ServerConfiguration

    /// Checks the options; throws a ``RequestError`` naming what is wrong.
    public init(host: String, port: Int, database: String?, tokenFile: String?, environmentToken: String?) throws {
        var token = environmentToken.flatMap { $0.isEmpty ? nil : $0 }
        if let tokenFile {
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else {
                throw RequestError("cannot read the token file '\(tokenFile)'.")
            }
            token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if let value = token, value.count < 16 {
            throw RequestError("the access token must be at least 16 characters long.")
        }
        configuration = ServerConfiguration(
            host: host, port: port, store: StoreLocation(argument: database), token: token)
        if !configuration.isLoopback, token == nil {
            throw RequestError(
                "serving on '\(host)' lets other machines connect: give an access token with --token-file or "
                    + "ACCORD_TOKEN.")
        }
        if let keyFile = ProcessInfo.processInfo.environment["ACCORD_ROOM_KEY_FILE"], !keyFile.isEmpty {
            configuration.roomKeyFile = keyFile
        }
        if let folder = database.map({ ($0 as NSString).deletingLastPathComponent }), !folder.isEmpty {
            configuration.runsFolder = folder + "/accord-runs"
        }
        try readConnectionLimits(ProcessInfo.processInfo.environment)
    }

    /// The connection limits from `ACCORD_IDLE_TIMEOUT`, `ACCORD_HEARTBEAT_SECONDS` (seconds, 0.1 to 86400) and
    /// `ACCORD_MAX_CONNECTIONS` (1 to 1000000), when set (docs/limits.md).
    mutating func readConnectionLimits(_ environment: [String: String]) throws {
        func seconds(_ name: String) throws -> Duration? {
            guard let text = environment[name], !text.isEmpty else { return nil }
            guard let value = Double(text), value >= 0.1, value <= 86_400 else {
                throw RequestError("\(name) must be a number of seconds from 0.1 to 86400, not '\(Echo.cut(text))'.")
            }
            return .milliseconds(Int64((value * 1_000).rounded()))
        }
        configuration.idleTimeout = try seconds("ACCORD_IDLE_TIMEOUT") ?? configuration.idleTimeout
        configuration.eventStreamHeartbeat =
            try seconds("ACCORD_HEARTBEAT_SECONDS") ?? configuration.eventStreamHeartbeat
        if let text = environment["ACCORD_MAX_CONNECTIONS"], !text.isEmpty {
            guard let value = Int(text), (1...1_000_000).contains(value) else {
                throw RequestError(
                    "ACCORD_MAX_CONNECTIONS must be a whole number from 1 to 1000000, not '\(Echo.cut(text))'.")
            }
            configuration.maxConnections = value
        }
    }
}
