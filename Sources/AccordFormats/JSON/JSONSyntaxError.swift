/// Why JSON text could not be read: where (1-based line and column, the column counted in characters) and a
/// clause saying what is wrong (`expected ',' or '}' in an object, found 'x'`).
package struct JSONSyntaxError: Error, Sendable, Equatable {
    package var line: Int
    package var column: Int
    package var message: String

    package init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }
}

extension JSONSyntaxError: CustomStringConvertible {
    /// `line 3, column 7: expected ':' after the key "a"`.
    package var description: String { "line \(line), column \(column): \(message)" }
}
