import HTTPTypes
import Hummingbird
import Synchronization

/// The server's access token and the sessions its login form opened. Tokens are compared in constant time; a
/// session is a random 256-bit id kept in memory only (a restart signs everyone out), never the token itself.
final class AccessControl: Sendable {
    /// The name of the session cookie.
    static let cookieName = "accord_session"

    private let token: [UInt8]?
    private let sessions = Mutex<Set<String>>([])

    init(token: String?) {
        self.token = token.map { Array($0.utf8) }
    }

    /// Whether requests need the token.
    var isRequired: Bool { token != nil }

    /// Whether the request carries the token or an open session.
    func allows(_ request: Request) -> Bool {
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            return matches(String(header.dropFirst("Bearer ".count)))
        }
        if let session = request.cookies[Self.cookieName]?.value {
            return sessions.withLock { $0.contains(session) }
        }
        return false
    }

    /// Whether a presented token is the server's, compared in time independent of where they differ.
    func matches(_ presented: String) -> Bool {
        guard let token else { return true }
        let bytes = Array(presented.utf8)
        var difference = UInt8(bytes.count == token.count ? 0 : 1)
        for index in token.indices {
            difference |= token[index] ^ (index < bytes.count ? bytes[index] : 0)
        }
        return difference == 0
    }

    /// Opens a session and returns its id.
    func openSession() -> String {
        var generator = SystemRandomNumberGenerator()
        let id = (0..<4).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
        sessions.withLock { _ = $0.insert(id) }
        return id
    }
}
