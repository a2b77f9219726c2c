import AccordKit
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An HTTP error answered as `application/problem+json` (RFC 9457): a status, a short title, and the detail — the
/// same sentence the CLI prints for the same mistake — with any extra members (such as a scenario's `problems`).
struct Problem: Error, Sendable {
    var status: HTTPResponse.Status
    var detail: String
    var extra: [(String, JSONValue)]

    init(_ status: HTTPResponse.Status, _ detail: String, extra: [(String, JSONValue)] = []) {
        self.status = status
        self.detail = Echo.bounded(detail)
        self.extra = extra
    }

    /// A bad request (400) whose detail is the sentence.
    static func badRequest(_ detail: String) -> Problem { Problem(.badRequest, detail) }

    /// A missing resource (404).
    static func notFound(_ detail: String) -> Problem { Problem(.notFound, detail) }

    /// The problem document.
    var document: JSONValue {
        let members: [(String, JSONValue)] = [
            ("type", .string("about:blank")), ("title", .string(status.reasonPhrase)), ("status", .int(status.code)),
            ("detail", .string(detail)),
        ]
        return .object(members + extra)
    }

    /// The response.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"accord\"" }
        return Response(
            status: status, headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(string: document.serialized(indent: 2) + "\n")))
    }

    /// The problem an error thrown by a route or by the engine answers with: Accord's bad-input errors are 422
    /// (the request was well-formed, its content is not), a failed run 500, and Hummingbird's errors keep their
    /// status.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let error as BodyError: return Problem(.badRequest, error.detail)
        case is NIOTooManyBytesError: return Problem(.contentTooLarge, sentence(for: .contentTooLarge))
        case let error as HTTPError:
            return Problem(error.status, error.body ?? Self.sentence(for: error.status))
        case let error as RoomError:
            let status: HTTPResponse.Status =
                switch error.kind {
                case .invalid: .unprocessableContent
                case .conflict: .conflict
                case .forbidden: .forbidden
                case .notFound: .notFound
                }
            return Problem(
                status, error.sentence,
                extra: error.problems.isEmpty ? [] : [("problems", .array(error.problems.map(\.json)))])
        case let error as StoreError:
            if case .unavailable = error { return Problem(.serviceUnavailable, error.sentence) }
            return Problem(error.exitStatus == .badInput ? .unprocessableContent : .internalServerError, error.sentence)
        case let error as any AccordError:
            return Problem(error.exitStatus == .badInput ? .unprocessableContent : .internalServerError, error.sentence)
        default:
            return Problem(.internalServerError, "the server failed: \(error)")
        }
    }

    private static func sentence(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 404: "there is nothing at this address."
        case 405: "this address does not take that method."
        case 413: "the request body is larger than the server accepts."
        default: status.reasonPhrase + "."
        }
    }
}
