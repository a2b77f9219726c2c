import AccordFormats

/// A node of a small SVG (XML) tree: an element with ordered attributes and children, or escaped text.
///
/// The tree renders deterministically (attributes in the order given) and escapes every attribute value and text
/// with ``xmlEscaped(_:)``, so names taken from a scenario can never break the markup.
struct SVGElement {
    /// A child: an element or character data.
    enum Child {
        case element(SVGElement)
        case text(String)
    }

    var name: String
    var attributes: [(String, String)]
    var children: [Child]

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [SVGElement] = []) {
        self.name = name
        self.attributes = attributes
        self.children = children.map(Child.element)
    }

    /// An element holding only text, such as `<text>` or `<title>`.
    init(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        self.name = name
        self.attributes = attributes
        self.children = [.text(text)]
    }

    mutating func add(_ element: SVGElement) { children.append(.element(element)) }

    mutating func add(contentsOf elements: [SVGElement]) { children.append(contentsOf: elements.map(Child.element)) }

    /// The XML text of the element and its children.
    func render() -> String {
        var output = ""
        write(to: &output)
        return output
    }

    private func write(to output: inout String) {
        output += "<" + name
        for (key, value) in attributes { output += " \(key)=\"\(xmlEscaped(value))\"" }
        guard !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        let hasElements = children.contains { if case .element = $0 { true } else { false } }
        for child in children {
            switch child {
            case .element(let element):
                if hasElements { output += "\n" }
                element.write(to: &output)
            case .text(let text): output += xmlEscaped(text)
            }
        }
        if hasElements { output += "\n" }
        output += "</" + name + ">"
    }
}

extension SVGElement {
    /// A group of elements with optional attributes (`class`, `transform`, …).
    static func group(_ attributes: [(String, String)] = [], _ children: [SVGElement]) -> SVGElement {
        SVGElement("g", attributes, children)
    }

    static func line(
        _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil
    ) -> SVGElement {
        var attributes = [
            ("x1", svgNumber(x1)), ("y1", svgNumber(y1)), ("x2", svgNumber(x2)), ("y2", svgNumber(y2)),
            ("stroke", stroke), ("stroke-width", svgNumber(width)),
        ]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        return SVGElement("line", attributes)
    }

    static func rect(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: String, stroke: String? = nil,
        extra: [(String, String)] = []
    ) -> SVGElement {
        var attributes = [
            ("x", svgNumber(x)), ("y", svgNumber(y)), ("width", svgNumber(max(0, width))),
            ("height", svgNumber(max(0, height))), ("fill", fill),
        ]
        if let stroke { attributes.append(("stroke", stroke)) }
        return SVGElement("rect", attributes + extra)
    }

    static func circle(_ x: Double, _ y: Double, radius: Double, fill: String, stroke: String? = nil) -> SVGElement {
        var attributes = [("cx", svgNumber(x)), ("cy", svgNumber(y)), ("r", svgNumber(radius)), ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        return SVGElement("circle", attributes)
    }

    static func path(_ data: String, fill: String = "none", stroke: String? = nil, extra: [(String, String)] = [])
        -> SVGElement
    {
        var attributes = [("d", data), ("fill", fill)]
        if let stroke { attributes.append(("stroke", stroke)) }
        return SVGElement("path", attributes + extra)
    }

    /// A line of text; `anchor` is `start`, `middle` or `end`.
    static func text(
        _ text: String, _ x: Double, _ y: Double, size: Double = ChartStyle.fontSize, anchor: String = "start",
        weight: String? = nil, fill: String = ChartStyle.ink, extra: [(String, String)] = []
    ) -> SVGElement {
        var attributes = [("x", svgNumber(x)), ("y", svgNumber(y)), ("font-size", svgNumber(size))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if let weight { attributes.append(("font-weight", weight)) }
        if fill != ChartStyle.ink { attributes.append(("fill", fill)) }
        return SVGElement("text", attributes + extra, text: text)
    }

    /// A `<title>` child: the accessible name of its parent, shown as a tooltip.
    static func title(_ text: String) -> SVGElement { SVGElement("title", text: text) }

    /// The root `<svg>` of a chart, with its accessible name and a visible title line.
    static func chart(width: Double, height: Double, title: String, description: String, _ children: [SVGElement])
        -> SVGElement
    {
        var root = SVGElement(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", svgNumber(width)), ("height", svgNumber(height)),
                ("viewBox", "0 0 \(svgNumber(width)) \(svgNumber(height))"), ("role", "img"),
                ("aria-label", title + ". " + description), ("font-family", ChartStyle.fontFamily),
            ])
        root.add(.title(title))
        root.add(SVGElement("desc", text: description))
        root.add(.rect(0, 0, width, height, fill: "#ffffff"))
        root.add(.text(title, 12, 24, size: ChartStyle.titleSize, weight: "bold"))
        root.add(contentsOf: children)
        return root
    }
}

/// Text made safe for XML character data and attribute values: `&`, `<`, `>`, `"` and `'` become entities, and
/// control characters that XML 1.0 forbids are dropped.
package func xmlEscaped(_ text: String) -> String {
    var output = ""
    output.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": output += "&amp;"
        case "<": output += "&lt;"
        case ">": output += "&gt;"
        case "\"": output += "&quot;"
        case "'": output += "&#39;"
        case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
        default:
            if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                output.unicodeScalars.append(scalar)
            }
        }
    }
    return output
}

/// A coordinate with at most one decimal, without a trailing `.0`: compact and deterministic.
func svgNumber(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let tenths = (value * 10).rounded()
    if tenths == 0 { return "0" }
    let text = fixed(tenths / 10, 1)
    return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
}
