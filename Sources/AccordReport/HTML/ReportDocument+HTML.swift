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
    /// Tables wider than this many columns are transposed when they have few rows (see ``html()``).
    static let transposeColumns = 12
    /// The most rows a wide table may have to be transposed (they become its columns).
    static let transposeRows = 8

    /// The table as HTML that fits the page: text cells wrap (an identifier may break after each `_`), numbers stay
    /// on one line and align right, and every cell carries its column's header in `data-label`, so on a narrow
    /// screen the stylesheet shows each row as a card of `header: value` lines. A table with more than
    /// ``transposeColumns`` columns and at most ``transposeRows`` rows (many parties, few packages) is transposed:
    /// its columns become rows.
    func html() -> String {
        if header.count > Self.transposeColumns, !rows.isEmpty, rows.count <= Self.transposeRows {
            let (table, numericRows) = transposed()
            return table.html(class: "table transposed", numericRows: numericRows)
        }
        return html(class: "table", numericRows: [])
    }

    /// The table with rows and columns swapped (the first column becomes the header), and the rows that hold
    /// numbers: a transposed column mixes kinds, so only such a row keeps right alignment, cell by cell.
    func transposed() -> (table: TextTable, numericRows: Set<Int>) {
        let cell = { (row: [String], column: Int) in row.indices.contains(column) ? row[column] : "" }
        var table = TextTable([header[0]] + rows.map { cell($0, 0) }, rightAligned: [])
        for column in header.indices.dropFirst() {
            table.add([header[column]] + rows.map { cell($0, column) })
        }
        return (table, Set(header.indices.dropFirst().filter { rightAligned.contains($0) }.map { $0 - 1 }))
    }

    private func html(class name: String, numericRows: Set<Int>) -> String {
        func cell(_ tag: String, _ text: String, _ column: Int, row: Int?) -> String {
            let numeric = rightAligned.contains(column) || (row.map { numericRows.contains($0) && column > 0 } ?? false)
            var attributes = numeric ? " class=\"num\"" : text.count > 48 ? " class=\"wrap\"" : ""
            if tag == "td" { attributes += " data-label=\"\(xmlEscaped(header[column]))\"" }
            return "<\(tag)\(attributes)>\(Self.breakable(text))</\(tag)>"
        }
        let head = "<tr>" + header.enumerated().map { cell("th", $1, $0, row: nil) }.joined() + "</tr>"
        let body = rows.enumerated().map { r, row in
            "<tr>" + header.indices.map { cell("td", row.indices.contains($0) ? row[$0] : "", $0, row: r) }.joined()
                + "</tr>"
        }
        return "<div class=\"\(name)\"><table>\n<thead>\(head)</thead>\n<tbody>\n" + body.joined(separator: "\n")
            + "\n</tbody>\n</table></div>"
    }

    /// Escaped cell text with a line-break opportunity (`<wbr/>`) after every `_`, so identifiers such as
    /// `european_counterproposal` can wrap.
    static func breakable(_ text: String) -> String {
        xmlEscaped(text).replacingOccurrences(of: "_", with: "_<wbr/>")
    }
}
