/// A field quoted as RFC 4180 requires: in double quotes, its quotes doubled, when it holds a comma, a double
/// quote, a carriage return or a line feed.
package func csvField(_ text: String) -> String {
    let needsQuotes = text.utf8.contains {
        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r")
    }
    guard needsQuotes else { return text }
    var quoted = "\""
    for character in text.unicodeScalars {
        if character == "\"" { quoted += "\"\"" } else { quoted.unicodeScalars.append(character) }
    }
    return quoted + "\""
}
