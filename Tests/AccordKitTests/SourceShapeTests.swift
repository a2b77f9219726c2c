import Foundation
import Testing

/// The shape the architecture promises (docs/architecture.md), checked on the sources themselves so it cannot
/// drift: short functions, one public type per file, and a command-line tool that only parses and prints.
@Suite struct SourceShapeTests {
    static let sources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources")

    /// Every Swift file under `Sources/<module>` (all modules when nil), with its lines.
    static func files(in module: String? = nil) -> [(path: String, lines: [Substring])] {
        let root = module.map { sources.appendingPathComponent($0) } ?? sources
        let enumerator = FileManager.default.enumerator(atPath: root.path)
        var files: [(String, [Substring])] = []
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let path = root.appendingPathComponent(relative).path
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            files.append((path, text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The functions (and initialisers) longer than `limit` lines, from the declaration to its closing brace. A
    /// crude scanner: braces inside string literals on one line are ignored.
    static func longFunctions(_ lines: [Substring], limit: Int) -> [(line: Int, length: Int)] {
        let declaration =
            #/
            ^\s*(@\w+\s+)*
            ((public|package|private|fileprivate|internal|static|mutating|override|nonisolated|final)\s+)*
            (func\s|init[?!]?[(<])
            /#
        var found: [(Int, Int)] = []
        var index = 0
        while index < lines.count {
            guard lines[index].contains(declaration) else {
                index += 1
                continue
            }
            var depth = 0
            var opened = false
            var end = index
            while end < lines.count {
                let code = lines[end].replacing(/"(\\.|[^"\\])*"/, with: "")
                depth += code.filter { $0 == "{" }.count - code.filter { $0 == "}" }.count
                opened = opened || code.contains("{")
                if opened && depth <= 0 { break }
                end += 1
            }
            if opened && end - index + 1 > limit { found.append((index + 1, end - index + 1)) }
            index = opened ? end + 1 : index + 1
        }
        return found
    }

    @Test func noFunctionIsLongerThanAScreen() {
        var offenders: [String] = []
        for file in Self.files() {
            for function in Self.longFunctions(file.lines, limit: 85) {
                offenders.append("\(file.path):\(function.line) (\(function.length) lines)")
            }
        }
        #expect(offenders.isEmpty, "functions over 85 lines:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func everyPublicTypeHasItsOwnFile() {
        let topLevelType = /^public (final )?(struct|enum|class|protocol|actor) (\w+)/
        var offenders: [String] = []
        for file in Self.files() {
            let names = file.lines.compactMap { $0.firstMatch(of: topLevelType).map { String($0.output.3) } }
            if names.count > 1 { offenders.append("\(file.path): \(names.joined(separator: ", "))") }
        }
        #expect(offenders.isEmpty, "files with several public types:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theCommandLineToolOnlyParsesAndPrints() {
        let files = Self.files(in: "accord")
        let total = files.map(\.lines.count).reduce(0, +)
        #expect(total <= 1_100, "Sources/accord has \(total) lines")
        for file in files {
            #expect(file.lines.count <= 150, "\(file.path) has \(file.lines.count) lines")
            let imports = file.lines.filter { $0.hasPrefix("import ") }.map { String($0.dropFirst(7)) }
            let allowed: Set = ["AccordKit", "AccordServer", "ArgumentParser", "Foundation", "Synchronization"]
            #expect(Set(imports).isSubset(of: allowed), "\(file.path) imports \(imports)")
        }
    }

    /// Names of protocol requirements whose meaning the protocol documents, so a conforming type need not repeat it:
    /// `AccordOperation` (`kind`, `parameters`, `inputFingerprint`, `run`), `OperationResult` (`render`),
    /// `RunMonitor` (`observe`, `isCancelled`), `AccordError` (`sentence`, `exitStatus`), `CustomStringConvertible`
    /// (`description`), `RandomNumberGenerator` (`next`) and `Comparable` (`<`).
    static let protocolWitnesses: Set = [
        "kind", "parameters", "inputFingerprint", "run", "render", "observe", "isCancelled", "sentence", "exitStatus",
        "description", "next", "<",
        // WorkspaceStore
        "scenarios", "scenario", "scenarioVersions", "saveScenario", "deleteScenario", "insertRun", "updateRun", "runs",
        "interruptUnfinishedRuns", "close",
    ]

    /// The public declarations with no `///` comment directly above them (attributes such as `@discardableResult`
    /// may stand between), protocol witnesses excepted. A crude scanner: one declaration per line, `public` first.
    static func undocumentedDeclarations(_ lines: [Substring]) -> [(line: Int, text: String)] {
        let declared =
            /\b(func|var|let|case|init|struct|enum|class|protocol|actor|typealias|subscript)\b\s*(\w+|[<=>!]+)?/
        var found: [(Int, String)] = []
        for (index, line) in lines.enumerated() {
            let code = line.drop { $0 == " " }
            guard code.hasPrefix("public "), !code.hasPrefix("public import ") else { continue }
            if let name = code.firstMatch(of: declared)?.output.2, protocolWitnesses.contains(String(name)) { continue }
            var above = index - 1
            while above >= 0, lines[above].drop(while: { $0 == " " }).hasPrefix("@") { above -= 1 }
            if above >= 0, lines[above].drop(while: { $0 == " " }).hasPrefix("///") { continue }
            found.append((index + 1, String(code)))
        }
        return found
    }

    @Test func everyPublicDeclarationOfTheKitTheCoreTheStoreAndTheServerIsDocumented() {
        let fixture = ["/// Documented.", "public struct S {", "    @inlinable", "    public var x: Int", "}"]
        #expect(Self.undocumentedDeclarations(fixture.map { Substring($0) }).map(\.line) == [4])
        var offenders: [String] = []
        let modules = ["AccordKit", "AccordCore", "AccordStore", "AccordServer"]
        for file in modules.flatMap({ Self.files(in: $0) }) {
            for declaration in Self.undocumentedDeclarations(file.lines) {
                offenders.append("\(file.path):\(declaration.line): \(declaration.text)")
            }
        }
        #expect(offenders.isEmpty, "public declarations without a doc comment:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theScannerFindsALongFunction() {
        let body = ["    func long() {"] + Array(repeating: "        x += 1", count: 90) + ["    }"]
        let lines = (["struct S {"] + body + ["    func short() { }", "}"]).map { Substring($0) }
        let found = Self.longFunctions(lines, limit: 85)
        #expect(found.count == 1 && found.first?.line == 2 && found.first?.length == 92)
    }
}
