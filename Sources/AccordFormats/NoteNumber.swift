import Foundation

/// A computed number for a note: at least 4 decimals, or 4 significant digits below 0.001, without trailing zeros
/// or float noise (`0.975`, not `0.9750000000000001`); whole numbers as integers.
func noteNumber(_ value: Double) -> String {
    guard value.isFinite, value != 0, abs(value) < 1e15 else {
        return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
    let magnitude = Int(log10(abs(value)).rounded(.down))
    var text = String(format: "%.\(max(4, 3 - magnitude))f", value)
    if text.contains(".") {
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
}
