import QanatText

/// A plain table of text: `qanat list` on a terminal or in a pipe, and the handover report.
/// Cells are sanitised (untrusted text never reaches the terminal raw) and cut to their column's
/// width in cells, with an ellipsis; columns stand two spaces apart.
public struct TextTable: Sendable {
    public struct Column: Sendable {
        public var title: String
        public var width: Int

        public init(title: String, width: Int) {
            self.title = title
            self.width = width
        }
    }

    public let columns: [Column]

    public init(columns: [Column]) { self.columns = columns }

    /// Columns as wide as their widest cell (title included): at most `widest` cells each but the
    /// last, which keeps its whole text.
    public init(titles: [String], fitting rows: [[String]], widest: Int) {
        columns = titles.enumerated().map { index, title in
            let cells = [title] + rows.map { index < $0.count ? UntrustedText.sanitized($0[index]) : "" }
            let width = cells.map(DisplayWidth.of).max() ?? 0
            return Column(title: title, width: index == titles.count - 1 ? width : min(widest, width))
        }
    }

    public func header() -> String { line(columns.map(\.title)) }

    public func line(_ cells: [String]) -> String {
        zip(columns, cells).map { column, cell in
            DisplayWidth.fit(UntrustedText.sanitized(cell), to: column.width)
        }.joined(separator: "  ").trimmingTrailingSpaces()
    }
}

extension String {
    public func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
