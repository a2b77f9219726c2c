/// One request to Accord: what to compute and from what. Each operation has its own request type (such as
/// ``AnalysisRequest``) whose ``run(monitor:)`` returns its own result type; ``OperationRunner`` turns any of them
/// into a ``RunRecord``.
public protocol AccordOperation: Sendable {
    /// The result of the operation.
    associatedtype Output: OperationResult

    /// Which operation this is.
    static var kind: OperationKind { get }

    /// The request's parameters as JSON, for a run record (inputs by path or name, options by their CLI names).
    var parameters: JSONValue { get }

    /// The fingerprint of the inputs this request reads (FNV-1a over their bytes).
    func inputFingerprint() throws -> String

    /// Runs the operation; a long one reports progress to `monitor` and stops with ``RunCancelled`` when the
    /// monitor asks it to.
    func run(monitor: any RunMonitor) async throws -> Output
}

extension AccordOperation {
    /// Runs the operation without watching it.
    public func run() async throws -> Output { try await run(monitor: SilentMonitor()) }
}
