/// The shell of Accord's HTML reports: one self-contained page (inline CSS, no scripts, no external assets) that
/// is also well-formed XML once the doctype line is removed.
public enum HTMLPage {
    static let style = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; color: #1a1a1a;
          background: #ffffff; margin: 0; line-height: 1.45; font-size: 15px; }
        main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
        h1 { font-size: 26px; margin: 8px 0 4px; }
        h2 { font-size: 20px; margin: 36px 0 8px; padding-bottom: 4px; border-bottom: 2px solid #e3e3e3; }
        nav ol { columns: 3; font-size: 14px; padding-left: 20px; }
        .table { overflow-x: auto; margin: 8px 0 12px; }
        table { border-collapse: collapse; font-size: 13.5px; }
        th, td { padding: 4px 10px; border-bottom: 1px solid #e3e3e3; text-align: left; vertical-align: top; }
        th, td { white-space: nowrap; }
        td.wrap { white-space: normal; min-width: 300px; }
        th { background: #f3f3f3; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tbody tr:nth-child(even) { background: #fafafa; }
        figure { margin: 18px 0 8px; overflow-x: auto; }
        figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 14px; color: #444444; max-width: 900px; margin-top: 6px; }
        pre { font-size: 13px; overflow-x: auto; }
        footer { margin-top: 40px; font-size: 13px; color: #666666; }
        """

    /// A complete page around body markup (already escaped).
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(xmlEscaped(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    /// A minimal page showing preformatted text under a title: the HTML form of the reports that have no charts
    /// (`accord validate`, `accord scenarios`).
    public static func preformatted(title: String, text: String) -> String {
        page(title: title, body: "<h1>\(xmlEscaped(title))</h1>\n<pre>\(xmlEscaped(text))</pre>")
    }
}
