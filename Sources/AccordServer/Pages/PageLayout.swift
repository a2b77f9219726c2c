import AccordReport
import Hummingbird

/// The frame every workspace page shares: the document head (the one style sheet, the page's script modules),
/// a skip link, the navigation and the main landmark. Pages pass their body as HTML whose dynamic text they have
/// escaped with `xmlEscaped(_:)` (AccordReport); the layout adds no inline script or style, so the strict
/// Content-Security-Policy holds.
enum PageLayout {
    /// A section of the navigation, marked as the current one on its pages.
    enum Section: String, CaseIterable {
        case scenarios, runs, forecast, tournament, rooms

        var title: String {
            switch self {
            case .scenarios: "Scenarios"
            case .runs: "Runs"
            case .forecast: "Forecast"
            case .tournament: "Tournament"
            case .rooms: "New room"
            }
        }

        var path: String {
            switch self {
            case .scenarios: "/"
            case .rooms: "/rooms/new"
            default: "/" + rawValue
            }
        }
    }

    /// The whole HTML document.
    ///
    /// - Parameters:
    ///   - title: the page's title, plain text (escaped here).
    ///   - section: the navigation entry to mark as current.
    ///   - body: the content of `<main>`, already escaped.
    ///   - scripts: names of modules under `/assets/js/`, loaded with `type="module"`.
    static func document(title: String, section: Section?, body: String, scripts: [String] = []) -> String {
        let links = Section.allCases.map { entry in
            let current = entry == section ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(entry.path)\"\(current)>\(entry.title)</a></li>"
        }
        let modules = scripts.map { "<script type=\"module\" src=\"/assets/js/\(xmlEscaped($0)).js\"></script>" }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(xmlEscaped(title)) · Accord</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            \(modules.joined(separator: "\n"))
            </head>
            <body>
            <a class="skip" href="#main">Skip to the content</a>
            <header class="top"><a class="brand" href="/">Accord</a>
            <nav aria-label="Workspace"><ul>\(links.joined())</ul></nav></header>
            <main id="main">
            \(body)
            </main>
            </body></html>

            """
    }

    /// The document as an HTML response.
    static func response(title: String, section: Section?, body: String, scripts: [String] = []) -> Response {
        .text(
            document(title: title, section: section, body: body, scripts: scripts),
            contentType: "text/html; charset=utf-8")
    }
}
