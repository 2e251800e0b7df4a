import QanatText

/// What a cell means; a theme decides how it looks (colours, bold, reverse).
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, dim, header, tabActive, tabInactive, selected, statusBar, statusLive, statusBusy, statusOffline
    case severityMinor, severityModerate, severitySevere, severityExtreme
    case priorityRoutine, priorityPriority, priorityImmediate, priorityFlash, unacknowledged
    case timerWarning, timerAlarm, groupHeader, key, overlay, error, title
    /// What a search matched, in a result line.
    case match
}

/// One terminal cell: a grapheme cluster and its style. A wide cluster fills its first cell;
/// the cell after it holds "" (a continuation) so the grid stays aligned.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    public static let blank = Cell(text: " ", role: .normal)
}

/// How a frame lays text out. Views place everything from the start edge (`x` counts cells
/// from it); the frame maps that to columns.
public struct TextLayout: Equatable, Sendable {
    /// The start edge is the right one: columns run right to left (the Arabic interface).
    public var mirrored: Bool
    /// Each field is drawn in visual order and shaped, for terminals that do neither (`--bidi app`).
    public var reordered: Bool

    public init(mirrored: Bool, reordered: Bool) {
        self.mirrored = mirrored
        self.reordered = reordered
    }

    /// Logical order, left to right: for terminals that do their own bidi (`--bidi terminal`).
    public static let logical = TextLayout(mirrored: false, reordered: false)
}

/// A screen as a grid of cells, drawn without any terminal. Screens are functions from state
/// to a frame; the terminal layer draws frames, and tests compare them as text.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public let layout: TextLayout
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, layout: TextLayout = .logical) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.layout = layout
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The left-most column of a span `span` cells wide that starts `x` cells from the start edge.
    func column(_ x: Int, span: Int) -> Int { layout.mirrored ? width - x - span : x }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes untrusted or trusted text from (x, y), at most `limit` cells, never past the edge.
    /// Text is sanitised here, so no caller can let a control character reach the terminal; with
    /// a reordered layout it is drawn as one bidi field. Returns the number of cells used.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil,
        paragraph: TextDirection? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let placed = placed(text, limit: min(limit ?? width, width - max(0, x)), paragraph: paragraph)
        return draw(placed, from: column(x, span: placed.width), y: y, role: role)
    }

    /// A line of a wrapped paragraph, reordered with the whole paragraph's levels; one wider
    /// than `limit` is cut as a field of its own, in the paragraph's direction.
    @discardableResult
    public mutating func put(line: WrappedLine, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let room = min(limit ?? width, width - max(0, x))
        // A paragraph with no right-to-left letters reads the same line by line: a plain field.
        guard line.rightToLeft else { return put(line.text, x: x, y: y, role: role, limit: room) }
        guard DisplayWidth.of(line.text) <= room else {
            return put(line.text, x: x, y: y, role: role, limit: room, paragraph: Bidi.direction(of: line.paragraph))
        }
        let placed = FieldCache.placed(line, reordered: layout.reordered)
        return draw(placed, from: column(x, span: placed.width), y: y, role: role)
    }

    /// The pieces of one line (a hint's parts, a reference and a title), each drawn as a bidi field
    /// of its own, in the line's direction: from the start edge, so that in Arabic the pieces run
    /// right to left while each keeps its own direction. Returns the cells used.
    @discardableResult
    public mutating func put(
        pieces: [String], separator: String = " · ", x: Int, y: Int, role: StyleRole = .normal,
        limit: Int? = nil
    ) -> Int {
        let room = min(limit ?? width, width - max(0, x))
        // In a mirrored line each piece reads from the right as well: `Tab التالي`, key first.
        let direction: TextDirection? = layout.mirrored ? .rightToLeft : nil
        var used = 0
        for (index, piece) in pieces.enumerated() where used < room {
            if index > 0 { used += put(separator, x: x + used, y: y, role: role, limit: room - used) }
            used += put(piece, x: x + used, y: y, role: role, limit: room - used, paragraph: direction)
        }
        return used
    }

    /// `put`, with the characters in `marked` (ranges of `text`'s characters: a search match)
    /// drawn in `markRole`, wherever the bidi step has put them.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, role: StyleRole, limit: Int, marking marked: [Range<Int>],
        as markRole: StyleRole
    ) -> Int {
        guard !marked.isEmpty else { return put(text, x: x, y: y, role: role, limit: limit) }
        guard y >= 0, y < height, x < width else { return 0 }
        let sanitized = UntrustedText.sanitized(text)
        let logical = DisplayWidth.truncate(sanitized, to: min(limit, width - max(0, x)))
        let placed = layout.reordered ? Bidi.layout(logical) : VisualText(logical: logical)
        let start = column(x, span: placed.width)
        let used = draw(placed.text, from: start, y: y, role: role)
        // When cut, the last character drawn is the ellipsis, not the text's.
        let kept = logical.count == sanitized.count ? logical.count : logical.count - 1
        for index in marked.flatMap({ $0 }) where index < kept {
            var cell = start + placed.columns[index]
            while cell >= 0, cell < width {
                cells[y * width + cell].role = markRole
                cell += 1
                // A wide character's second cell.
                guard cell < width, cells[y * width + cell].text.isEmpty else { break }
            }
        }
        return used
    }

    /// Draws text already in visual order from column `start`, left to right.
    @discardableResult
    private mutating func draw(_ shown: String, from start: Int, y: Int, role: StyleRole) -> Int {
        draw(FieldCache.place(shown), from: start, y: y, role: role)
    }

    private mutating func draw(_ placed: PlacedField, from start: Int, y: Int, role: StyleRole) -> Int {
        var column = start
        for (cluster, cellWidth) in zip(placed.clusters, placed.widths) {
            let w = Int(cellWidth)
            if w == 0 {
                if column > start, column - 1 >= 0, column - 1 < width { cells[y * width + column - 1].text += cluster }
                continue
            }
            guard column >= 0, column + w <= width else {
                column += w
                continue
            }
            set(column, y, Cell(text: cluster, role: role))
            if w == 2 { set(column + 1, y, Cell(text: "", role: role)) }
            column += w
        }
        return column - start
    }

    /// An editable field: `text` in `width` cells with the cursor (before logical character
    /// `cursor`) as a cell in `cursorRole`. Right-to-left text keeps its order while being typed,
    /// and a cursor past its end stands to its left.
    public mutating func putEditable(
        _ text: String, cursor: Int, x: Int, y: Int, width fieldWidth: Int,
        role: StyleRole, cursorRole: StyleRole
    ) {
        guard y >= 0, y < height, fieldWidth > 1 else { return }
        fill(x: x, y: y, width: fieldWidth, role: role)
        let shownFrom = max(0, cursor - fieldWidth + 2)
        let visible = String(text.dropFirst(shownFrom))
        let logical = DisplayWidth.truncate(UntrustedText.sanitized(visible), to: fieldWidth - 1)
        let placed = layout.reordered ? Bidi.layout(logical) : VisualText(logical: logical)
        // Sanitising keeps the count of characters (a leading mark's dotted circle joins it).
        let index = cursor - shownFrom
        let fieldLeft = column(x, span: fieldWidth)
        var start = column(x, span: placed.width)
        let cursorAt = start + placed.cursorColumn(before: index)
        if cursorAt < fieldLeft { start += fieldLeft - cursorAt }
        if cursorAt >= fieldLeft + fieldWidth { start -= cursorAt - (fieldLeft + fieldWidth - 1) }
        draw(placed.text, from: start, y: y, role: role)
        var cursorColumn = start + placed.cursorColumn(before: index)
        if cursorColumn > 0, cursorColumn < width, cells[y * width + cursorColumn].text.isEmpty { cursorColumn -= 1 }
        if cursorColumn >= 0, cursorColumn < width { cells[y * width + cursorColumn].role = cursorRole }
    }

    public mutating func put(
        field text: String, x: Int, y: Int, width fieldWidth: Int, role: StyleRole = .normal, alignRight: Bool = false
    ) {
        fill(x: x, y: y, width: fieldWidth, role: role)
        let used = placed(text, limit: fieldWidth).width
        put(text, x: alignRight ? x + fieldWidth - used : x, y: y, role: role, limit: fieldWidth)
    }

    /// What `put` draws for `text` within `limit` cells.
    func placed(_ text: String, limit: Int, paragraph: TextDirection? = nil) -> PlacedField {
        FieldCache.placed(text, limit: limit, paragraph: paragraph, reordered: layout.reordered)
    }

    public mutating func fill(x: Int, y: Int, width fillWidth: Int, role: StyleRole, text: String = " ") {
        guard y >= 0, y < height else { return }
        let left = column(x, span: fillWidth)
        for column in max(0, left)..<max(max(0, left), min(width, left + fillWidth)) {
            set(column, y, Cell(text: text, role: role))
        }
    }

    public mutating func fill(row y: Int, role: StyleRole) { fill(x: 0, y: y, width: width, role: role) }

    private mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        cells[y * width + x] = cell
    }

    /// The frame as plain text, one line per row (trailing spaces kept): what snapshots compare.
    public var text: String {
        (0..<height).map { y in (0..<width).map { x in self[x, y].text }.joined() }.joined(separator: "\n")
    }

    /// Rows as text with trailing spaces trimmed, for readable test failures.
    public var lines: [String] {
        (0..<height).map { y in
            var line = (0..<width).map { x in self[x, y].text }.joined()
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}

extension Frame {
    /// Copies another frame's cells in at (x, y), clipped to this frame. Both frames share a
    /// layout, so the other frame's cells are already where they belong.
    public mutating func blit(_ other: Frame, x start: Int, y: Int) {
        let x = column(start, span: other.width)
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for column in 0..<other.width where x + column >= 0 && x + column < width {
                cells[(y + row) * width + x + column] = other[column, row]
            }
        }
    }
}
