import Foundation

/// A scenario converted between Accord YAML/JSON, GENIUS XML and GeniusWeb JSON and written into a folder
/// (`accord convert`).
///
/// Existing files are never replaced unless ``overwrite`` is set; the folder is created when missing.
public struct ConversionRequest: AccordOperation {
    /// The scenario to convert: one Accord file, GENIUS or GeniusWeb files (domain and profiles), one folder, or the
    /// name of a bundled scenario (``ConversionInput``).
    public var inputs: [String]
    /// The format to write (`--to`).
    public var target: ConversionTarget
    /// The folder to write into (`--out`); created when missing.
    public var outputFolder: String
    /// Whether files that already exist in the folder are replaced (`--force`).
    public var overwrite: Bool

    /// Creates a request.
    public init(inputs: [String], target: ConversionTarget, outputFolder: String, overwrite: Bool = false) {
        self.inputs = inputs
        self.target = target
        self.outputFolder = outputFolder
        self.overwrite = overwrite
    }

    /// The operation: `convert`.
    public static let kind = OperationKind.convert

    /// The inputs, the target format, the folder and whether existing files are replaced.
    public var parameters: JSONValue {
        .object([
            ("inputs", .array(inputs.map(JSONValue.string))), ("to", .string(target.rawValue)),
            ("out", .string(outputFolder)), ("force", .bool(overwrite)),
        ])
    }

    /// The fingerprint of the input files (a folder: of the files in it).
    public func inputFingerprint() throws -> String {
        let paths = try resolvedInputs()
        if paths.count == 1, ScenarioSource.isDirectory(paths[0]) {
            return ScenarioSource.geniusFolder(paths[0]).fingerprint()
        }
        return ScenarioSource.geniusFiles(domain: paths[0], profiles: Array(paths.dropFirst())).fingerprint()
    }

    /// Reads the inputs, converts the scenario and writes its files.
    ///
    /// - Throws: ``RequestError`` for no input, an unknown name, or files that exist without ``overwrite``;
    ///   `ConversionInputError` and the readers' errors for inputs that do not make one scenario;
    ///   `ScenarioExportError` when the target format cannot express the scenario; ``IOFailure`` when the folder
    ///   cannot be created or a file cannot be written.
    public func run(monitor: any RunMonitor) async throws -> ConversionResult {
        let (scenario, importNotes) = try ConversionInput.load(try resolvedInputs())
        let export = try target.export(scenario)
        let files = try write(export.files)
        return ConversionResult(
            target: target, scenario: scenario, outputFolder: outputFolder, files: files,
            notes: importNotes + export.notes)
    }

    /// The input paths: a single name that is no file is a bundled scenario's name, read from its file.
    func resolvedInputs() throws -> [String] {
        guard let first = inputs.first else {
            throw RequestError("give the scenario to convert: a file, GENIUS or GeniusWeb files, or a folder.")
        }
        if inputs.count == 1, !FileManager.default.fileExists(atPath: first),
            case .bundled(let name) = try ScenarioSource(argument: first)
        {
            return [try ScenarioLoader.bundledPath(name)]
        }
        return inputs
    }
}
