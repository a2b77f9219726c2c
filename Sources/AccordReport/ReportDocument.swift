/// A report as a list of blocks, rendered either as terminal text or as Markdown, so both say the same.
struct ReportDocument {
    enum Block {
        case title(String)
        case heading(String)
        case paragraph(String)
        case table(TextTable)
        case bullets([String])
    }

    var blocks: [Block] = []

    mutating func title(_ text: String) { blocks.append(.title(text)) }
    mutating func heading(_ text: String) { blocks.append(.heading(text)) }
    mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
    mutating func table(_ table: TextTable) { blocks.append(.table(table)) }
    mutating func bullets(_ items: [String]) { if !items.isEmpty { blocks.append(.bullets(items)) } }

    func text() -> String {
        blocks.map { block in
            switch block {
            case .title(let text): text + "\n" + String(repeating: "═", count: text.count)
            case .heading(let text): text + "\n" + String(repeating: "─", count: text.count)
            case .paragraph(let text): text
            case .table(let table): table.render()
            case .bullets(let items): items.map { "  • " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }

    func markdown() -> String {
        blocks.map { block in
            switch block {
            case .title(let text): "# " + text
            case .heading(let text): "## " + text
            case .paragraph(let text): text
            case .table(let table): table.markdown()
            case .bullets(let items): items.map { "- " + $0 }.joined(separator: "\n")
            }
        }.joined(separator: "\n\n") + "\n"
    }
}
