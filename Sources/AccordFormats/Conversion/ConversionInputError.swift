import AccordCore

/// Why the files given to a conversion do not make one scenario: a folder among files, formats mixed, several
/// domains, a domain without profiles, or a file in no format Accord converts. Each case prints as one sentence.
public enum ConversionInputError: AccordError, Sendable, Equatable {
    /// A folder was given beside other inputs.
    case folderAmongFiles(folder: String)
    /// The files are in different formats: each file with what it is ("an Accord scenario", "GENIUS XML",
    /// "GeniusWeb JSON").
    case mixedFormats(files: [String], formats: [String])
    /// More than one Accord scenario file.
    case severalAccordFiles(count: Int)
    /// More than one domain file of a format ("GENIUS", "GeniusWeb").
    case severalDomains(format: String, files: [String])
    /// A GENIUS domain file without any profile.
    case domainWithoutProfiles(file: String)
    /// A `.json` file that does not start with `{`.
    case notJSON(file: String)
    /// A file that is neither YAML, XML nor JSON by its name and content.
    case unknownFormat(file: String)
    /// JSON that is neither an Accord scenario nor a GeniusWeb domain or profile.
    case unknownJSON(file: String)

    public var description: String {
        switch self {
        case .folderAmongFiles(let folder):
            "'\(folder)' is a folder; give either one folder or files, not both."
        case .mixedFormats(let files, let formats):
            "the inputs mix formats ("
                + zip(files, formats).map { "'\($0)' is \($1)" }.joined(separator: ", ")
                + "); give the files of one scenario."
        case .severalAccordFiles(let count):
            "give one Accord scenario file at a time, not \(count)."
        case .severalDomains(let format, let files):
            "the inputs hold \(files.count) \(format) domains (" + files.map { "'\($0)'" }.joined(separator: ", ")
                + "); give one domain and its profiles."
        case .domainWithoutProfiles(let file):
            "'\(file)' is a GENIUS domain; give its profiles too, one per party."
        case .notJSON(let file):
            "'\(file)' is not JSON: it does not start with '{'."
        case .unknownFormat(let file):
            "'\(file)' is neither an Accord scenario (.yaml, .yml, .json), GENIUS XML nor GeniusWeb JSON."
        case .unknownJSON(let file):
            "'\(file)' is JSON but neither an Accord scenario (no 'accord' key) nor a GeniusWeb domain "
                + "('issuesValues') or profile ('LinearAdditiveUtilitySpace')."
        }
    }
}
