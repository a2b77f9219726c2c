import AccordKit
import AccordStore
import Hummingbird

/// Runs the server until SIGINT or SIGTERM: opens the store, serves, closes the store.
public enum AccordServerRunner {
    /// Serves with `configuration`; `onListening` receives the URL to open once the server listens.
    public static func run(
        _ configuration: ServerConfiguration, onListening: @escaping @Sendable (String) -> Void
    ) async throws {
        let store = try await configuration.store.open()
        do {
            let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
            let app = try await AccordServerApplication.build(configuration: configuration, store: store) { port in
                onListening("http://\(host):\(port)/")
            }
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}
