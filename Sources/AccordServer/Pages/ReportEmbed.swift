import Foundation

/// A report of Accord's (a whole HTML page with its own inline style and script) made into a fragment the
/// workspace can show under its strict Content-Security-Policy: the content of its `<main>`, without any
/// `<style>` or `<script>` block, its title demoted to a paragraph so the workspace page keeps its one `<h1>`.
enum ReportEmbed {
    /// The fragment of a report page; empty when the page has no `<main>`.
    static func body(ofReport html: String) -> String {
        guard let open = html.range(of: "<main>"), let close = html.range(of: "</main>", options: .backwards),
            open.upperBound <= close.lowerBound
        else { return "" }
        var fragment = String(html[open.upperBound..<close.lowerBound])
        for tag in ["script", "style"] { fragment = removing(tag, from: fragment) }
        return fragment.replacingOccurrences(of: "<h1>", with: "<p class=\"report-title\">")
            .replacingOccurrences(of: "</h1>", with: "</p>")
    }

    /// The text without any `<tag …>…</tag>` block.
    static func removing(_ tag: String, from text: String) -> String {
        var output = ""
        var rest = text[...]
        while let open = rest.range(of: "<\(tag)") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "</\(tag)>") else { return output }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }
}
