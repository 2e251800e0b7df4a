import QanatText

/// A board column: its header, a fixed width (0 = takes what is left), and how important it is
/// to keep when the terminal is narrow (higher stays longer).
struct TableColumn<Row> {
    var title: UIText
    var width: Int
    var keep: Int
    var alignRight = false
    /// Cells left empty at the column's start edge (unit rows under a group header).
    var indent = 0
    /// The width it grows to on a wide screen, once the flexible column has room to spare.
    var wide: Int? = nil
    var cell: (Row, Localizer) -> (String, StyleRole?)
}

/// The columns that fit `width`, with their x and final width. The flexible column grows into
/// what is left and is at least `flexibleMinimum` cells; columns least worth keeping go first.
func placeColumns<Row>(_ columns: [TableColumn<Row>], width: Int, flexibleMinimum: Int) -> [(
    column: TableColumn<Row>, x: Int, width: Int
)] {
    var kept = Array(columns.indices)
    func needed(_ indices: [Int]) -> Int {
        indices.reduce(0) { $0 + (columns[$1].width == 0 ? flexibleMinimum : columns[$1].width) }
            + max(0, indices.count - 1)
    }
    while needed(kept) > width, kept.count > 1,
        let drop = kept.filter({ columns[$0].width > 0 }).min(by: { columns[$0].keep < columns[$1].keep })
    {
        kept.removeAll { $0 == drop }
    }
    let fixed = kept.reduce(0) { $0 + columns[$1].width } + max(0, kept.count - 1)
    var flexible = max(flexibleMinimum, width - fixed)
    // On a wide screen, columns that cut their text at the usual width take part of what the
    // flexible column does not need.
    var widths = columns.map(\.width)
    var spare = max(0, flexible - max(flexibleMinimum, 48))
    for index in kept where spare > 0 {
        guard let wide = columns[index].wide, wide > columns[index].width else { continue }
        let grown = min(spare, wide - columns[index].width)
        widths[index] += grown
        spare -= grown
        flexible -= grown
    }
    var x = 0
    return kept.map { index in
        let w = columns[index].width == 0 ? flexible : widths[index]
        defer { x += w + 1 }
        return (columns[index], x, w)
    }
}

/// How the selected row is marked. `none` on the wall, where nobody selects. The log following
/// live marks no row: the newest changes under the officer's keys, so nothing there is selected
/// (and a new message costs the terminal about one line).
enum SelectionMark { case row, none }

extension Frame {
    /// Draws a header row and the rows that fit, keeping `selected` in view. A row for which
    /// `banner` gives text (a group header) spans the whole width instead of the columns.
    mutating func table<Row>(
        _ columns: [TableColumn<Row>], rows: [Row], top: Int, height: Int, width: Int,
        flexibleMinimum: Int, selected: Int?, scrollTo: Int? = nil, mark: SelectionMark = .row, localizer: Localizer,
        banner: (Row) -> String? = { _ in nil }, rowRole: (Row) -> StyleRole
    ) {
        let placed = placeColumns(columns, width: width, flexibleMinimum: flexibleMinimum)
        fill(x: 0, y: top, width: width, role: .header)
        for (column, x, w) in placed {
            // A header's digits are figures (p50), written in the interface's digits like the cells.
            put(
                field: localizer.number(localizer(column.title)), x: x, y: top, width: w, role: .header,
                alignRight: column.alignRight)
        }
        let visible = max(0, height - 1)
        let offset = BoardLayout.scrollOffset(selected: scrollTo ?? selected ?? 0, visible: visible)
        for (line, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let y = top + 1 + line
            let row = rows[index]
            let wholeRow = index == selected && mark == .row
            let base: StyleRole = wholeRow ? .selected : rowRole(row)
            fill(x: 0, y: y, width: width, role: base)
            if let text = banner(row) {
                put(text, x: 0, y: y, role: base, limit: width)
                continue
            }
            for (number, (column, x, w)) in placed.enumerated() {
                let (text, role) = column.cell(row, localizer)
                let marked = wholeRow
                let indent = min(column.indent, max(0, w - 1))
                if indent > 0 { fill(x: x, y: y, width: indent, role: marked ? .selected : (role ?? base)) }
                put(
                    field: text, x: x + indent, y: y, width: w - indent, role: marked ? .selected : (role ?? base),
                    alignRight: column.alignRight)
            }
        }
    }
}

enum BoardLayout {
    /// The tab bar is row 0 and the column header row 1.
    static let firstRowY = 2

    static func visibleRows(_ state: DeskState) -> Int { max(0, state.boardHeight - 1) }

    static func scrollOffset(selected: Int, visible: Int) -> Int {
        visible > 0 ? max(0, selected - visible + 1) : 0
    }

    static func firstRowOffset(_ state: DeskState) -> Int {
        scrollOffset(selected: state.viewRow, visible: visibleRows(state))
    }
}
