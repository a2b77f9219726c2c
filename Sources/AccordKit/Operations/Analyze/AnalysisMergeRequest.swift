import Foundation

/// Combines the counts files of every shard of an analysis (``AnalysisShardRequest``) into the analysis of one run
/// making every draw: the same report, byte for byte (`accord merge shard-*.json`). Every file must come from the
/// same request and scenario (unchanged since: its fingerprint is checked), and every shard must be given once.
public struct AnalysisMergeRequest: Sendable {
    /// The shards' counts files.
    public var countsFiles: [String]

    /// Creates the request.
    public init(countsFiles: [String]) {
        self.countsFiles = countsFiles
    }

    /// Whether `paths` are counts files rather than a tournament's shard folders: all of them files.
    public static func namesCountsFiles(_ paths: [String]) -> Bool {
        !paths.isEmpty
            && paths.allSatisfy { path in
                var isFolder: ObjCBool = false
                return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            }
    }

    /// Reads the files, checks that they make one analysis, and runs it with their counts.
    ///
    /// - Throws: ``RequestError`` for a file that does not read or belongs to another request or scenario, and
    ///   ``AnalysisError/slicesDoNotFit(_:)`` when the shards do not make up the analysis.
    public func run(monitor: any RunMonitor = SilentMonitor()) async throws -> AnalysisResult {
        let files = try countsFiles.map { path throws(RequestError) in try AnalysisShardFile(path: path) }
        guard let first = files.first else { throw RequestError("name the shards' counts files") }
        for (file, path) in zip(files, countsFiles) where file.request != first.request {
            throw RequestError(
                "\(Echo.cut(path)): comes from another analysis than \(Echo.cut(countsFiles[0])) (other options)")
        }
        var analysis = try AnalysisRequest(parameters: first.request)
        let fingerprint = analysis.source.fingerprint()
        for (file, path) in zip(files, countsFiles) where file.scenarioFingerprint != fingerprint {
            throw RequestError(
                "\(Echo.cut(path)): its scenario has changed since the shard ran; run the shards again")
        }
        analysis.shardCounts = files.map(\.counts)
        return try await analysis.run(monitor: monitor)
    }
}
