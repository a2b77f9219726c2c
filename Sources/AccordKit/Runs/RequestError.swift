/// A request that cannot run as given: an option out of range, a party or issue that does not exist, options that
/// exclude each other. Its sentence names the option as the command line spells it (the server's request fields
/// carry the same names).
public struct RequestError: AccordError, Equatable {
    /// The sentence, without its closing full stop (``AccordError/sentence`` adds it).
    public var description: String

    /// Creates the error from its sentence.
    public init(_ description: String) { self.description = description }
}
