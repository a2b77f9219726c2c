/// One element of a GENIUS XML file as ``GeniusXMLReader`` leaves it: a name, attributes and child elements.
///
/// Text content is not kept (GENIUS files carry everything in attributes). Names and values are exactly the
/// characters of the file: no entity is decoded and no whitespace normalised.
package struct GeniusXMLElement: Sendable, Hashable {
    /// One attribute, as written.
    package struct Attribute: Sendable, Hashable {
        package var name: String
        package var value: String

        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The tag name, such as `issue`.
    package var name: String
    /// The attributes in the order they are written (a repeated name appears twice; lookups take the last).
    package var attributes: [Attribute]
    /// The child elements, in document order.
    package var children: [GeniusXMLElement]
    /// The 1-based line of the start tag.
    package var line: Int

    package init(name: String, attributes: [Attribute] = [], children: [GeniusXMLElement] = [], line: Int = 1) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    /// The value of an attribute; when the name is repeated, the last one wins, as in GENIUS.
    package subscript(attribute name: String) -> String? {
        attributes.last { $0.name == name }?.value
    }

    /// The direct children with this tag name, in document order.
    package func children(named name: String) -> [GeniusXMLElement] {
        children.filter { $0.name == name }
    }

    /// The first direct child with this tag name.
    package func firstChild(named name: String) -> GeniusXMLElement? {
        children.first { $0.name == name }
    }

    /// A short rendering for messages: the tag with its identifying attributes, such as
    /// `<issue index="3" name="Price">`; a long value is cut (see ``geniusShown(_:)``).
    package var tag: String {
        let shown = attributes.filter { ["index", "name", "value"].contains($0.name) }
        return "<\(name)" + shown.map { " \($0.name)=\"\(geniusShown($0.value))\"" }.joined() + ">"
    }
}

/// A value as a message shows it: whole up to 40 characters, else its first 39 and "…", so that a huge value in a
/// file does not flood the error output.
func geniusShown(_ text: String) -> String {
    text.count <= 40 ? text : text.prefix(39) + "…"
}
