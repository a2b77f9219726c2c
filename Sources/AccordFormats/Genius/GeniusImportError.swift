import AccordCore

/// Why a GENIUS domain or profile could not be imported. Each case prints as one sentence naming the file, and the
/// line and element when known.
public enum GeniusImportError: AccordError, Sendable, Equatable {
    /// The file does not exist or cannot be read.
    case unreadable(file: String, reason: String)
    /// Even the tolerant reader cannot make out the XML (no element at all, a tag never closed, mismatched tags).
    case malformedXML(file: String, line: Int, message: String)
    /// The root element is not one GENIUS writes (`negotiation_template` for a domain, `utility_space` for a
    /// profile).
    case notGenius(file: String, root: String, expected: String)
    /// A constraint profile, which Accord does not import.
    case constraintProfile(file: String)
    /// A profile whose `type` is none of linear, uncertain, nonlinear or constraint.
    case unknownProfileType(file: String, type: String)
    /// The XML is readable but does not describe a valid domain or profile: a missing attribute, a number that is
    /// not one, a profile that does not match its domain.
    case invalid(file: String, line: Int?, element: String?, message: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)."
        case .malformedXML(let file, let line, let message):
            return "\(file):\(line): not readable as XML: \(message)."
        case .notGenius(let file, let root, let expected):
            return "\(file): not a GENIUS \(expected): the root element is <\(root)>."
        case .constraintProfile(let file):
            return "\(file): a constraint GENIUS profile (type=\"constraint\"); Accord imports linear-additive and "
                + "nonlinear (hyper-rectangle) profiles, not constraint ones."
        case .unknownProfileType(let file, let type):
            return "\(file): unknown GENIUS profile type \"\(type)\"; expected linear, uncertain, nonlinear or "
                + "constraint."
        case .invalid(let file, let line, let element, let message):
            let place = line.map { ":\($0)" } ?? ""
            let subject = element.map { " \($0):" } ?? ""
            return "\(file)\(place):\(subject) \(message)."
        }
    }
}

extension GeniusImportError {
    /// The description as it stands (each case ends with a full stop).
    public var sentence: String { description }
}
