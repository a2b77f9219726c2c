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
    }
}
