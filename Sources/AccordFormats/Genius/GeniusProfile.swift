import AccordCore

/// A GENIUS linear-additive profile (`<utility_space>`, type linear or uncertain) read against its domain, with
/// GENIUS's semantics:
///
/// - Issues and weights are matched by the `index` attribute, never by position. An issue's weight is the
///   `<weight>` with its index among the siblings of its `<issue>`; a weight that matches no issue (such as the
///   objective's own) is ignored, as GENIUS ignores it.
/// - Discrete: `e(v) = evaluation(v) / max`, the maximum over the evaluations the profile lists for the issue
///   (also for values the domain lacks); the minimum is not subtracted; when the maximum is below 0.00001 every
///   value is worth 0. An `<item>` without evaluation (or with `evaluation="null"`) gives none; if the domain has
///   that value, the profile is rejected (GENIUS would fail when evaluating it). A value listed twice keeps its
///   last evaluation.
/// - Integer: `e(x) = clamp01(slope·(x − lowerbound) + offset)`, `lowerbound` as the profile's issue gives it
///   (else the domain's); no `<evaluator>` means slope and offset 0.
/// - Real: `linear` is `clamp01(parameter1·x + parameter0)`, `constant` is `parameter0`, `triangular` rises from
///   `parameter0` to 1 at `parameter2` and falls to 0 at `parameter1`.
/// - Total: `U = min(1, Σ w_i·e_i)` with the weights as written, never renormalised.
/// - `<reservation value=r>`: 0 when absent; r outside [0, 1] is refused. `<discount_factor value=d>`: none when
///   absent, d ≤ 0 or d > 1. A value that is not a number counts as absent, as GENIUS ignores it.
/// - Weights and evaluations below 0 are refused: they would make utilities negative and unbounded.
/// - `type="uncertain"` profiles are read as their underlying linear profile.
/// - `type="nonlinear"` profiles (ANAC 2014) become a ``HyperRectangleUtility``: see
///   `hyperRectangleUtility(of:file:domain:notes:)` for how GENIUS reads their `<utility>` tree.
///
/// Every per-level value is computed with GENIUS's own arithmetic; a numeric issue keeps a `linear` or
/// `triangular` value function only when that reproduces those values bit for bit, otherwise it gets a table.
package struct GeniusProfile: Sendable {
    /// The file the profile was read from.
    package var file: String
    /// Whether the file is an uncertain profile read as its linear profile.
    package var isUncertain: Bool
    /// Whether the file is a nonlinear (hyper-rectangle) profile.
    package var isNonlinear: Bool
    /// One weight per domain issue, in domain order, as written (empty for a nonlinear profile).
    package var weights: [Double]
    /// One value function per domain issue, in domain order (empty for a nonlinear profile).
    package var values: [ValueFunction]
    /// The reservation value (0 when the file gives none).
    package var reservation: Double
    /// The discount factor, `nil` when the file gives none or one that means none (d ≤ 0 or d > 1).
    package var discount: Double?
    /// The utility: `LinearAdditiveUtility` when the cap at 1 never binds, else `CappedAdditiveUtility`;
    /// `HyperRectangleUtility` for a nonlinear profile.
    package var utility: any UtilityFunction
    /// Remarks for the scenario's notes (weights not summing to 1, ignored elements, …).
    package var notes: [String]

    /// How far above 1 the largest total may be and still count as 1: summing weights that add up to exactly 1 in
    /// decimal can give 1 + 2⁻⁵² in binary. Below this, the cap changes no utility by more than 1e-12, far inside the
    /// tolerance of 1e-9 every comparison uses, and the utility is kept additive.
    package static let capSlack = 1e-12

    /// Reads a profile against its domain.
    ///
    /// - Parameters:
    ///   - root: the profile file's root element.
    ///   - file: the file's name, for messages.
    ///   - domain: the domain the profile belongs to.
    ///   - issues: the domain's issues as Accord issues (``GeniusDomain/accordIssues(realLevels:)``).
    package init(
        document root: GeniusXMLElement, file: String, domain: GeniusDomain, issues: [AccordCore.Issue]
    ) throws(GeniusImportError) {
        self.file = file
        guard root.name == "utility_space" else {
            throw .notGenius(file: file, root: root.name, expected: "profile (<utility_space>)")
        }
        (isUncertain, isNonlinear) = try Self.profileType(of: root, file: file)
        var notes: [String] = []
        if isUncertain { notes.append("\(file) is an uncertain GENIUS profile; its linear profile is used.") }

        let objectives = root.children(named: "objective")
        var entries: [Int: Entry] = [:]
        if !isNonlinear {
            for container in objectives.isEmpty ? [root] : objectives {
                try Self.collect(container, file: file, into: &entries, notes: &notes)
            }
            // A hyper-rectangle profile (a <utility> of <ufun>s, no weights) that does not say type="nonlinear".
            if entries.values.allSatisfy({ $0.weight == nil }),
                ([root] + objectives).contains(where: { $0.firstChild(named: "utility") != nil })
            {
                isNonlinear = true
                notes.append(
                    "\(file) has no type=\"nonlinear\" but holds a hyper-rectangle <utility> and no weights; it is read "
                        + "as a nonlinear profile.")
            }
        }
        if isNonlinear {
            weights = []
            values = []
            utility = try Self.hyperRectangleUtility(of: root, file: file, domain: domain, notes: &notes)
            (reservation, discount) = try Self.reservationAndDiscount(of: root, file: file, notes: &notes)
            self.notes = notes
            return
        }
        (weights, values) = try Self.weightsAndValues(
            of: entries, domain: domain, issues: issues, file: file, notes: &notes)
        (reservation, discount) = try Self.reservationAndDiscount(of: root, file: file, notes: &notes)
        utility = Self.additiveUtility(weights: weights, values: values, issues: issues, file: file, notes: &notes)
        self.notes = notes
    }
}

extension GeniusProfile {
    /// The profile's `type`: whether it is uncertain (read as linear) and whether it is nonlinear; constraint and
    /// unknown types are refused.
    fileprivate static func profileType(of root: GeniusXMLElement, file: String) throws(GeniusImportError) -> (
        isUncertain: Bool, isNonlinear: Bool
    ) {
        switch root[attribute: "type"]?.trimmingGeniusWhitespace().lowercased() {
        case nil, "", "linear", "additive": (false, false)
        case "uncertain": (true, false)
        case "nonlinear": (false, true)
        case "constraint": throw .constraintProfile(file: file)
        case let other?: throw .unknownProfileType(file: file, type: other)
        }
    }

    /// One weight and one value function per domain issue, in domain order, matched by index; an entry whose index
    /// no domain issue has, a domain issue without an entry or a weight, and a type that differs from the domain's
    /// are refused.
    fileprivate static func weightsAndValues(
        of entries: [Int: Entry], domain: GeniusDomain, issues: [AccordCore.Issue], file: String,
        notes: inout [String]
    ) throws(GeniusImportError) -> ([Double], [ValueFunction]) {
        for entry in entries.values.sorted(by: { $0.element.line < $1.element.line })
        where domain.position(ofIndex: entry.index) == nil {
            throw .invalid(
                file: file, line: entry.element.line, element: entry.element.tag,
                message: "has index \(entry.index), which no issue of the domain \(domain.file) has")
        }
        var weights: [Double] = []
        var values: [ValueFunction] = []
        for (issue, accordIssue) in zip(domain.issues, issues) {
            guard let entry = entries[issue.index] else {
                throw .invalid(
                    file: file, line: nil, element: nil,
                    message: "gives no evaluation for issue \"\(issue.name)\" (index \(issue.index)) of the domain")
            }
            guard let weight = entry.weight else {
                throw .invalid(
                    file: file, line: entry.element.line, element: entry.element.tag,
                    message: "has no <weight index=\"\(issue.index)\"> beside it, so GENIUS gives it no evaluator")
            }
            let reader = GeniusAttributeReader(element: entry.element, file: file)
            if let declared = try declaredType(entry.element, reader: reader), declared != issue.kind.typeName {
                throw reader.invalid("is a \(declared) issue here but a \(issue.kind.typeName) issue in the domain")
            }
            weights.append(weight)
            values.append(try valueFunction(of: entry.element, for: issue, as: accordIssue, file: file, notes: &notes))
        }
        return (weights, values)
    }

    /// `U = min(1, Σ w·e)`, kept additive when the cap never binds (within ``capSlack``); notes a cap that binds and
    /// weights that do not sum to 1.
    fileprivate static func additiveUtility(
        weights: [Double], values: [ValueFunction], issues: [AccordCore.Issue], file: String, notes: inout [String]
    ) -> any UtilityFunction {
        let space = OutcomeSpace(issues: issues)
        let capped = CappedAdditiveUtility(weights: weights, values: values)
        let largest = capped.largestTotal(in: space)
        let weightSum = weights.reduce(0, +)
        if largest > 1 + capSlack {
            notes.append(
                "\(file): the weights sum to \(noteNumber(weightSum)) and the best outcome would total \(noteNumber(largest)); as in GENIUS "
                    + "the utility is capped at 1 (U = min(1, Σ w·e)), which makes it non-additive.")
            return capped
        }
        if abs(weightSum - 1) > 1e-9 {
            notes.append(
                "\(file): the weights sum to \(noteNumber(weightSum)); they are used as written, as in GENIUS.")
        }
        return capped.uncapped
    }
}

extension GeniusProfile {
    /// An `<issue>` of the profile with the weight its siblings give it.
    fileprivate struct Entry {
        var index: Int
        var element: GeniusXMLElement
        var weight: Double?
    }

    /// Collects the issues of an objective (and of its sub-objectives) with their weights.
    fileprivate static func collect(
        _ container: GeniusXMLElement, file: String, into entries: inout [Int: Entry], notes: inout [String]
    ) throws(GeniusImportError) {
        var weights: [Int: Double] = [:]
        for element in container.children(named: "weight") {
            let reader = GeniusAttributeReader(element: element, file: file)
            weights[try reader.integer("index")] = try reader.nonNegativeNumber("value")
        }
        var used: Set<Int> = []
        for element in container.children(named: "issue") {
            let index = try GeniusAttributeReader(element: element, file: file).integer("index")
            if let first = entries[index] {
                throw .invalid(
                    file: file, line: element.line, element: element.tag,
                    message: "repeats index \(index), already used on line \(first.element.line)")
            }
            entries[index] = Entry(index: index, element: element, weight: weights[index])
            used.insert(index)
        }
        for child in container.children(named: "objective") {
            if let index = child[attribute: "index"].flatMap({ Int($0.trimmingGeniusWhitespace()) }) {
                used.insert(index)
            }
            try collect(child, file: file, into: &entries, notes: &notes)
        }
        for index in weights.keys.sorted() where !used.contains(index) {
            notes.append("\(file): <weight index=\"\(index)\"> matches no issue and is ignored, as in GENIUS.")
        }
    }

    /// The reservation value (0 when absent) and the discount factor (`nil` when absent, d ≤ 0 or d > 1).
    fileprivate static func reservationAndDiscount(
        of root: GeniusXMLElement, file: String, notes: inout [String]
    ) throws(GeniusImportError) -> (reservation: Double, discount: Double?) {
        let reservation = setting("reservation", in: root, file: file, notes: &notes) ?? 0
        guard (0...1).contains(reservation) else {
            let element = settingElement("reservation", in: root)
            throw .invalid(
                file: file, line: element?.line, element: element?.tag,
                message: "has value=\"\(geniusShown(element?[attribute: "value"] ?? ""))\", which is outside [0, 1]; "
                    + "a reservation value is a utility, from 0 to 1")
        }
        let written = setting("discount_factor", in: root, file: file, notes: &notes)
        if let written, written <= 0 || written > 1 {
            notes.append("\(file): discount factor \(written) means no discount, as in GENIUS (d ≤ 0 or d > 1).")
            return (reservation, nil)
        }
        return (reservation, written)
    }

    /// The type the profile declares for an issue, if it declares one.
    fileprivate static func declaredType(
        _ element: GeniusXMLElement, reader: GeniusAttributeReader
    ) throws(GeniusImportError) -> String? {
        guard ["vtype", "type", "etype"].contains(where: { element[attribute: $0] != nil }) else { return nil }
        return try reader.issueType()
    }

    /// The first `<name>` child of the profile (or, failing that, of its objective).
    fileprivate static func settingElement(_ name: String, in root: GeniusXMLElement) -> GeniusXMLElement? {
        root.firstChild(named: name) ?? root.firstChild(named: "objective")?.firstChild(named: name)
    }

    /// A number set by the first `<name value=…>` child of the profile (or, failing that, of its objective).
    ///
    /// A value that is not a number counts as absent, as GENIUS ignores it (ANAC 2011 `IS_BT_Acquisition_IS_20.xml`
    /// has `<discount_factor value="s">`).
    fileprivate static func setting(
        _ name: String, in root: GeniusXMLElement, file: String, notes: inout [String]
    ) -> Double? {
        guard let element = settingElement(name, in: root) else { return nil }
        let written = element[attribute: "value"] ?? ""
        guard let value = parseGeniusNumber(written) else {
            notes.append(
                "\(file): line \(element.line): <\(name) value=\"\(written)\"> is not a number and is ignored, as "
                    + "in GENIUS.")
            return nil
        }
        return value
    }

    /// The value function of one issue, from the profile's `<issue>` element.
    fileprivate static func valueFunction(
        of element: GeniusXMLElement, for issue: GeniusDomain.Issue, as accordIssue: AccordCore.Issue, file: String,
        notes: inout [String]
    ) throws(GeniusImportError) -> ValueFunction {
        let reader = GeniusAttributeReader(element: element, file: file)
        switch issue.kind {
        case .discrete(let domainValues):
            return .table(try discreteValues(of: element, domainValues: domainValues, file: file, notes: &notes))

        case .integer(let lower, let upper):
            // GENIUS shifts by the lower bound the profile writes (on the issue, or in an older <range> child).
            var lowerBound = lower
            let bounds = element[attribute: "lowerbound"] != nil ? element : element.firstChild(named: "range")
            if let bounds, bounds[attribute: "lowerbound"] != nil {
                lowerBound = try GeniusAttributeReader(element: bounds, file: file).integer("lowerbound")
            }
            var slope = 0.0
            var offset = 0.0
            if let evaluator = element.firstChild(named: "evaluator") {
                let parameters = GeniusAttributeReader(element: evaluator, file: file)
                slope = try parameters.number("slope")
                offset = try parameters.number("offset")
            } else {
                notes.append(
                    "\(file): integer issue \"\(issue.name)\" has no <evaluator>; GENIUS values it 0 throughout.")
            }
            let exact = (lower...upper).map { x in
                GeniusEvaluation.integer(x, lowerBound: lowerBound, slope: slope, offset: offset)
            }
            return exactOrTable(
                exact, candidate: .linear(slope: slope, intercept: offset - slope * Double(lowerBound)),
                issue: accordIssue)

        case .real:
            guard let evaluator = element.firstChild(named: "evaluator") else {
                throw reader.invalid("is a real issue without <evaluator>")
            }
            let parameters = GeniusAttributeReader(element: evaluator, file: file)
            let levels = 0..<accordIssue.levelCount
            let xs = levels.map { accordIssue.number(atLevel: $0) }
            switch try parameters.string("ftype").trimmingGeniusWhitespace().lowercased() {
            case "linear":
                let p0 = try parameters.number("parameter0")
                let p1 = try parameters.number("parameter1")
                return exactOrTable(
                    xs.map { GeniusEvaluation.realLinear($0, parameter0: p0, parameter1: p1) },
                    candidate: .linear(slope: p1, intercept: p0), issue: accordIssue)
            case "constant":
                let p0 = try parameters.number("parameter0")
                return exactOrTable(
                    xs.map { _ in p0 }, candidate: .linear(slope: 0, intercept: p0), issue: accordIssue)
            case "triangular":
                let low = try parameters.number("parameter0")
                let high = try parameters.number("parameter1")
                let top = try parameters.number("parameter2")
                return exactOrTable(
                    xs.map { GeniusEvaluation.triangular($0, low: low, high: high, top: top) },
                    candidate: .triangular(low: low, peak: top, high: high), issue: accordIssue)
            case let other:
                throw parameters.invalid("has ftype \"\(other)\"; Accord reads linear, constant and triangular")
            }
        }
    }

    /// `evaluation / max` for every value of the domain, in domain order.
    fileprivate static func discreteValues(
        of element: GeniusXMLElement, domainValues: [String], file: String, notes: inout [String]
    ) throws(GeniusImportError) -> [Double] {
        var evaluations: [String: Double] = [:]
        var order: [String] = []
        for item in element.children(named: "item") {
            let reader = GeniusAttributeReader(element: item, file: file)
            let value = try reader.string("value")
            guard let written = item[attribute: "evaluation"], written != "null" else { continue }
            guard let evaluation = parseGeniusNumber(written) else {
                throw reader.invalid("has evaluation=\"\(geniusShown(written))\", which is not a finite number")
            }
            guard evaluation >= 0 else {
                throw reader.invalid(
                    "has evaluation=\"\(geniusShown(written))\", which is negative; GENIUS weights and evaluations "
                        + "are 0 or more")
            }
            if evaluations.updateValue(evaluation, forKey: value) == nil { order.append(value) }
        }
        let known = Set(domainValues)
        for value in order where !known.contains(value) {
            notes.append(
                "\(file): value \"\(value)\" of issue \(element.tag) is not in the domain; as in GENIUS its "
                    + "evaluation still counts toward the issue's maximum.")
        }
        let maximum = evaluations.values.max() ?? 0
        return try domainValues.map { value throws(GeniusImportError) in
            guard let evaluation = evaluations[value] else {
                throw GeniusImportError.invalid(
                    file: file, line: element.line, element: element.tag,
                    message: "gives no evaluation for the value \"\(Echo.cut(value))\"")
            }
            return GeniusEvaluation.discrete(evaluation, maximum: maximum)
        }
    }

    /// The structured value function when it reproduces GENIUS's values bit for bit, else the table of those values.
    fileprivate static func exactOrTable(
        _ exact: [Double], candidate: ValueFunction, issue: AccordCore.Issue
    ) -> ValueFunction {
        for (level, value) in exact.enumerated() where candidate.value(atLevel: level, of: issue) != value {
            return .table(exact)
        }
        return candidate
    }
}

extension GeniusProfile {
    /// The utility of a nonlinear profile, read as GENIUS's `NonlinearUtilitySpace` reads it.
    ///
    /// - `<utility maxutility=M>` inside the profile's `<objective>` (or at its root): `U = min(1, F/M)`, M a positive
    ///   number; `F` is the value of its first `<ufun>` (later ones are ignored, as in GENIUS).
    /// - `<ufun aggregation="sum|min|max" weight=w>`: its `<hyperRectangle>` children, then its `<ufun>` children
    ///   (each times its weight, 1 when absent); the top node's weight is not applied.
    /// - `<hyperRectangle utility=u weight=w>`: `EXCLUDES` when it has `<EXCLUDES>` children (its `<INCLUDES>` are
    ///   then ignored, as GENIUS ignores them), `INCLUDES` otherwise (with no bound at all: satisfied everywhere).
    /// - `<INCLUDES index=i min=a max=b>` (or `EXCLUDES`): the bound `a ≤ x_i ≤ b` on the integer issue with index
    ///   `i`, in its values (not levels); GENIUS reads the three as Java ints and bounds only integer issues.
    fileprivate static func hyperRectangleUtility(
        of root: GeniusXMLElement, file: String, domain: GeniusDomain, notes: inout [String]
    ) throws(GeniusImportError) -> HyperRectangleUtility {
        let holder =
            root.firstChild(named: "objective")?.firstChild(named: "utility") ?? root.firstChild(named: "utility")
        guard let utility = holder else {
            throw .invalid(
                file: file, line: root.line, element: root.tag,
                message: "is a nonlinear profile without the <utility maxutility=…> element that holds its <ufun> tree")
        }
        let reader = GeniusAttributeReader(element: utility, file: file)
        let maxUtility = try reader.number("maxutility")
        guard maxUtility > 0 else {
            throw reader.invalid(
                "has maxutility=\"\(utility[attribute: "maxutility"] ?? "")\"; GENIUS divides every utility by it, so it "
                    + "must be positive")
        }
        let functions = utility.children(named: "ufun")
        guard let top = functions.first else {
            throw reader.invalid("holds no <ufun>; a nonlinear profile's utility is a tree of <ufun> elements")
        }
        if functions.count > 1 {
            notes.append(
                "\(file): line \(utility.line): only the first <ufun> of <utility> counts, as in GENIUS; the other "
                    + "\(functions.count - 1) are ignored.")
        }
        var tree = TreeReader(file: file, domain: domain)
        let node = try tree.node(from: top)
        let result = HyperRectangleUtility(root: node, maxUtility: maxUtility)
        let kinds = Set(result.allRectangles.map(\.kind))
        notes.append(
            "\(file) is a nonlinear GENIUS profile: \(tree.rectangles) hyper-rectangles"
                + (kinds.contains(.excludes) ? " (some EXCLUDES)" : "")
                + " in \(tree.nodes) utility function\(tree.nodes == 1 ? "" : "s"); U = min(1, F/\(formatNumber(maxUtility))) "
                + "as in GENIUS, which is not additive.")
        notes.append(contentsOf: tree.notes)
        return result
    }

    /// Reads a `<ufun>` tree, counting what it reads.
    fileprivate struct TreeReader {
        let file: String
        let domain: GeniusDomain
        var rectangles = 0
        var nodes = 0
        var notes: [String] = []

        mutating func node(from element: GeniusXMLElement) throws(GeniusImportError) -> HyperRectangleUtility.Node {
            nodes += 1
            let reader = GeniusAttributeReader(element: element, file: file)
            let written = try reader.string("aggregation")
            guard
                let aggregation = HyperRectangleUtility.Aggregation(
                    rawValue: written.trimmingGeniusWhitespace().lowercased())
            else {
                throw reader.invalid("has aggregation=\"\(written)\"; GENIUS aggregates by sum, min or max")
            }
            let weight = try reader.optionalNumber("weight") ?? 1
            var rectangles: [HyperRectangleUtility.Rectangle] = []
            for child in element.children(named: "hyperRectangle") { rectangles.append(try rectangle(from: child)) }
            var children: [HyperRectangleUtility.Node] = []
            for child in element.children(named: "ufun") { children.append(try node(from: child)) }
            return HyperRectangleUtility.Node(
                aggregation: aggregation, weight: weight, rectangles: rectangles, children: children)
        }

        mutating func rectangle(
            from element: GeniusXMLElement
        ) throws(GeniusImportError) -> HyperRectangleUtility.Rectangle {
            rectangles += 1
            let reader = GeniusAttributeReader(element: element, file: file)
            let utility = try reader.number("utility")
            let weight = try reader.optionalNumber("weight") ?? 1
            let excludes = element.children(named: "EXCLUDES")
            let includes = element.children(named: "INCLUDES")
            if !excludes.isEmpty && !includes.isEmpty {
                notes.append(
                    "\(file): line \(element.line): a <hyperRectangle> with both INCLUDES and EXCLUDES bounds is an "
                        + "EXCLUDES rectangle; its INCLUDES bounds are ignored, as in GENIUS.")
            }
            var bounds: [HyperRectangleUtility.Bound] = []
            for child in excludes.isEmpty ? includes : excludes { bounds.append(try bound(from: child)) }
            return HyperRectangleUtility.Rectangle(
                kind: excludes.isEmpty ? .includes : .excludes, bounds: bounds, utility: utility, weight: weight)
        }

        func bound(from element: GeniusXMLElement) throws(GeniusImportError) -> HyperRectangleUtility.Bound {
            let reader = GeniusAttributeReader(element: element, file: file)
            let index = try reader.integer("index")
            let minimum = try reader.integer("min")
            let maximum = try reader.integer("max")
            guard let position = domain.position(ofIndex: index) else {
                throw reader.invalid("bounds index \(index), which no issue of the domain \(domain.file) has")
            }
            let issue = domain.issues[position]
            guard case .integer(let lower, let upper) = issue.kind else {
                throw reader.invalid(
                    "bounds issue \"\(issue.name)\" (index \(index)), a \(issue.kind.typeName) issue; GENIUS bounds "
                        + "only integer issues")
            }
            // Value v = lower + level; the bound holds where minimum ≤ v ≤ maximum.
            let count = upper - lower + 1
            let first = Swift.min(Swift.max(minimum - lower, 0), count)
            let end = Swift.max(Swift.min(maximum - lower + 1, count), first)
            return HyperRectangleUtility.Bound(issue: position, levels: first..<end)
        }
    }
}

/// GENIUS's evaluator formulas, with its own order of operations so that results agree to the last bit.
enum GeniusEvaluation {
    /// A discrete evaluation divided by the issue's maximum; 0 when the maximum is below 0.00001.
    static func discrete(_ evaluation: Double, maximum: Double) -> Double {
        maximum < 0.00001 ? 0 : evaluation / maximum
    }

    /// `slope·(x − lowerBound) + offset`, clamped to [0, 1].
    static func integer(_ x: Int, lowerBound: Int, slope: Double, offset: Double) -> Double {
        clamped(slope * Double(x - lowerBound) + offset)
    }

    /// `parameter1·x + parameter0`, clamped to [0, 1].
    static func realLinear(_ x: Double, parameter0: Double, parameter1: Double) -> Double {
        clamped(parameter1 * x + parameter0)
    }

    /// 0 below `low`, rising to 1 at `top`, falling to 0 at `high` and beyond.
    static func triangular(_ x: Double, low: Double, high: Double, top: Double) -> Double {
        if x < low { return 0 }
        if x < top { return (x - low) / (top - low) }
        if x < high { return 1 - (x - top) / (high - top) }
        return 0
    }

    private static func clamped(_ value: Double) -> Double {
        value < 0 ? 0 : (value > 1 ? 1 : value)
    }
}
