import Foundation

extension ConversionRequest {
    /// Writes the files into ``outputFolder``, creating it when missing and refusing to replace existing files
    /// unless ``overwrite`` is set; returns their paths (the folder as given, then the file's name).
    ///
    /// - Throws: ``RequestError`` when the folder is a file or files exist without ``overwrite`` (nothing is
    ///   written then); ``IOFailure`` when the folder cannot be created or a file cannot be written.
    func write(_ files: [ScenarioExport.File]) throws -> [String] {
        try prepareFolder()
        let paths = files.map { (outputFolder.hasSuffix("/") ? outputFolder : outputFolder + "/") + $0.name }
        let existing = paths.filter { FileManager.default.fileExists(atPath: $0) }
        if !existing.isEmpty, !overwrite {
            throw RequestError(
                (existing.count == 1
                    ? "'\(existing[0])' already exists"
                    : "\(existing.count) of the files already exist ("
                        + existing.map { "'\($0)'" }.joined(separator: ", ") + ")")
                    + "; add --force to overwrite, or choose another --out folder.")
        }
        let folder = URL(fileURLWithPath: outputFolder)
        for (file, path) in zip(files, paths) {
            do {
                try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
            } catch {
                throw IOFailure("cannot write '\(path)'", error: error)
            }
        }
        return paths
    }

    /// Creates the output folder when missing; a file in its place is refused.
    private func prepareFolder() throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: outputFolder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw RequestError("--out '\(outputFolder)' is a file; give a folder to write into.")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        } catch {
            throw IOFailure("cannot create the folder '\(outputFolder)'", error: error)
        }
    }
}
