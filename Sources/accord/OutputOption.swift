import AccordKit
import ArgumentParser

/// `-o/--output FILE`, shared by every command that prints a report: the report goes to the file (written in one
/// step by AccordKit's ``ReportWriter``) and standard output stays empty.
struct OutputOption: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    /// Prints the report, or writes it to the `--output` file.
    func deliver(_ report: String) throws {
        if let output { try ReportWriter.write(report, to: output) } else { emit(report) }
    }
}
