import QanatCore
import QanatText

/// One line of a detail pane: fields drawn apart, so that Arabic and English parts keep their
/// own direction and their place when the pane is mirrored; the gaps are cells, not spaces.
struct DetailLine: Equatable {
    var fields: [(text: String, role: StyleRole?)]
    var role: StyleRole
    var indent: Int
    /// Cells between two fields.
    var gap = 1
    /// A line of wrapped text (a message's body): drawn with its paragraph's direction and levels.
    var wrapped: WrappedLine?

    init(_ fields: [String], role: StyleRole = .normal, indent: Int = 1) {
        self.fields = fields.filter { !$0.isEmpty }.map { ($0, nil) }
        self.role = role
        self.indent = indent
    }

    init(styled fields: [(String, StyleRole?)], role: StyleRole = .normal, indent: Int = 1, gap: Int = 1) {
        self.fields = fields.map { (text: $0.0, role: $0.1) }
        self.role = role
        self.indent = indent
        self.gap = gap
    }

    init(wrapped line: WrappedLine, role: StyleRole = .normal, indent: Int = 1) {
        self.init([line.text], role: role, indent: indent)
        wrapped = line
    }

    /// `text` wrapped to `width`, a line each, every line broken where the text breaks it.
    static func wrapping(_ text: String, width: Int, role: StyleRole = .normal, indent: Int = 1) -> [DetailLine] {
        WrappedLine.wrap(text, width: width).map { DetailLine(wrapped: $0, role: role, indent: indent) }
    }

    static let blank = DetailLine([])

    static func == (a: DetailLine, b: DetailLine) -> Bool {
        a.role == b.role && a.indent == b.indent && a.gap == b.gap && a.fields.map(\.text) == b.fields.map(\.text)
            && a.fields.map(\.role) == b.fields.map(\.role)
    }
}

/// The detail beside a board: an incident's (facts, units, timeline) or a message's (all of its
/// text, recipients, acknowledgements). It scrolls: Tab into it, then j/k, PgUp/PgDn, Home/End.
enum DetailPane {
    /// Where the pane starts and how wide it is: beside the board when the screen is wide.
    static func placement(_ state: DeskState) -> (x: Int, width: Int) {
        guard state.width >= DeskView.sideBySideWidth else { return (0, state.width) }
        let listWidth = state.width * 55 / 100
        return (listWidth + 1, state.width - listWidth - 1)
    }

    static func width(_ state: DeskState) -> Int { placement(state).width }

    /// Rows between the tab bar and the status bar (or an alert's banner).
    static func visibleHeight(_ state: DeskState) -> Int { max(1, state.boardHeight) }

    static func lines(_ state: DeskState, width: Int) -> [DetailLine] {
        switch state.board {
        case .log: state.data.message.map { MessageDetail.lines($0, state: state, width: width) } ?? []
        case .coverage: state.data.coverageDetail.map { CoverageDetailLines.lines($0, state: state) } ?? []
        case .risks: state.openRiskCell.map { RiskDetailLines.lines($0, state: state) } ?? []
        case .units: state.data.unitDetail.map { UnitDetailLines.lines($0, state: state) } ?? []
        default: state.data.detail.map { IncidentDetailLines.lines($0, state: state) } ?? []
        }
    }

    /// The first line shown before the officer scrolls: the top, or for an incident whose
    /// timeline does not fit, its facts and then the newest entries (see `shown`).
    static func autoTop(_ state: DeskState) -> Int {
        guard state.board == .incidents else { return 0 }
        return max(0, lines(state, width: width(state)).count - visibleHeight(state))
    }

    /// The lines on screen: from the scroll position, or (not scrolled) the facts followed by as
    /// many of the newest timeline entries as fit.
    static func shown(_ all: [DetailLine], state: DeskState) -> (lines: [DetailLine], above: Bool, below: Bool) {
        let room = visibleHeight(state)
        guard all.count > room else { return (all, false, false) }
        if let top = state.detailScroll {
            let start = min(max(0, top), all.count - room)
            return (Array(all[start..<start + room]), start > 0, start + room < all.count)
        }
        let facts = state.board == .incidents ? IncidentDetailLines.factCount(all) : all.count
        guard facts < room else { return (Array(all.prefix(room)), false, true) }
        return (Array(all.prefix(facts)) + Array(all.suffix(room - facts)), true, false)
    }

    static func draw(_ state: DeskState, into frame: inout Frame) {
        let (x, width) = placement(state)
        let top = 1
        let bottom = state.boardHeight
        for y in top...max(top, bottom) {
            frame.fill(x: x, y: y, width: width, role: state.detailFocused ? .overlay : .normal)
        }
        if x > 0 { for y in top...max(top, bottom) { frame.put("│", x: x - 1, y: y, role: .dim) } }
        let (lines, above, below) = shown(lines(state, width: width), state: state)
        for (offset, line) in lines.enumerated() {
            let y = top + offset
            guard y <= bottom else { break }
            if let wrapped = line.wrapped {
                frame.put(line: wrapped, x: x + line.indent, y: y, role: line.role, limit: width - line.indent)
                continue
            }
            var used = line.indent
            for field in line.fields where used < width {
                used +=
                    frame.put(field.text, x: x + used, y: y, role: field.role ?? line.role, limit: width - used)
                    + line.gap
            }
        }
        // Where more is hidden, a mark at the pane's edge says which way.
        if above { frame.put("▲", x: x + width - 1, y: top, role: .dim) }
        if below { frame.put("▼", x: x + width - 1, y: bottom, role: .dim) }
    }
}

/// An incident's facts, units and whole timeline, as lines.
enum IncidentDetailLines {
    static func lines(_ detail: IncidentDetail, state: DeskState) -> [DetailLine] {
        let l = state.localizer
        let i = detail.record.incident
        var lines: [DetailLine] = [
            DetailLine(
                styled: [(i.reference.rawValue, .title), (l(i.severity), i.severity.role), (l(i.status), .title)],
                gap: 2),
            DetailLine([i.title], role: .title),
            DetailLine(["\(l(i.type)) · \(areaName(i.area, l))" + (i.place.map { " — \($0)" } ?? "")]),
        ]
        var facts = "\(l(.reportedBy)) \(i.reportingAgency) · \(l(.leadAgency)) \(i.leadAgency)"
        if let people = i.peopleAffected { facts += " · \(l(.peopleAffected)) \(l.number(people))" }
        lines.append(DetailLine([facts]))
        lines.append(
            DetailLine(["\(l(.openedAt)) \(l.dateTime(i.openedAt)) (\(since(i.openedAt, state.now, l)))"], role: .dim))
        lines.append(.blank)
        lines.append(DetailLine(["── \(l(.assignedUnits)) ──"], role: .header, indent: 0))
        for a in detail.assignments {
            var text = "\(l(.tasked)) \(l.clock(a.taskedAt))"
            if let arrived = a.arrivedAt { text += " · \(l(.arrived)) \(l.clock(arrived))" }
            if let released = a.releasedAt { text += " · \(l(.released)) \(l.clock(released))" }
            lines.append(DetailLine([a.unit.rawValue, text], role: a.isActive ? .normal : .dim))
        }
        lines.append(.blank)
        lines.append(timelineHeader(l))
        if detail.timeline.isEmpty { lines.append(DetailLine([l(.noTimeline)], role: .dim)) }
        for entry in detail.timeline {
            let (text, role) = describe(entry, l)
            // A message or a note of several lines: its first line on the entry's, the rest below it.
            let broken = text.last.map(ReportLayout.cellLines) ?? []
            lines.append(
                DetailLine([l.clock(entry.at), entry.agency.rawValue] + text.dropLast() + broken.prefix(1), role: role))
            lines += broken.dropFirst().map { DetailLine([$0], role: role, indent: continuationIndent) }
        }
        return lines
    }

    /// Where a timeline entry's further lines start: under its text, past the time and agency.
    static let continuationIndent = 8

    static func timelineHeader(_ l: Localizer) -> DetailLine {
        DetailLine(["── \(l(.timeline)) ──"], role: .header, indent: 0)
    }

    /// Lines up to and with the timeline's header: what stays on screen above the newest entries.
    static func factCount(_ lines: [DetailLine]) -> Int {
        let headers = lines.indices.filter { lines[$0].role == .header && lines[$0].indent == 0 }
        return (headers.last ?? lines.count - 1) + 1
    }

    /// What a stage of an assignment says in a timeline or a unit's history.
    static func verb(_ stage: AssignmentStage) -> UIText {
        switch stage {
        case .tasked: .eventTasked
        case .acknowledged: .eventAcknowledged
        case .arrived: .eventArrived
        case .released: .eventReleased
        }
    }

    /// A timeline entry's fields after its time and agency: a call sign and a verb are separate
    /// fields, so each keeps its own direction.
    static func describe(_ entry: TimelineEntry, _ l: Localizer) -> ([String], StyleRole) {
        switch entry.kind {
        case .message(let m):
            return (
                ["[\(l(m.priority))]", [m.subject, m.body].compactMap { $0 }.joined(separator: " — ")], m.priority.role
            )
        case .event(let payload):
            switch payload {
            case .incidentOpened: return ([l(.eventOpened)], .normal)
            case .incidentUpdated: return ([l(.eventUpdated)], .normal)
            case .incidentStatusChanged(let change):
                return (
                    change.note.map { ["\(l(.statusArrow)) \(l(change.status)):", $0] } ?? [
                        "\(l(.statusArrow)) \(l(change.status))"
                    ], .normal
                )
            case .assignment(let stage, let link):
                return ([link.unit.rawValue, l(verb(stage))], .normal)
            default:
                return ([l(.eventUpdated)], .dim)
            }
        }
    }
}

extension TimelineEntry {
    /// The entry as one line of text (for `qanat incident show`), in the localizer's language.
    public func summary(_ l: Localizer) -> String {
        IncidentDetailLines.describe(self, l).0.joined(separator: " ")
    }
}
