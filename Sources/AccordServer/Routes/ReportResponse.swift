import AccordKit
import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A stored report as a response: the CLI's bytes with their media type. An HTML report carries its own styles
/// and scripts inline; its Content-Security-Policy allows exactly those blocks by their SHA-256 hashes (no
/// `unsafe-inline`) and nothing from elsewhere.
enum ReportResponse {
    static func make(_ body: String, format: ReportFormat, id: String) -> Response {
        let contentType =
            switch format {
            case .json: "application/json"
            case .html: "text/html; charset=utf-8"
            case .markdown: "text/markdown; charset=utf-8"
            case .text: "text/plain; charset=utf-8"
            }
        var response = Response.text(body, contentType: contentType)
        if format == .html { response.headers[.contentSecurityPolicy] = policy(for: body) }
        return response
    }

    /// The policy that lets the page's own inline `<style>` and `<script>` blocks run and nothing else.
    static func policy(for html: String) -> String {
        let styles = hashes(of: "style", in: html).map { "'sha256-\($0)'" }
        let scripts = hashes(of: "script", in: html).map { "'sha256-\($0)'" }
        return
            "default-src 'none'; img-src data:; style-src \(styles.isEmpty ? "'none'" : styles.joined(separator: " ")); "
            + "script-src \(scripts.isEmpty ? "'none'" : scripts.joined(separator: " ")); base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'"
    }

    /// The base64 SHA-256 of the content of each `<tag>…</tag>` block.
    static func hashes(of tag: String, in html: String) -> [String] {
        var result: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(tag)") {
            guard let headEnd = rest[open.upperBound...].firstIndex(of: ">"),
                let close = rest[headEnd...].range(of: "</\(tag)>")
            else { break }
            let content = rest[rest.index(after: headEnd)..<close.lowerBound]
            result.append(Data(SHA256.hash(data: Data(content.utf8))).base64EncodedString())
            rest = rest[close.upperBound...]
        }
        return Array(Set(result)).sorted()
    }
}
