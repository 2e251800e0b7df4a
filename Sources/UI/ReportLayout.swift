import QanatCore
import QanatText

/// Reports as lines of text or Markdown, in the interface's language: a title, lines of text and
/// sections of table rows. Text from users is sanitised; in Markdown, table cells also lose
/// their pipes and line breaks.
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
                let cleaned = rows.map { $0.map(clean) }
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
                out += ["# " + clean(title), ""]
            case .text(let text):
                out.append(text)
            case .section(let heading, let header, let rows):
                out += ["", "## " + clean(heading)]
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
    static func clean(_ text: String) -> String {
        UntrustedText.sanitized(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// A Markdown table cell: no pipe or line break may end it early.
    static func cell(_ text: String) -> String { clean(text).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
