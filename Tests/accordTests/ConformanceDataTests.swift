import Foundation
import Testing

/// In CI the conformance suites must run: a missing `../shared/conformance` fails there instead of skipping.
@Suite struct ConformanceDataTests {
    /// `../shared/conformance/<name>` beside the package root.
    static func folder(_ name: String) -> String {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/conformance/\(name)").standardizedFileURL.path
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] != nil, "runs in CI (CI is set)"))
    func theConformanceDataIsPresentInCI() {
        for name in ["genius", "ktab"] {
            #expect(
                FileManager.default.fileExists(atPath: Self.folder(name)),
                "CI is set but \(Self.folder(name)) is missing: the conformance suites would be skipped")
        }
    }
}
