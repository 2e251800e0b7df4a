import QanatText

/// What a cell means; a theme decides how it looks (colours, bold, reverse).
public enum StyleRole: String, CaseIterable, Sendable {
    case normal, dim, header, tabActive, tabInactive, selected, statusBar, statusLive, statusBusy, statusOffline
    case severityMinor, severityModerate, severitySevere, severityExtreme
    case priorityRoutine, priorityPriority, priorityImmediate, priorityFlash, unacknowledged
    case timerWarning, timerAlarm, groupHeader, key, overlay, error, title
}

/// One terminal cell: a grapheme cluster and its style. A wide cluster fills its first cell;
/// the cell after it holds "" (a continuation) so the grid stays aligned.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var role: StyleRole

    public static let blank = Cell(text: " ", role: .normal)
}

/// A screen as a grid of cells, drawn without any terminal. Screens are functions from state
/// to a frame; the terminal layer draws frames, and tests compare them as text.
public struct Frame: Equatable, Sendable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes untrusted or trusted text from (x, y), at most `limit` cells, never past the edge.
    /// Text is sanitised here, so no caller can let a control character reach the terminal.
    /// Returns the number of cells used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, role: StyleRole = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let room = min(limit ?? width, width - max(0, x))
        let shown = DisplayWidth.truncate(UntrustedText.sanitized(text), to: room)
        var column = x
        for cluster in shown {
            let w = DisplayWidth.of(cluster)
            if w == 0 {
                // A mark with nothing before it in this field: attach to a dotted circle.
                if column == x { set(column, y, Cell(text: "\u{25CC}" + String(cluster), role: role)); column += 1 }
                else if column - 1 >= 0 { cells[y * width + column - 1].text += String(cluster) }
                continue
            }
            guard column >= 0, column + w <= width else { column += w; continue }
            set(column, y, Cell(text: String(cluster), role: role))
            if w == 2 { set(column + 1, y, Cell(text: "", role: role)) }
            column += w
        }
        return column - x
    }

    /// Writes `text` padded or cut to exactly `width` cells.
    public mutating func put(field text: String, x: Int, y: Int, width fieldWidth: Int, role: StyleRole = .normal, alignRight: Bool = false) {
        fill(x: x, y: y, width: fieldWidth, role: role)
        let used = DisplayWidth.of(DisplayWidth.truncate(UntrustedText.sanitized(text), to: fieldWidth))
        put(text, x: alignRight ? x + fieldWidth - used : x, y: y, role: role, limit: fieldWidth)
    }

    public mutating func fill(x: Int, y: Int, width fillWidth: Int, role: StyleRole, text: String = " ") {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + fillWidth)) { set(column, y, Cell(text: text, role: role)) }
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
    /// Copies another frame's cells in at (x, y), clipped to this frame.
    public mutating func blit(_ other: Frame, x: Int, y: Int) {
        for row in 0..<other.height where y + row >= 0 && y + row < height {
            for column in 0..<other.width where x + column >= 0 && x + column < width {
                cells[(y + row) * width + x + column] = other[column, row]
            }
        }
    }
}
