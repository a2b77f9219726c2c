import AccordKit
import Foundation
import Hummingbird
import Yams

/// `GET /openapi.yaml` and `GET /openapi.json`: the API's OpenAPI 3.1 document (docs/openapi.yaml), as written and
/// as JSON.
struct OpenAPIRoutes {
    /// The document's YAML text, from the server's resources.
    static let yaml: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml", subdirectory: "Public"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()

    /// The document as JSON, converted once.
    static let json: String = {
        guard let node = try? Yams.compose(yaml: yaml) else { return "{}" }
        return OpenAPIRoutes.value(of: node).serialized(indent: 2) + "\n"
    }()

    func add(to router: Router<some RequestContext>) {
        router.get("openapi.yaml") { _, _ in Response.text(Self.yaml, contentType: "application/yaml") }
        router.get("openapi.json") { _, _ in Response.text(Self.json, contentType: "application/json") }
    }

    /// A YAML node as JSON: mappings keep their order; plain scalars that read as numbers or booleans become them.
    static func value(of node: Node) -> JSONValue {
        switch node {
        case .mapping(let mapping):
            return .object(mapping.map { (key: $0.key.string ?? "", value: value(of: $0.value)) })
        case .sequence(let sequence): return .array(sequence.map(value(of:)))
        case .scalar(let scalar):
            guard scalar.style == .plain else { return .string(scalar.string) }
            if let int = Int(scalar.string) { return .int(int) }
            if let bool = Bool.construct(from: scalar) { return .bool(bool) }
            if scalar.string == "null" || scalar.string == "~" { return .null }
            if let double = Double(scalar.string), scalar.string.contains(".") { return .number(double) }
            return .string(scalar.string)
        case .alias: return .null
        }
    }
}
