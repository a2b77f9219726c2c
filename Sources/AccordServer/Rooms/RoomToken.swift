import Crypto
import Foundation

/// Room credentials: random 256-bit tokens (`room_` and 43 base64url characters), shown once; the store keeps only
/// their SHA-256 hash.
enum RoomToken {
    /// A new token.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "room_"
            + Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 hash of a token, in lower-case hex.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }

    /// A random room id (128 bits, base32-like lower-case hex).
    static func roomID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
    }

    /// The name of the cookie that carries a room's credential in a browser.
    static func cookieName(room: String) -> String { "accord_room_" + room }
}
