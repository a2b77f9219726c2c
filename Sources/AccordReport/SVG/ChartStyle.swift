import AccordFormats

/// The shared look of Accord's charts: fonts, a colour-blind-safe palette, and text measurement.
enum ChartStyle {
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif"
    static let fontSize = 13.0
    static let smallSize = 12.0
    static let titleSize = 16.0
    static let ink = "#1a1a1a"
    static let grid = "#e3e3e3"
    static let axis = "#666666"

    /// The Okabe–Ito palette (distinguishable with every common colour-vision deficiency), black left out.
    static let palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
    static let blue = "#0072B2"
    static let orange = "#E69F00"
    static let green = "#009E73"
    static let vermillion = "#D55E00"
    static let purple = "#CC79A7"
    static let cloud = "#b4b4b4"

    /// The colour of the n-th series, cycling through the palette.
    static func series(_ index: Int) -> String { palette[index % palette.count] }

    /// An estimate of the rendered width of a line of text (sans-serif averages about 0.6 em per character).
    static func width(of text: String, size: Double = fontSize, bold: Bool = false) -> Double {
        Double(text.count) * size * (bold ? 0.66 : 0.6)
    }

    /// The text cut to at most `limit` characters, ending with an ellipsis when cut.
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// Words packed into lines of at most `limit` characters (a word longer than the limit gets its own line).
    static func wrapped(_ text: String, _ limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= limit {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A percentage with one decimal, two near 0 and 100 where one would round an estimate to the bound.
    static func percent(_ value: Double) -> String {
        let decimals = value > 0 && value < 0.001 || value < 1 && value > 0.999 ? 2 : 1
        return fixed(100 * value, decimals) + " %"
    }
}

/// A linear map from data values onto pixels; the pixel end may be below the start (a vertical axis grows upwards).
struct LinearScale {
    var domain: (low: Double, high: Double)
    var pixels: (low: Double, high: Double)

    func callAsFunction(_ value: Double) -> Double {
        let span = domain.high - domain.low
        let t = span == 0 ? 0 : (value - domain.low) / span
        return pixels.low + t * (pixels.high - pixels.low)
    }
}

extension LinearScale {
    /// A horizontal 0–1 axis under a plot: vertical grid lines every 0.1 from `top` to `bottom`, tick labels
    /// every 0.2, the axis line and its bold label.
    func unitAxis(top: Double, bottom: Double, label: String) -> [SVGElement] {
        var items: [SVGElement] = []
        for step in 0...10 {
            let value = Double(step) / 10
            items.append(.line(self(value), top, self(value), bottom, stroke: ChartStyle.grid))
            if step % 2 == 0 {
                items.append(
                    .text(fixed(value, 1), self(value), bottom + 18, size: ChartStyle.smallSize, anchor: "middle"))
            }
        }
        items.append(.line(self(0), bottom, self(1), bottom, stroke: ChartStyle.axis))
        items.append(.text(label, self(0.5), bottom + 40, anchor: "middle", weight: "bold"))
        return items
    }
}
