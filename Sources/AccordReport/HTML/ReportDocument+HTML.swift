extension ReportDocument {
    /// The document as HTML: the title as `<h1>`, then one `<section>` per heading, tables as `<table>`.
    ///
    /// - Parameter extra: HTML to add at the end of the section with the given heading (the charts), or `nil`.
    /// - Returns: the body markup and the sections in order (id and heading), for a table of contents.
    func html(extra: (String) -> String?) -> (body: String, sections: [(id: String, heading: String)]) {
        var body = ""
        var sections: [(id: String, heading: String)] = []
        var open: String?
        func close() {
            guard let heading = open else { return }
            if let figure = extra(heading) { body += figure + "\n" }
            body += "</section>\n"
            open = nil
        }
        for block in blocks {
            switch block {
            case .title(let text): body += "<h1>\(xmlEscaped(text))</h1>\n"
            case .heading(let text):
                close()
                let id = Self.anchor(text)
                sections.append((id, text))
                body += "<section id=\"\(id)\">\n<h2>\(xmlEscaped(text))</h2>\n"
                open = text
            case .paragraph(let text): body += "<p>\(xmlEscaped(text))</p>\n"
            case .table(let table): body += table.html() + "\n"
            case .bullets(let items):
                body += "<ul>\n" + items.map { "<li>\(xmlEscaped($0))</li>\n" }.joined() + "</ul>\n"
            }
        }
        close()
        return (body, sections)
    }

    /// A fragment identifier for a heading: `Position gaps` becomes `position-gaps`.
    static func anchor(_ heading: String) -> String {
        var id = ""
        for character in heading.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                id.append(character)
            } else if !id.isEmpty && !id.hasSuffix("-") {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        return id.isEmpty ? "section" : id
    }
}

extension TextTable {
    /// The table as HTML, numbers right-aligned, inside a horizontally scrolling box for wide tables.
    func html() -> String {
        func cell(_ tag: String, _ text: String, _ column: Int) -> String {
            // Numbers align right; long text (a whole package, a list of red lines) may wrap.
            let style = rightAligned.contains(column) ? " class=\"num\"" : text.count > 48 ? " class=\"wrap\"" : ""
            return "<\(tag)\(style)>\(xmlEscaped(text))</\(tag)>"
        }
        let head = "<tr>" + header.enumerated().map { cell("th", $1, $0) }.joined() + "</tr>"
        let body = rows.map { row in
            "<tr>" + header.indices.map { cell("td", row.indices.contains($0) ? row[$0] : "", $0) }.joined() + "</tr>"
        }
        return "<div class=\"table\"><table>\n<thead>\(head)</thead>\n<tbody>\n" + body.joined(separator: "\n")
            + "\n</tbody>\n</table></div>"
    }
}
