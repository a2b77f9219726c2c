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

    @Option(help: "Long runs executed at once (default: one per core).")
    var workers: Int?

    @Option(help: "Long runs that may wait for a worker before more are refused (503).")
    var queueLimit = 64

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535.") }
        if let workers, !(1...1_024).contains(workers) { throw ValidationError("--workers must be from 1 to 1024.") }
        guard (0...1_000_000).contains(queueLimit) else {
            throw ValidationError("--queue-limit must be from 0 to 1000000.")
        }
    }

    func run() async throws {
        var settings = try ServeSettings(
            host: host, port: port, database: database, tokenFile: tokenFile,
            environmentToken: ProcessInfo.processInfo.environment["ACCORD_TOKEN"])
        settings.configuration.workers = workers ?? settings.configuration.workers
        settings.configuration.queueLimit = queueLimit
        let store = settings.configuration.store.displayName
        try await AccordServerRunner.run(settings.configuration) { url in
            emit("Accord is serving \(url) (store: \(store)); Ctrl-C stops it.\n")
        }
    }
}
