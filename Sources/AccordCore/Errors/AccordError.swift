/// An error Accord reports to a person: one sentence, and the exit status of the command that met it.
///
/// Every module's error type adopts this protocol, so a front end catches every Accord error in one place: the CLI
/// prints ``sentence`` and exits with ``exitStatus``; the server answers with the same sentence and a status code
/// derived from ``exitStatus`` (bad input: 4xx; a failed run: 5xx).
///
/// The defaults suit a bad-input error whose description is one clause: the sentence is the description with a
/// closing full stop (unless it ends with one or with a question mark), and the exit status is
/// ``ExitStatus/badInput``.
public protocol AccordError: Error, CustomStringConvertible {
    /// The message for a person: one sentence ending with a full stop (a list of problems may follow it on lines
    /// of their own).
    var sentence: String { get }

    /// The exit status of a command that stops on this error.
    var exitStatus: ExitStatus { get }
}

extension AccordError {
    public var sentence: String {
        description.hasSuffix(".") || description.hasSuffix("?") ? description : description + "."
    }

    public var exitStatus: ExitStatus { .badInput }
}
