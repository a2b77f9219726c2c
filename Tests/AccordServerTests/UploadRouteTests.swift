import AccordKit
import AccordServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// GENIUS and GeniusWeb files uploaded as multipart/form-data are imported and stored as Accord YAML.
@Suite struct UploadRouteTests {
    static func multipart(_ files: [ScenarioExport.File], boundary: String) -> String {
        var body = ""
        for (index, file) in files.enumerated() {
            body +=
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\(index)\"; filename=\"\(file.name)\"\r\n"
            body += "Content-Type: application/octet-stream\r\n\r\n\(file.text)\r\n"
        }
        return body + "--\(boundary)--\r\n"
    }

    @Test(arguments: [ConversionTarget.genius, .geniusweb])
    func exportedFilesUploadedAsMultipartGiveTheSameAnalysis(target: ConversionTarget) async throws {
        let original = try ScenarioSource.bundled("job-offer").scenario()
        let files = try target.export(original).files
        // What the command line gets from the same files: imported from a folder, written as Accord YAML.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("accord-upload-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            try file.text.write(to: folder.appendingPathComponent(file.name), atomically: true, encoding: .utf8)
        }
        let scenario =
            target == .genius
            ? try GeniusImporter.scenario(folderPath: folder.path)
            : try GeniusWebImporter.scenario(folderPath: folder.path)
        let yaml = try #require(try ScenarioWriter.yaml(scenario).files.first?.text)
        let expected = try JSONValue(
            parsing: try await AnalysisRequest(source: .text(yaml, file: "x.yaml"), sensitivityLimit: 0).run().render(
                .json))
        let boundary = "accord-test-boundary"
        try await TestServer.withClient { client in
            let id = try await client.execute(
                uri: "/api/v1/scenarios", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(boundary)"],
                body: ByteBuffer(string: Self.multipart(files, boundary: boundary))
            ) { response in
                #expect(response.status == .created, "\(TestServer.text(response))")
                let document = try TestServer.json(response)
                #expect(document["format"] == .string("yaml"))
                guard case .string(let id)? = document["id"] else { throw TestFailure("no id") }
                return id
            }
            try await client.execute(
                uri: "/api/v1/scenarios/\(id)/analyses", method: .post,
                body: ByteBuffer(string: #"{"sensitivityLimit": 0}"#)
            ) { response in
                #expect(response.status == .created)
                let result = try TestServer.json(response)["result"]
                #expect(result?["outcomeCount"] == expected["outcomeCount"])
                #expect(result?["solutions"]?["nash"]?["utilities"] == expected["solutions"]?["nash"]?["utilities"])
                guard case .array(let pareto)? = result?["pareto"], case .array(let original)? = expected["pareto"]
                else {
                    throw TestFailure("no pareto")
                }
                #expect(pareto.count == original.count)
            }
        }
    }

    @Test(arguments: [
        ("text/plain", "hello", 415),
        ("multipart/form-data", "--x--", 400),
        (
            "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnot a file\r\n--x--\r\n", 400
        ),
        (
            "multipart/form-data; boundary=x",
            "--x\r\nContent-Disposition: form-data; name=\"a\"; filename=\"d.xml\"\r\n\r\n<oops\r\n--x\r\n"
                + "Content-Disposition: form-data; name=\"b\"; filename=\"p.xml\"\r\n\r\n<oops\r\n--x--\r\n", 422
        ),
    ])
    func aBadUploadIsOneSentence(contentType: String, body: String, status: Int) async throws {
        try await TestServer.withClient { client in
            try await client.execute(
                uri: "/api/v1/scenarios", method: .post, headers: [.contentType: contentType],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status.code == status, "\(TestServer.text(response))")
                guard case .string(let detail)? = try TestServer.json(response)["detail"] else {
                    throw TestFailure("no detail")
                }
                #expect(!detail.contains("\n") && detail.count < 400, "\(detail)")
            }
        }
    }
}
