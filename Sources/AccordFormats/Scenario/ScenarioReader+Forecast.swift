import AccordForecast

extension ScenarioReader {
    // MARK: The forecast section

    /// Reads the optional `forecast:` section: a scenario for the spatial model of politics (dimensions, and actors
    /// with a capability and, per dimension, a position and a salience on 0–100), checked as
    /// ``SpatialScenario/validate()`` would check it but with every problem reported at its key path.
    ///
    /// - Returns: the scenario (named `name`), or `nil` when the section has problems (reported).
    mutating func readForecast(_ node: DocumentNode, _ path: String, name: String?) -> SpatialScenario? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(entries, path, allowed: ["description", "dimensions", "actors"])
        let description = string(node["description"], "\(path).description", required: false)
        let problemsBefore = problems.count

        var dimensions: [(id: String, name: String)] = []
        let declared = (node["dimensions"]?.items ?? []).compactMap { $0.scalar ?? $0["id"]?.scalar }
        if let items = list(node["dimensions"], "\(path).dimensions") {
            if items.isEmpty {
                problem("\(path).dimensions", node["dimensions"], "is empty; the forecast needs at least one dimension")
            }
            for (index, item) in items.enumerated() {
                let dimensionPath = itemPath("\(path).dimensions", index, item)
                guard let dimension = readDimension(item, dimensionPath) else { continue }
                if dimensions.contains(where: { $0.id == dimension.id }) {
                    problem(
                        dimensionPath, item,
                        "'\(dimension.id)' is used by an earlier dimension; ids must be unique")
                } else {
                    dimensions.append(dimension)
                }
            }
        }

        var actors: [(id: String, actor: SpatialActor)] = []
        if let items = list(node["actors"], "\(path).actors") {
            if items.count < 3 {
                problem(
                    "\(path).actors", node["actors"],
                    "has \(items.count) actor\(items.count == 1 ? "" : "s"); the spatial model needs at least 3")
            }
            for (index, item) in items.enumerated() {
                let actorPath = itemPath("\(path).actors", index, item)
                guard let (id, actor) = readSpatialActor(item, actorPath, dimensions: dimensions, declared: declared)
                else { continue }
                if actors.contains(where: { $0.id == id }) {
                    problem("\(actorPath).id", item["id"], "'\(id)' is used by an earlier actor; ids must be unique")
                } else {
                    actors.append((id, actor))
                }
            }
        }
        guard problems.count == problemsBefore else { return nil }
        return SpatialScenario(
            name: name ?? "", description: description ?? "", dimensions: dimensions.map(\.name),
            actors: actors.map(\.actor))
    }

    /// A dimension: `{id, name, description}` or a bare id.
    mutating func readDimension(_ node: DocumentNode, _ path: String) -> (id: String, name: String)? {
        if node.scalar != nil {
            guard let id = identifier(node, path) else { return nil }
            return (id, id)
        }
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(entries, path, allowed: ["id", "name", "description"])
        let name = string(node["name"], "\(path).name", required: false)
        _ = string(node["description"], "\(path).description", required: false)
        guard let id = identifier(node["id"], "\(path).id") else { return nil }
        return (id, name ?? id)
    }

    /// An actor: id, optional name and description, a positive capability, and per dimension a position and a
    /// salience on 0–100, the saliences summing to at most 100 and not all 0.
    mutating func readSpatialActor(
        _ node: DocumentNode, _ path: String, dimensions: [(id: String, name: String)], declared: [String]
    ) -> (String, SpatialActor)? {
        guard let entries = mapping(node, path) else { return nil }
        rejectUnknownKeys(
            entries, path, allowed: ["id", "name", "description", "capability", "positions", "saliences"])
        let problemsBefore = problems.count
        let id = identifier(node["id"], "\(path).id")
        let name = string(node["name"], "\(path).name", required: false)
        let description = string(node["description"], "\(path).description", required: false)
        let capability = number(node["capability"], "\(path).capability")
        if let capability, !(capability > 0) {
            problem(
                "\(path).capability", node["capability"],
                "a capability must be a positive number, found \(formatted(capability))")
        }
        let positions = readDimensionValues(
            node["positions"], "\(path).positions", what: "position", dimensions: dimensions, declared: declared)
        let saliences = readDimensionValues(
            node["saliences"], "\(path).saliences", what: "salience", dimensions: dimensions, declared: declared)
        if let saliences {
            let total = saliences.reduce(0, +)
            if total > 100 {
                problem(
                    "\(path).saliences", node["saliences"],
                    "sum to \(formatted(total)); an actor's saliences sum to at most 100")
            } else if total <= 0 {
                problem(
                    "\(path).saliences", node["saliences"],
                    "are all 0; at least one dimension must matter to the actor")
            }
        }
        guard problems.count == problemsBefore, let id, let capability, let positions, let saliences else {
            return nil
        }
        let actor = SpatialActor(
            name: name ?? id, description: description ?? "", capability: capability, positions: positions,
            saliences: saliences)
        return (id, actor)
    }

    /// A mapping from dimension id to a number on 0–100, one for every dimension, in dimension order.
    mutating func readDimensionValues(
        _ node: DocumentNode?, _ path: String, what: String, dimensions: [(id: String, name: String)],
        declared: [String]
    ) -> [Double]? {
        guard let pairs = mapping(node, path) else { return nil }
        var values = [Double?](repeating: nil, count: dimensions.count)
        var ok = true
        for pair in pairs {
            let valuePath = "\(path).\(pair.key)"
            guard let index = dimensions.firstIndex(where: { $0.id == pair.key }) else {
                if !declared.contains(pair.key) {
                    problem(
                        valuePath, pair.value,
                        "there is no dimension '\(pair.key)'; dimensions are: \(declared.joined(separator: ", "))")
                }
                ok = false
                continue
            }
            guard let value = number(pair.value, valuePath) else {
                ok = false
                continue
            }
            guard (0...100).contains(value) else {
                problem(valuePath, pair.value, "\(formatted(value)) is outside 0–100; a \(what) is on a 0–100 scale")
                ok = false
                continue
            }
            values[index] = value
        }
        let missing = dimensions.filter { dimension in !pairs.contains { $0.key == dimension.id } }
        if !missing.isEmpty {
            problem(
                path, node,
                "gives no \(what) for dimension(s) \(missing.map(\.id).joined(separator: ", ")); give one for every dimension"
            )
            ok = false
        }
        return ok ? values.map { $0 ?? 0 } : nil
    }
}
