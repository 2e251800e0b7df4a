import QanatCore
import QanatText

/// A shift handover as lines of text or Markdown, in the interface's language: what the desk's
/// handover screen shows and what `qanat report shift` prints. Text from users is sanitised;
/// in Markdown, table cells also lose their pipes and line breaks.
public enum HandoverText {
    public typealias Format = ReportLayout.Format

    public static func lines(_ report: HandoverReport, _ l: Localizer, format: Format) -> [String] {
        ReportLayout.lines(blocks(report, l), l, format: format)
    }

    /// The lines the desk's handover screen draws: tables as cells at their columns, so that each
    /// cell keeps its place when the layout is mirrored.
    public static func displayLines(_ report: HandoverReport, _ l: Localizer) -> [HandoverLine] {
        ReportLayout.display(blocks(report, l), l)
    }

    typealias Block = ReportLayout.Block

    static func blocks(_ report: HandoverReport, _ l: Localizer) -> [Block] {
        let shift = report.shift
        var out: [Block] = [.title("\(l(.handoverTitle)) — \(shift.officer) (\(shift.agency))")]
        let end = shift.end.map(l.dateTime) ?? l.dateTime(report.now)
        out.append(
            .text(
                "\(l(.shiftLabel)): \(l.dateTime(shift.start)) – \(end)"
                    + (report.signedOn ? "" : " (\(l(.notSignedOn)))")))
        if let note = shift.note {
            let lines = ReportLayout.cellLines(note)
            out.append(.text("\(l(.handedOver)): \(lines[0])"))
            out += lines.dropFirst().map { .text("  " + $0) }
        }
        out.append(
            .section(
                heading: "\(l(.sectionOpenIncidents)) (\(l.number(report.openIncidents.count)))",
                header: [l(.colReference), l(.colSeverity), l(.colStatus), l(.colTitle), l(.colArea), l(.colUnits)],
                rows: report.openIncidents.map { record in
                    let i = record.incident
                    return [
                        i.reference.rawValue, l(i.severity), l(i.status), i.title, areaName(i.area, l),
                        l.number(record.activeUnits),
                    ]
                }))
        out.append(
            .section(
                heading: "\(l(.sectionUnitsCommitted)) (\(l.number(report.committedUnits.count)))",
                header: [l(.colCallSign), l(.colAgency), l(.colStatus), l(.colIncident), l(.colSince)],
                rows: report.committedUnits.map { record in
                    let u = record.unit
                    return [
                        u.callSign.rawValue, u.agency.rawValue, l(u.status), u.incident?.rawValue ?? "",
                        l.dateTime(u.statusChangedAt),
                    ]
                }))
        out.append(
            .section(
                heading: "\(l(.sectionAwaiting)) \(shift.agency) (\(l.number(report.awaitingAcknowledgement.count)))",
                header: messageHeader(l), rows: report.awaitingAcknowledgement.map { messageRow($0, l) }))
        out.append(
            .section(
                heading: "\(l(.sectionShiftLog)) (\(l.number(report.log.count)))",
                header: messageHeader(l), rows: report.log.map { messageRow($0, l) }))
        return out
    }

    static func messageHeader(_ l: Localizer) -> [String] {
        [l(.colTime), l(.colPriority), l(.colFrom), l(.colTo), l(.colIncident), l(.colMessage)]
    }

    static func messageRow(_ record: MessageRecord, _ l: Localizer) -> [String] {
        let m = record.message
        let text = [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")
        return [
            l.dateTime(m.postedAt), l(m.priority), m.agency.rawValue, m.recipients.codes.joined(separator: ","),
            m.incident?.rawValue ?? "", text,
        ]
    }

}

/// One line of the handover screen.
public enum HandoverLine: Equatable, Sendable {
    case heading(String)
    case text(String)
    /// A table row (the header too): its cells, and the widths of the table's columns.
    case row([String], widths: [Int])

    /// The line as `qanat report shift` prints it: a row indented, its columns two spaces apart.
    public var plainText: String {
        switch self {
        case .heading(let text), .text(let text): text
        case .row(let cells, let widths):
            "  " + TextTable(columns: widths.map { TextTable.Column(title: "", width: $0) }).line(cells)
        }
    }
}
