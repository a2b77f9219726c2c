extension JSONValue {
    /// The deepest nesting of arrays and objects the parser follows before refusing (a guard against input built to
    /// exhaust the stack).
    package static let maximumDepth = 256

    /// Parses UTF-8 JSON text (RFC 8259). A UTF-8 byte-order mark is skipped; anything but whitespace after the
    /// value is an error, as is a repeated key in one object or nesting deeper than ``maximumDepth``. Objects keep
    /// their members' order, and every number is read as ``numberText(_:)``, its exact text.
    ///
    /// - Throws: ``JSONSyntaxError`` with the line and column of the first problem.
    /// - Complexity: O(n) in the number of bytes.
    package init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes)
        self = try parser.document()
    }

    /// Parses JSON text; see ``init(parsing:)-(Array<UInt8>)``.
    package init(parsing text: String) throws(JSONSyntaxError) {
        try self.init(parsing: Array(text.utf8))
    }
}
