import Crypto
import Foundation

/// The server's key for what rooms keep sealed (preferences and secret acceptances): AES-256-GCM, kept outside the
/// database — in `ACCORD_ROOM_KEY` (32 bytes, base64), or in a key file (created with mode 0600 the first time a
/// room needs it: by default beside the SQLite database, `<database>.room-key`, or `accord-room.key` in the working
/// folder for PostgreSQL; `ACCORD_ROOM_KEY_FILE` names another). Whoever holds the key and the database can read
/// every preference: the operator can.
struct RoomKey: Sendable {
    private let key: SymmetricKey

    init(key: SymmetricKey) {
        self.key = key
    }

    /// The key from the environment's `ACCORD_ROOM_KEY`, or from the file (created when missing).
    static func load(file: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> RoomKey
    {
        if let text = environment["ACCORD_ROOM_KEY"], !text.isEmpty {
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32
            else { throw Problem(.internalServerError, "ACCORD_ROOM_KEY must be 32 bytes in base64.") }
            return RoomKey(key: SymmetricKey(data: data))
        }
        if let text = try? String(contentsOfFile: file, encoding: .utf8) {
            guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32
            else { throw Problem(.internalServerError, "the room key file '\(file)' does not hold a 32-byte key.") }
            return RoomKey(key: SymmetricKey(data: data))
        }
        let key = SymmetricKey(size: .bits256)
        let text = key.withUnsafeBytes { Data($0).base64EncodedString() } + "\n"
        let created = FileManager.default.createFile(
            atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw Problem(.internalServerError, "cannot create the room key file '\(file)'.") }
        return RoomKey(key: key)
    }

    /// Seals text, bound to where it belongs (`room/kind/party` as authenticated data): a sealed value moved to
    /// another room or party does not open.
    func seal(_ text: String, binding: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(text.utf8), using: key, authenticating: Data(binding.utf8)).combined
        else { throw Problem(.internalServerError, "a room secret could not be sealed.") }
        return combined
    }

    /// Opens sealed text; throws when the key, the binding or the bytes are wrong.
    func open(_ sealed: Data, binding: String) throws -> String {
        let box = try AES.GCM.SealedBox(combined: sealed)
        let data = try AES.GCM.open(box, using: key, authenticating: Data(binding.utf8))
        return String(decoding: data, as: UTF8.self)
    }
}
