import QanatCore
import QanatText

/// A shift handover as lines of text or Markdown, in the interface's language: what the desk's
/// handover screen shows and what `qanat report shift` prints. Text from users is sanitised;
/// in Markdown, table cells also lose their pipes and line breaks.
public enum HandoverText {
    public enum Format: String, CaseIterable, Sendable { case text, markdown }

    public static func lines(_ report: HandoverReport, _ l: Localizer, format: Format) -> [String] {
        let markdown = format == .markdown
        let shift = report.shift
        var out: [String] = []
        let title = "\(l(.handoverTitle)) — \(shift.officer) (\(shift.agency))"
        out.append(markdown ? "# " + clean(title) : title)
        let end = shift.end.map(l.dateTime) ?? l.dateTime(report.now)
        let window = "\(l(.shiftLabel)): \(l.dateTime(shift.start)) – \(end)" + (report.signedOn ? "" : " (\(l(.notSignedOn)))")
        out.append(markdown ? "" : String(repeating: "═", count: min(78, DisplayWidth.of(title))))
        out.append(window)
        if let note = shift.note { out.append("\(l(.handedOver)): \(clean(note))") }

        section(&out, "\(l(.sectionOpenIncidents)) (\(l.number(report.openIncidents.count)))", markdown: markdown,
                header: [l(.colReference), l(.colSeverity), l(.colStatus), l(.colTitle), l(.colArea), l(.colUnits)],
                rows: report.openIncidents.map { record in
                    let i = record.incident
                    return [i.reference.rawValue, l(i.severity), l(i.status), i.title, areaName(i.area, l), l.number(record.activeUnits)]
                }, l)
        section(&out, "\(l(.sectionUnitsCommitted)) (\(l.number(report.committedUnits.count)))", markdown: markdown,
                header: [l(.colCallSign), l(.colAgency), l(.colStatus), l(.colIncident), l(.colSince)],
                rows: report.committedUnits.map { record in
                    let u = record.unit
                    return [u.callSign.rawValue, u.agency.rawValue, l(u.status), u.incident?.rawValue ?? "", l.dateTime(u.statusChangedAt)]
                }, l)
        section(&out, "\(l(.sectionAwaiting)) \(shift.agency) (\(l.number(report.awaitingAcknowledgement.count)))", markdown: markdown,
                header: messageHeader(l), rows: report.awaitingAcknowledgement.map { messageRow($0, l) }, l)
        section(&out, "\(l(.sectionShiftLog)) (\(l.number(report.log.count)))", markdown: markdown,
                header: messageHeader(l), rows: report.log.map { messageRow($0, l) }, l)
        return out
    }

    static func messageHeader(_ l: Localizer) -> [String] {
        [l(.colTime), l(.colPriority), l(.colFrom), l(.colTo), l(.colIncident), l(.colMessage)]
    }

    static func messageRow(_ record: MessageRecord, _ l: Localizer) -> [String] {
        let m = record.message
        let text = [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")
        return [l.dateTime(m.postedAt), l(m.priority), m.agency.rawValue, m.recipients.codes.joined(separator: ","), m.incident?.rawValue ?? "", text]
    }

    /// A heading and its rows: a Markdown table, or an indented table with the columns aligned.
    private static func section(_ out: inout [String], _ heading: String, markdown: Bool, header: [String], rows: [[String]], _ l: Localizer) {
        out.append("")
        out.append(markdown ? "## " + clean(heading) : heading)
        guard !rows.isEmpty else {
            out.append(markdown ? "" : "  " + l(.none))
            if markdown { out.append("_\(l(.none))_") }
            return
        }
        if markdown {
            out.append("| " + header.map(cell).joined(separator: " | ") + " |")
            out.append("|" + Array(repeating: " --- |", count: header.count).joined())
            for row in rows { out.append("| " + row.map(cell).joined(separator: " | ") + " |") }
        } else {
            let table = TextTable(titles: header, fitting: rows.map { $0.map(clean) }, widest: 36)
            out.append("  " + table.header())
            for row in rows { out.append("  " + table.line(row.map(clean))) }
        }
    }

    /// Untrusted text on one line, safe for a terminal.
    static func clean(_ text: String) -> String {
        UntrustedText.sanitized(text.split(whereSeparator: \.isNewline).joined(separator: " "))
    }

    /// A Markdown table cell: no pipe or line break may end it early.
    static func cell(_ text: String) -> String { clean(text).split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") }
}
