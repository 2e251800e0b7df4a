import QanatCore
import QanatText

/// A message read whole: its priority, channel and time, who sent it and to whom, every word of
/// its subject and body wrapped to the pane, each addressed agency's acknowledgement, and its
/// incident. Enter goes to the incident, `r` replies, `a` acknowledges.
enum MessageDetail {
    static func lines(_ record: MessageRecord, state: DeskState, width: Int) -> [DetailLine] {
        let l = state.localizer
        let m = record.message
        let textWidth = max(8, width - 2)
        var lines: [DetailLine] = [
            DetailLine(styled: [(l(m.priority), m.priority.role), (l(m.channel), nil), (l.dateTime(m.postedAt), .dim)]),
            DetailLine([l(.fieldFrom), m.agency.rawValue, m.officer]),
            DetailLine([
                l(.msgTo),
                m.recipients == .everyone ? "* (\(l(.everyAgency)))" : m.recipients.codes.joined(separator: ", "),
            ]),
            .blank,
        ]
        if let subject = m.subject {
            lines += DetailLine.wrapping(subject, width: textWidth, role: .title)
        }
        lines += DetailLine.wrapping(m.body, width: textWidth)
        lines.append(.blank)
        if m.acknowledgementRequired {
            let tally = record.acknowledgementTally(among: state.data.agencies)
            lines.append(
                DetailLine(
                    ["── \(l(.sectionAcknowledgements)) \(l.number(tally.done))/\(l.number(tally.asked)) ──"],
                    role: .header, indent: 0))
            for agency in m.addressees(among: state.data.agencies) {
                if let ack = record.acknowledgements.first(where: { $0.agency == agency }) {
                    lines.append(DetailLine([agency.rawValue, "✓", l.clock(ack.at), ack.officer]))
                } else {
                    let owed = agency == state.agency
                    lines.append(
                        DetailLine([agency.rawValue, l(.awaitingAcknowledgement)], role: owed ? .unacknowledged : .dim))
                }
            }
        } else {
            lines.append(DetailLine([l(.noAcknowledgementAsked)], role: .dim))
        }
        lines.append(.blank)
        lines.append(DetailLine([l(.colIncident), m.incident?.rawValue ?? l(.none)]))
        lines.append(DetailLine([l(.messageKeys)], role: .dim))
        return lines
    }
}
