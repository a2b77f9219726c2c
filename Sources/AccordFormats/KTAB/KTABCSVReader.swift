import AccordCore
import AccordForecast
import Foundation

/// Reads scenarios for the spatial model of politics in KTAB's CSV format.
///
/// The layout is KTAB's (MIT, KAPSARC: `examples/smp/libsrc/smpread.cpp`):
///
/// ```
/// scenarioName, description, numActors, numDims
/// Actor, Description, Power, Position 1, Salience 1, …        (header: the position columns name the dimensions)
/// name, description, capability, position 1, salience 1, …   (one row per actor)
/// ```
///
/// Positions and saliences are on 0–100 and each actor's saliences sum to at most 100. Fields are trimmed, may be
/// quoted with `"`, and trailing commas are allowed. Every error names the line.
public enum KTABCSVReader {
    /// The largest file read.
    public static let maximumFileSize = 16 * 1024 * 1024
    /// The most actors a file may declare.
    public static let maximumActors = 10_000
    /// The most dimensions a file may declare.
    public static let maximumDimensions = 1_000
    /// The longest actor or dimension name in characters (UTF-8 bytes): names are repeated throughout a forecast.
    public static let maximumNameLength = 256
    /// The largest capability (10^15, the bound on every number in a scenario).
    public static let maximumCapability = 1e15

    /// Reads the KTAB CSV file at `path`.
    public static func read(path: String) throws(KTABCSVError) -> SpatialScenario {
        let data: Data
        do {
            data = try readInputFile(path, limit: maximumFileSize)
        } catch {
            throw KTABCSVError(file: path, line: nil, message: "cannot read the file: \(error.reason)")
        }
        guard let text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .isoLatin1) else {
            throw KTABCSVError(file: path, line: nil, message: "the file is not text")
        }
        return try parse(text, file: path)
    }

    /// Parses KTAB CSV text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "<input>") throws(KTABCSVError) -> SpatialScenario {
        // Lines with their 1-based numbers; blank lines are skipped.
        // Split on the bytes of LF (a CR before it is trimmed with the last field): linear, with no grapheme breaking.
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .enumerated()
            .map { Line(number: $0.offset + 1, fields: fields(of: String(Substring($0.element)))) }
            .filter { !$0.fields.isEmpty }
        guard let first = lines.first else { throw KTABCSVError(file: file, line: nil, message: "the file is empty") }
        let (actorCount, dimensionCount) = try counts(in: first, file: file)
        let dimensions = try dimensions(in: lines, count: dimensionCount, file: file)
        let rows = lines.dropFirst(2)
        guard rows.count == actorCount else {
            let line = rows.count > actorCount ? rows[rows.startIndex + actorCount].number : (lines.last?.number ?? 1)
            throw KTABCSVError(
                file: file, line: line,
                message: "the file declares \(actorCount) actors but has \(rows.count) actor rows")
        }
        var actors: [SpatialActor] = []
        for row in rows { actors.append(try actor(in: row, dimensions: dimensions, file: file)) }
        return SpatialScenario(
            name: first.fields[0], description: first.fields[1], dimensions: dimensions, actors: actors)
    }

    /// A line's number (from 1) and its fields.
    private struct Line {
        var number: Int
        var fields: [String]
    }

    /// The first line's numbers of actors (at least 3) and of dimensions (at least 1).
    private static func counts(in first: Line, file: String) throws(KTABCSVError) -> (actors: Int, dimensions: Int) {
        func failure(_ message: String) -> KTABCSVError {
            KTABCSVError(file: file, line: first.number, message: message)
        }
        guard first.fields.count >= 4 else {
            throw failure(
                "expected scenario name, description, number of actors and number of dimensions; found \(first.fields.count) fields"
            )
        }
        guard let actorCount = Int(first.fields[2]) else {
            throw failure("the number of actors, '\(excerpt(first.fields[2]))', is not a whole number")
        }
        guard let dimensionCount = Int(first.fields[3]) else {
            throw failure("the number of dimensions, '\(excerpt(first.fields[3]))', is not a whole number")
        }
        guard actorCount >= 3 else {
            throw failure("the spatial model needs at least 3 actors; the file declares \(actorCount)")
        }
        guard actorCount <= maximumActors else {
            throw failure("the file declares \(actorCount) actors; expected at most \(maximumActors)")
        }
        guard (1...maximumDimensions).contains(dimensionCount) else {
            throw failure("the file declares \(dimensionCount) dimensions; expected 1 to \(maximumDimensions)")
        }
        return (actorCount, dimensionCount)
    }

    /// The dimensions' names, from the header (the second line): actor, description, capability, then a position
    /// and a salience per dimension.
    private static func dimensions(in lines: [Line], count dimensionCount: Int, file: String) throws(KTABCSVError)
        -> [String]
    {
        let width = 3 + 2 * dimensionCount
        guard lines.count >= 2 else {
            throw KTABCSVError(file: file, line: lines[0].number + 1, message: "the header line is missing")
        }
        let header = lines[1]
        guard header.fields.count == width else {
            throw KTABCSVError(
                file: file, line: header.number,
                message:
                    "the header has \(header.fields.count) fields; \(dimensionCount) dimensions need \(width) (actor, description, capability, then a position and a salience per dimension)"
            )
        }
        let names = (0..<dimensionCount).map { header.fields[3 + 2 * $0] }
        if let long = names.first(where: { $0.utf8.count > maximumNameLength }) {
            throw KTABCSVError(
                file: file, line: header.number,
                message:
                    "the dimension name '\(excerpt(long))' is \(formatCount(Double(long.utf8.count))) characters long; "
                    + "a name has at most \(maximumNameLength)")
        }
        return names
    }

    /// One actor row: name, description, a positive capability, then a position and a salience (0–100) on each
    /// dimension, the saliences summing to at most 100 and not all zero.
    private static func actor(in row: Line, dimensions: [String], file: String) throws(KTABCSVError) -> SpatialActor {
        func failure(_ message: String) -> KTABCSVError { KTABCSVError(file: file, line: row.number, message: message) }
        let width = 3 + 2 * dimensions.count
        guard row.fields.count == width else {
            throw failure(
                "expected \(width) fields (name, description, capability, then a position and a salience for each of \(dimensions.count) dimensions); found \(row.fields.count)"
            )
        }
        let name = row.fields[0]
        guard !name.isEmpty else { throw failure("the actor's name is empty") }
        guard name.utf8.count <= maximumNameLength else {
            throw failure(
                "the actor's name '\(excerpt(name))' is \(formatCount(Double(name.utf8.count))) characters long; "
                    + "a name has at most \(maximumNameLength)")
        }
        func number(_ index: Int, _ what: String) throws(KTABCSVError) -> Double {
            guard let value = Double(row.fields[index]), value.isFinite else {
                throw failure("\(what) of \(excerpt(name)), '\(excerpt(row.fields[index]))', is not a number")
            }
            return value
        }
        let capability = try number(2, "the capability")
        guard capability > 0, capability <= maximumCapability else {
            throw failure(
                "the capability of \(excerpt(name)) is \(capability); expected a positive number up to 10^15")
        }
        var positions: [Double] = []
        var saliences: [Double] = []
        for (k, dimension) in dimensions.enumerated() {
            let position = try number(3 + 2 * k, "the position on \(excerpt(dimension))")
            guard (0...100).contains(position) else {
                throw failure(
                    "the position of \(excerpt(name)) on \(excerpt(dimension)) is \(position); expected 0–100")
            }
            let salience = try number(4 + 2 * k, "the salience on \(excerpt(dimension))")
            guard (0...100).contains(salience) else {
                throw failure(
                    "the salience of \(excerpt(name)) on \(excerpt(dimension)) is \(salience); expected 0–100")
            }
            positions.append(position)
            saliences.append(salience)
        }
        let total = saliences.reduce(0, +)
        guard total <= 100 else {
            throw failure("the saliences of \(excerpt(name)) sum to \(total); expected at most 100")
        }
        guard total > 0 else { throw failure("the saliences of \(excerpt(name)) are all zero") }
        return SpatialActor(
            name: name, description: row.fields[1], capability: capability, positions: positions, saliences: saliences)
    }

    /// `text` cut to its first 40 characters with "…", for echoing a field in an error.
    static func excerpt(_ text: String) -> String {
        Echo.cut(text)
    }

    /// The trimmed fields of one line; a field may be quoted with `"` (a doubled `""` stands for a quote), and
    /// empty trailing fields are dropped.
    ///
    /// - Complexity: O(n) in the line's UTF-8 length (quotes and commas are ASCII, so bytes suffice).
    package static func fields(of line: String) -> [String] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        var fields: [String] = []
        var current: [UInt8] = []
        var onlyWhitespace = true
        var quoted = false
        func append(_ byte: UInt8) {
            current.append(byte)
            if onlyWhitespace && !(byte == 32 || (9...13).contains(byte)) { onlyWhitespace = false }
        }
        func finish() {
            fields.append(String(decoding: current, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            current.removeAll(keepingCapacity: true)
            onlyWhitespace = true
        }
        var iterator = line.utf8.makeIterator()
        while let byte = iterator.next() {
            if quoted {
                guard byte == quote else {
                    append(byte)
                    continue
                }
                guard let next = iterator.next() else {
                    quoted = false
                    continue
                }
                if next == quote {
                    append(quote)
                } else {
                    quoted = false
                    if next == comma { finish() } else { append(next) }
                }
            } else if byte == comma {
                finish()
            } else if byte == quote && onlyWhitespace {
                current.removeAll(keepingCapacity: true)
                quoted = true
            } else {
                append(byte)
            }
        }
        finish()
        while fields.last?.isEmpty == true { fields.removeLast() }
        return fields
    }
}
