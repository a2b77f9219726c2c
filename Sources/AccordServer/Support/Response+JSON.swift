import AccordKit
import HTTPTypes
import Hummingbird

extension Response {
    /// A JSON response (two-space indented, a final newline).
    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        text(value.serialized(indent: 2) + "\n", contentType: "application/json", status: status)
    }

    /// A JSON response whose body is already JSON text.
    static func jsonText(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Self.text(text.hasSuffix("\n") ? text : text + "\n", contentType: "application/json", status: status)
    }

    /// A JSON response whose body is these bytes of JSON text, followed by a final newline.
    static func jsonBytes(_ bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        var buffer = ByteBuffer()
        buffer.reserveCapacity(bytes.count + 1)
        buffer.writeBytes(bytes)
        buffer.writeInteger(UInt8(ascii: "\n"))
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// A response with the text as its body.
    static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

extension Request {
    /// The body as UTF-8 text, at most `limit` bytes (a 413 beyond).
    mutating func text(limit: Int) async throws -> String {
        let buffer = try await collectBody(upTo: limit)
        guard let text = buffer.getString(at: buffer.readerIndex, length: buffer.readableBytes) else {
            throw Problem.badRequest("the request body is not UTF-8 text.")
        }
        return text
    }

    /// The media type of the body, in lower case without parameters.
    var mediaType: String {
        (headers[.contentType] ?? "").split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        } ?? ""
    }
}
