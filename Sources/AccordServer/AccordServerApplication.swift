import AccordKit
import AccordStore
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// Builds the Accord server: the HTTP API, the web workspace and its static files, over one store.
public enum AccordServerApplication {
    /// The application for a configuration and an open store. Runs cut off by an earlier stop are marked
    /// interrupted first.
    ///
    /// - Parameter onRunning: called once the server listens, with the port it listens on.
    public static func build(
        configuration: ServerConfiguration, store: any WorkspaceStore, logger: Logger? = nil,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws -> some ApplicationProtocol {
        let workspace = Workspace(configuration: configuration, store: store)
        try await workspace.recoverInterruptedRuns()
        try await workspace.rooms?.resume(now: Date())
        let router = buildRouter(workspace)
        var log = logger ?? Logger(label: "accord.serve")
        if logger == nil { log.logLevel = .notice }
        await workspace.rooms?.use(logger: log)
        let idle = configuration.idleTimeout.components
        return Application(
            router: router,
            server: .http1(
                configuration: .init(
                    idleTimeout: .nanoseconds(idle.seconds * 1_000_000_000 + idle.attoseconds / 1_000_000_000))),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "Accord",
                availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections)),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: log)
    }

    static func buildRouter(_ workspace: Workspace) -> Router<BasicRequestContext> {
        // The routes are first added to a router that only lists them, for the 405 middleware, which must be
        // in place before the routes of the router that serves.
        let listing = Router(context: BasicRequestContext.self)
        addRoutes(to: listing, workspace)
        let routes = listing.routes.map { (method: $0.method, path: $0.path.description) }
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: AccessMiddleware(access: workspace.access))
        router.add(middleware: MethodNotAllowedMiddleware(routes: routes))
        if let folder = Bundle.module.resourceURL?.appendingPathComponent("Public").path {
            router.add(middleware: FileMiddleware(folder, urlBasePath: "/assets", searchForIndexHtml: false))
        }
        addRoutes(to: router, workspace)
        return router
    }

    static func addRoutes(to router: Router<BasicRequestContext>, _ workspace: Workspace) {
        HealthRoutes(workspace: workspace).add(to: router)
        OpenAPIRoutes().add(to: router)
        LoginRoutes(workspace: workspace).add(to: router)
        ScenarioRoutes(workspace: workspace).add(to: router)
        AnalysisRoutes(workspace: workspace).add(to: router)
        RunRoutes(workspace: workspace).add(to: router)
        TournamentRoutes(workspace: workspace).add(to: router)
        WhatIfRoutes(workspace: workspace).add(to: router)
        RoomRoutes(workspace: workspace).add(to: router)
        PageRoutes(workspace: workspace).add(to: router)
    }
}
