import AccordKit
import Foundation
import Hummingbird

/// A scenario sent to the server: Accord YAML or JSON as the body, or GENIUS / GeniusWeb files as
/// `multipart/form-data` (a domain and one profile per party, any field names), imported and kept as Accord YAML.
struct ScenarioUpload: Sendable {
    var text: String
    var format: String
    /// The name used in messages.
    var file: String

    static func read(_ request: Request, limit: Int) async throws -> ScenarioUpload {
        var request = request
        let mediaType = request.mediaType
        switch mediaType {
        case "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml":
            return ScenarioUpload(text: try await request.text(limit: limit), format: "yaml", file: "scenario.yaml")
        case "application/json":
            return ScenarioUpload(text: try await request.text(limit: limit), format: "json", file: "scenario.json")
        case "multipart/form-data":
            let boundary = try MultipartForm.boundary(of: request.headers[.contentType] ?? "")
            let buffer = try await request.collectBody(upTo: limit)
            let parts = try MultipartForm.parts(of: Array(buffer.readableBytesView), boundary: boundary)
            return try imported(parts)
        default:
            throw Problem(
                .unsupportedMediaType,
                "send a scenario as application/yaml or application/json, or GENIUS or GeniusWeb files as "
                    + "multipart/form-data (found '\(mediaType.cut())').")
        }
    }

    /// The Accord YAML of uploaded GENIUS (`.xml`) or GeniusWeb (`.json`) files.
    static func imported(_ parts: [MultipartForm.Part]) throws -> ScenarioUpload {
        let files = parts.filter { $0.filename != nil }
        guard files.count >= 2 else {
            throw Problem.badRequest("send a domain file and one profile file per party (found \(files.count) files).")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-upload-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, part) in files.enumerated() {
                let name = MultipartForm.safeName(part.filename ?? "", index: index)
                try Data(part.body).write(to: folder.appendingPathComponent(name))
            }
        } catch {
            throw Problem(.internalServerError, "the uploaded files could not be kept for import: \(error).")
        }
        let isGeniusWeb = files.allSatisfy { ($0.filename ?? "").lowercased().hasSuffix(".json") }
        let scenario: Scenario =
            isGeniusWeb
            ? try GeniusWebImporter.scenario(folderPath: folder.path)
            : try GeniusImporter.scenario(folderPath: folder.path)
        let export = try ScenarioWriter.yaml(scenario)
        guard let text = export.files.first?.text else {
            throw Problem(.internalServerError, "the imported scenario could not be written as Accord YAML.")
        }
        return ScenarioUpload(text: text, format: "yaml", file: isGeniusWeb ? "geniusweb" : "genius")
    }
}
