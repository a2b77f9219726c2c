import Foundation

/// A file or folder that could not be written or created: what Accord tried to do and the system's reason. A run
/// that meets it has failed (exit status 1), though its input was fine.
public struct IOFailure: AccordError, Equatable {
    /// What could not be done, such as "cannot write 'out/summary.json'".
    public var action: String
    /// The system's reason, such as "Permission denied".
    public var reason: String

    /// Creates the error from an action and the system's reason.
    public init(_ action: String, reason: String) {
        self.action = action
        self.reason = reason
    }

    /// Creates the error from an action and the error the system raised.
    ///
    /// The reason is the system's own (`strerror` of the POSIX error underneath Foundation's wrapper, such as "Not a
    /// directory"), not Foundation's generic "The operation could not be completed".
    public init(_ action: String, error: any Error) {
        self.init(action, reason: Self.reason(of: error as NSError))
    }

    /// The system's reason for an error: the innermost POSIX error's message when there is one.
    static func reason(of error: NSError) -> String {
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error {
            return reason(of: underlying as NSError)
        }
        var reason = error.localizedFailureReason ?? error.localizedDescription
        while reason.hasSuffix(".") { reason.removeLast() }
        return reason
    }

    /// Creates the error from an action and the C library's `errno`.
    public static func posix(_ action: String, errno code: Int32 = errno) -> IOFailure {
        IOFailure(action, reason: String(cString: strerror(code)))
    }

    public var description: String { "\(action): \(reason)" }

    public var exitStatus: ExitStatus { .failure }
}
