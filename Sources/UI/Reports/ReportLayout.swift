import QanatCore
import QanatText

/// Reports as lines of text or Markdown, in the interface's language: a title, lines of text and
/// sections of table rows. Text from users is sanitised; a cell's line breaks stay line breaks
/// (further rows in text, `<br>` in Markdown), and a Markdown cell's pipes are escaped.
public enum ReportLayout {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    /// What a report says, before it is laid out as text, Markdown or the desk's screen.
    enum Block {
        case title(String)
        case text(String)
        case section(heading: String, header: [String], rows: [[String]])
    }

    static func lines(_ blocks: [Block], _ l: Localizer, format: Format) -> [String] {
        format == .markdown ? markdown(blocks, l) : display(blocks, l).map(\.plainText)
    }

    /// Headings and text as lines, each section's rows as a table with aligned columns.
    static func display(_ blocks: [Block], _ l: Localizer) -> [HandoverLine] {
        var out: [HandoverLine] = []
        for block in blocks {
            switch block {
            case .title(let title):
                out.append(.heading(title))
                out.append(.text(String(repeating: "═", count: min(78, DisplayWidth.of(title)))))
            case .text(let text):
                out.append(.text(text))
            case .section(let heading, let header, let rows):
                out.append(.text(""))
                out.append(.heading(heading))
                guard !rows.isEmpty else {
                    out.append(.text("  " + l(.none)))
                    continue
                }
                let cleaned = rows.flatMap(rowLines)
                let widths = TextTable(titles: header, fitting: cleaned, widest: 36).columns.map(\.width)
                out.append(.row(header, widths: widths))
                out += cleaned.map { .row($0, widths: widths) }
            }
        }
        return out
    }

    static func markdown(_ blocks: [Block], _ l: Localizer) -> [String] {
        var out: [String] = []
        for block in blocks {
            switch block {
            case .title(let title):
                out += ["# " + markdownSafe(clean(title)), ""]
            case .text(let text):
                out.append(markdownSafe(text))
            case .section(let heading, let header, let rows):
                out += ["", "## " + markdownSafe(clean(heading))]
                guard !rows.isEmpty else {
                    out += ["", "_\(l(.none))_"]
                    continue
                }
                out.append("| " + header.map(cell).joined(separator: " | ") + " |")
                out.append("|" + Array(repeating: " --- |", count: header.count).joined())
                for row in rows { out.append("| " + row.map(cell).joined(separator: " | ") + " |") }
            }
        }
        return out
    }

    /// Untrusted text on one line, safe for a terminal.
    static func clean(_ text: String) -> String { cellLines(text).joined(separator: " ") }

    /// Untrusted text as the lines it breaks itself into, each safe for a terminal.
    static func cellLines(_ text: String) -> [String] {
        let lines = text.split(whereSeparator: \.isNewline).map { UntrustedText.sanitized(String($0)) }
        return lines.isEmpty ? [""] : lines
    }

    /// A table row whose cells break into lines (a message of several lines) as rows of one line
    /// each: every cell's first line, then the further lines under their own column.
    static func rowLines(_ row: [String]) -> [[String]] {
        let cells = row.map(cellLines)
        let height = cells.map(\.count).max() ?? 1
        return (0..<height).map { line in cells.map { line < $0.count ? $0[line] : "" } }
    }

    /// A Markdown table cell: no pipe may end it early, and its line breaks are `<br>`.
    static func cell(_ text: String) -> String {
        cellLines(text).map {
            markdownSafe($0).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
        }
        .joined(separator: "<br>")
    }

    /// Text from users, in Markdown that a browser may render: its HTML (`<script>`, `<img onerror>`)
    /// shows as text, and its brackets make no link (`[x](javascript:…)`).
    static func markdownSafe(_ text: String) -> String {
        var safe = ""
        for character in text {
            switch character {
            case "&": safe += "&amp;"
            case "<": safe += "&lt;"
            case ">": safe += "&gt;"
            case "[": safe += "\\["
            case "]": safe += "\\]"
            default: safe.append(character)
            }
        }
        return safe
    }
}
