import QanatText

/// A plain table for `list` on a terminal or in a pipe. Cells are sanitised (untrusted text never
/// reaches the terminal raw) and cut to their column's width in cells, with an ellipsis.
struct TextTable {
    struct Column {
        var title: String
        var width: Int
    }

    let columns: [Column]

    func header() -> String { line(columns.map(\.title)) }

    func line(_ cells: [String]) -> String {
        zip(columns, cells).map { column, cell in
            DisplayWidth.fit(UntrustedText.sanitized(cell), to: column.width)
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }

}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
