import Foundation

/// What a store keeps of one run of an operation, without knowing the operation: who it was, what went in, when,
/// how it ended and the result document (the JSON report that `--format json` prints for the same request).
public struct RunRecord: Sendable, Equatable, Identifiable {
    /// A unique id (a UUID in lower case unless the caller gives one).
    public var id: String
    /// Which operation ran.
    public var operation: OperationKind
    /// The fingerprint of the run's inputs (FNV-1a over the input files' bytes): the same inputs, the same value.
    public var inputFingerprint: String
    /// The request's parameters as compact JSON text (``AccordOperation/parameters``).
    public var parameters: String
    /// The version of Accord that ran it.
    public var accordVersion: String
    /// When the run started.
    public var startedAt: Date
    /// When it ended, or `nil` while it runs.
    public var finishedAt: Date?
    /// Where it stands.
    public var status: RunStatus
    /// The result document (JSON text), once it succeeded.
    public var result: String?
    /// The error's sentence, when it failed.
    public var error: String?

    /// Creates a record; usually made by ``OperationRunner``.
    public init(
        id: String = UUID().uuidString.lowercased(), operation: OperationKind, inputFingerprint: String,
        parameters: String, accordVersion: String = AccordRelease.version, startedAt: Date = Date(),
        finishedAt: Date? = nil, status: RunStatus = .running, result: String? = nil, error: String? = nil
    ) {
        self.id = id
        self.operation = operation
        self.inputFingerprint = inputFingerprint
        self.parameters = parameters
        self.accordVersion = accordVersion
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.status = status
        self.result = result
        self.error = error
    }
}
