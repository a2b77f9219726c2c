extension JSONValue {
    /// YAML (or JSON) text as a JSON value, read with the guards of every Accord document (the alias-bomb budget,
    /// repeated keys refused): mappings keep their order and every scalar is a string, as the document readers see
    /// it — so the value written as JSON and read again by a reader (a tournament specification, say) means what
    /// the text meant.
    ///
    /// - Throws: the ``ScenarioError`` a reader gives for the same text named `file` (its line and the mistake).
    package init(yamlDocument text: String, file: String) throws(ScenarioError) {
        do {
            self = Self.value(of: try DocumentNode.parse(yaml: text))
        } catch {
            throw ScenarioError.unparsable(error, file: file)
        }
    }

    private static func value(of node: DocumentNode) -> JSONValue {
        switch node.value {
        case .null: .null
        case .scalar(let text): .string(text)
        case .list(let items): .array(items.map(value(of:)))
        case .map(let entries): .object(entries.map { (key: $0.key, value: value(of: $0.value)) })
        }
    }
}
