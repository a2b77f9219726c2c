import Foundation

/// An exclusive lock on a tournament's results folder while a run writes it: `flock` on `.lock` in the folder,
/// which holds the locking process's id so that a second run is refused with a sentence naming the first.
///
/// The kernel releases the lock when the process ends, however it ends, so a killed run never leaves a stale lock.
/// On a file system that cannot lock, the run goes on unlocked.
/// A supervised worker writes under its supervisor's lock (``Supervisor/supervisorVariable``).
final class ResultsFolderLock: Sendable {
    /// The lock file's descriptor, open until ``release()`` or deinitialisation.
    private let descriptor: Int32

    /// The lock file's name inside the folder (hidden, so that an empty folder stays empty to the user).
    static let fileName = ".lock"

    /// Takes the lock on `folder`, or throws ``RequestError`` naming the process that holds it.
    init(folder: String) throws {
        let path = folder + "/" + Self.fileName
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw IOFailure("cannot open the lock file '\(path)'", error: POSIXError(.init(rawValue: errno) ?? .EIO))
        }
        // A file system without locks (some network mounts: ENOLCK, EOPNOTSUPP) runs unlocked, as before.
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 || errno != EWOULDBLOCK else {
            let holder = Self.holder(descriptor)
            close(descriptor)
            throw RequestError(
                "\(folder) is being written by another run (process \(holder)); wait for it to end, or choose another "
                    + "--out folder")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The process id written in the lock file, or `unknown`.
    private static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        let text = String(decoding: buffer.prefix(max(0, count)), as: UTF8.self).trimmingCharacters(in: .whitespaces)
        let digits = text.prefix { $0.isNumber }
        return digits.isEmpty ? "unknown" : String(digits)
    }
}
