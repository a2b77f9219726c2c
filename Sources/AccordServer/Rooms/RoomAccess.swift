import AccordKit
import AccordStore
import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Who a room request comes from: the room credential it carries — `Authorization: Bearer <room token>`, or the
/// room's cookie that an invitation link set — resolved to a role of that room.
///
/// A missing, unknown or revoked credential is 401; a valid credential of another room is 403 (whether or not the
/// room asked for exists, so a credential does not probe for rooms). Failed credentials are counted per room:
/// slowed, then refused with 429 (``RoomCredentialLimits``). The server's access token is not a room credential.
final class RoomAccess: Sendable {
    private struct Failures {
        var count: Int
        var last: ContinuousClock.Instant
    }

    private let limits: RoomCredentialLimits
    private let failures = Mutex<[String: Failures]>([:])

    init(limits: RoomCredentialLimits) {
        self.limits = limits
    }

    /// The token a request presents for a room: the bearer token, else the room's cookie.
    static func presentedToken(_ request: Request, room: String) -> String? {
        if let header = request.headers[.authorization] {
            guard header.hasPrefix("Bearer ") else { return "" }
            return String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)
        }
        return request.cookies[RoomToken.cookieName(room: room)]?.value
    }

    /// The role the request's credential gives in the room.
    func role(of request: Request, room: String, store: any RoomStore) async throws -> RoomRole {
        guard let token = Self.presentedToken(request, room: room) else {
            throw Problem(
                .unauthorized, "this room asks for its credential: send 'Authorization: Bearer <room token>'.")
        }
        return try await role(token: token, room: room, store: store)
    }

    /// The role a token gives in the room, or the 401/403/429 problem.
    func role(token: String, room: String, store: any RoomStore) async throws -> RoomRole {
        if !token.isEmpty, let credential = try await store.roomCredential(hash: RoomToken.hash(token)),
            credential.revokedAt == nil, let role = RoomRole(credential.role)
        {
            guard credential.room == room else {
                throw Problem(.forbidden, "this credential belongs to another room.")
            }
            return role
        }
        let count = recordFailure(room: room)
        if count > limits.refuseAfter {
            throw Problem(
                .tooManyRequests, "too many failed credentials for this room; wait \(Int(limits.window)) seconds.")
        }
        if count > limits.slowAfter {
            let seconds = min(2, limits.delay * Double(count - limits.slowAfter))
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        }
        throw Problem(.unauthorized, "the room credential is not valid (unknown, revoked or mistyped).")
    }

    /// Counts a failure for the room and returns the count within the window.
    private func recordFailure(room: String) -> Int {
        let now = ContinuousClock.now
        return failures.withLock { table in
            var entry = table[room] ?? Failures(count: 0, last: now)
            if now - entry.last > .milliseconds(Int(limits.window * 1000)) { entry.count = 0 }
            entry.count += 1
            entry.last = now
            if table.count > 10_000 { table.removeAll() }
            table[room] = entry
            return entry.count
        }
    }
}
