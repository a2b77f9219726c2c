/// A dense row-major matrix of doubles, the engine's only container for tables of actors × actors or
/// actors × options.
package struct Grid: Sendable, Hashable {
    /// The number of rows.
    package let rows: Int
    /// The number of columns.
    package let columns: Int
    /// The entries, row after row.
    package var values: [Double]

    /// A `rows × columns` grid filled with `value`.
    package init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = rows
        self.columns = columns
        self.values = Array(repeating: value, count: rows * columns)
    }

    /// A grid whose entry (i, j) is `entry(i, j)`, computed row by row.
    package init(rows: Int, columns: Int, entry: (Int, Int) -> Double) {
        self.rows = rows
        self.columns = columns
        var values: [Double] = []
        values.reserveCapacity(rows * columns)
        for i in 0..<rows {
            for j in 0..<columns { values.append(entry(i, j)) }
        }
        self.values = values
    }

    package subscript(row: Int, column: Int) -> Double {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The entries of one row.
    package func row(_ i: Int) -> ArraySlice<Double> {
        values[(i * columns)..<((i + 1) * columns)]
    }
}
