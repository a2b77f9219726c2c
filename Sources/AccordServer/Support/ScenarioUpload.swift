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

    /// The Accord YAML of uploaded GENIUS (`.xml`) or GeniusWeb (`.json`) files (an uploaded Accord file is read as
    /// one too).
    static func imported(_ parts: [MultipartForm.Part]) throws -> ScenarioUpload {
        let files = parts.filter { $0.filename != nil }
        guard files.count >= 2 else {
            throw Problem.badRequest("send a domain file and one profile file per party (found \(files.count) files).")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-upload-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        var names: Set<String> = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (index, part) in files.enumerated() {
                var name = MultipartForm.safeName(part.filename ?? "", index: index)
                if !names.insert(name).inserted { name = "\(index)-\(name)" }
                let path = folder.appendingPathComponent(name).path
                try Data(part.body).write(to: URL(fileURLWithPath: path))
                paths.append(path)
            }
        } catch {
            throw Problem(.internalServerError, "the uploaded files could not be kept for import: \(error).")
        }
        // The files are read as `accord convert` reads them: one format, a domain and its profiles.
        let scenario = try ConversionInput.load(paths).scenario
        guard let text = try ConversionTarget.accordYAML.export(scenario).files.first?.text else {
            throw Problem(.internalServerError, "the imported scenario could not be written as Accord YAML.")
        }
        return ScenarioUpload(text: text, format: "yaml", file: "upload")
    }
}
