import AccordKit
import AccordStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AccordServer

/// docs/openapi.yaml and the router agree: every route of the API is in the document and every operation in the
/// document is a route.
@Suite struct OpenAPIDocumentTests {
    /// The API's routes as `METHOD /path/{param}` (pages, the login form and static files are not the API).
    static func routerOperations() throws -> Set<String> {
        let workspace = Workspace(configuration: ServerConfiguration(), store: try SQLiteStore())
        let router = AccordServerApplication.buildRouter(workspace)
        return Set(
            router.routes.compactMap { route -> String? in
                let path =
                    "/"
                    + route.path.description.split(separator: "/").map { component in
                        component.hasPrefix(":") ? "{\(component.dropFirst())}" : String(component)
                    }.joined(separator: "/")
                let isAPI = path.hasPrefix("/api/") || path == "/health" || path.hasPrefix("/openapi.")
                return isAPI ? "\(route.method.rawValue) \(path)" : nil
            })
    }

    /// The operations the document describes, as `METHOD /path`.
    static func documentOperations() throws -> Set<String> {
        let document = try JSONValue(parsing: OpenAPIRoutes.json)
        guard case .object(let paths)? = document["paths"] else { throw TestFailure("no paths") }
        let methods: Set = ["get", "put", "post", "delete", "patch", "head", "options"]
        return Set(
            paths.flatMap { path -> [String] in
                guard case .object(let operations) = path.value else { return [] }
                return operations.filter { methods.contains($0.key) }.map { "\($0.key.uppercased()) \(path.key)" }
            })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let routes = try Self.routerOperations()
        let documented = try Self.documentOperations()
        #expect(
            routes.subtracting(documented).isEmpty,
            "routes missing from docs/openapi.yaml: \(routes.subtracting(documented).sorted())")
        #expect(
            documented.subtracting(routes).isEmpty,
            "documented routes that do not exist: \(documented.subtracting(routes).sorted())")
        #expect(documented.count >= 19)
    }

    @Test func theDocumentIsServedAsWrittenAndAsJSON() async throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/openapi.yaml")
        let yaml = try String(contentsOf: source, encoding: .utf8)
        try await TestServer.withClient { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(TestServer.text(response) == yaml)
            }
            try await client.execute(uri: "/openapi.json", method: .get) { response in
                let document = try TestServer.json(response)
                #expect(document["openapi"] == .string("3.1.0"))
                #expect(document["info"]?["version"] == .string("1"))
            }
        }
    }
}
