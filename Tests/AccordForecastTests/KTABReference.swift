import AccordForecast
import AccordFormats
import Foundation

/// The KTAB conformance folder, `../shared/conformance/ktab/` beside the package root; nil when absent.
let ktabConformanceFolder: URL? = {
    let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/ktab")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}()

/// Why a conformance test is skipped.
let ktabConformanceAbsent =
    "KTAB conformance data absent: ../shared/conformance/ktab/ (beside the package root) holds KTAB's CSV inputs and reference logs"

/// What KTAB's reference log says about a run: the lines its regression script compares and the final position table.
struct KTABReferenceLog {
    /// Each turn's "Fractional change compared to first step" as printed (4 decimals).
    var fractionalChanges: [String] = []
    /// Each actor's winning probabilities per state as printed (4 decimals), keyed by actor name.
    var probabilities: [String: [String]] = [:]
    /// The final "History of actor positions over time" table as printed (1 decimal), keyed by "actor, dimension".
    var positions: [String: [String]] = [:]
    /// Actor names in table order.
    var actorOrder: [String] = []

    init(contentsOf url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var section = ""
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Fractional change compared to first step:") {
                let value =
                    line.dropFirst("Fractional change compared to first step:".count)
                    .split(separator: " ").first.map(String.init) ?? ""
                fractionalChanges.append(value)
            } else if line.hasPrefix("History of actor positions over time") {
                section = "positions"
            } else if line.hasPrefix("History of actors' winning probabilities") {
                section = "probabilities"
            } else if section == "probabilities", let range = line.range(of: ", prob :") {
                let name = String(line[..<range.lowerBound])
                probabilities[name] = line[range.upperBound...].split(separator: " ").map(String.init)
                actorOrder.append(name)
            } else if section == "positions", let colon = line.range(of: ":", options: .backwards) {
                positions[String(line[..<colon.lowerBound])] =
                    line[colon.upperBound...].split(separator: " ").map(String.init)
            } else if section == "probabilities" {
                section = ""
            }
        }
    }
}

/// Formats like C's printf, which KTAB uses for its logs.
func printed(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

/// Runs the model on a KTAB conformance input.
func ktabRun(_ csv: String, in folder: URL) throws -> (SpatialForecast, KTABReferenceLog) {
    let scenario = try KTABCSVReader.read(path: folder.appendingPathComponent(csv).path)
    let model = try SpatialModel(scenario: scenario)
    let reference = try KTABReferenceLog(
        contentsOf: folder.appendingPathComponent("20170530_ref-" + csv.replacingOccurrences(of: ".csv", with: ".txt")))
    return (model.run(), reference)
}
