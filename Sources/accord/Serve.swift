import AccordKit
import AccordServer
import ArgumentParser
import Foundation

/// `accord serve`: the HTTP API and the web workspace, with stored runs.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the HTTP API and the web workspace; scenarios and runs are stored (SQLite by default).")

    @Option(help: "The host to listen on; any other than loopback needs an access token.")
    var host = "127.0.0.1"

    @Option(help: "The TCP port (0: any free one).")
    var port = 8080

    @Option(help: "A SQLite file (default: accord.sqlite here) or a postgres:// URL.")
    var database: String?

    @Option(help: "A file holding the access token (or set ACCORD_TOKEN).")
    var tokenFile: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
    }

    func run() async throws {
        let settings = try ServeSettings(
            host: host, port: port, database: database, tokenFile: tokenFile,
            environmentToken: ProcessInfo.processInfo.environment["ACCORD_TOKEN"])
        try await AccordServerRunner.run(settings.configuration) { url in
            emit("Accord is serving \(url) (store: \(settings.configuration.store.displayName)); Ctrl-C stops it.\n")
        }
    }
}
