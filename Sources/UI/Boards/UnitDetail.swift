import QanatCore

/// A unit read whole for its detail: the unit, its assignments (newest first) and its history.
public struct UnitDetail: Equatable, Sendable {
    public var unit: Unit
    public var assignments: [Assignment]
    public var history: [TimelineEntry]

    public init(unit: Unit, assignments: [Assignment], history: [TimelineEntry]) {
        self.unit = unit
        self.assignments = assignments
        self.history = history
    }
}

/// Enter on a unit: its agency, kind, capabilities and contact (phone, radio channel), its status
/// and since when, its current assignment, and its history (tasked, arrived, released, status).
enum UnitDetailLines {
    static func lines(_ detail: UnitDetail, state: DeskState) -> [DetailLine] {
        let l = state.localizer
        let u = detail.unit
        var lines: [DetailLine] = [
            DetailLine(
                styled: [
                    (u.callSign.rawValue, .title), (l(u.status), u.status == .outOfService ? .timerAlarm : .title),
                ], gap: 2),
            DetailLine([l(.colAgency), u.agency.rawValue, "·", l(u.kind)]),
        ]
        if !u.capabilities.isEmpty {
            lines.append(DetailLine([l(.colCapabilities), u.capabilities.joined(separator: ", ")]))
        }
        lines.append(DetailLine([l(.unitContact), u.contact ?? l(.none)], role: u.contact == nil ? .dim : .normal))
        lines.append(
            DetailLine(
                ["\(l(.colSince)) \(l.dateTime(u.statusChangedAt)) (\(since(u.statusChangedAt, state.now, l)))"],
                role: .dim))
        lines.append(.blank)
        lines.append(DetailLine(["── \(l(.currentAssignment)) ──"], role: .header, indent: 0))
        if let current = detail.assignments.first(where: \.isActive) {
            var text = "\(l(.tasked)) \(l.dateTime(current.taskedAt))"
            if let arrived = current.arrivedAt { text += " · \(l(.arrived)) \(l.clock(arrived))" }
            lines.append(DetailLine([current.incident.rawValue, text]))
        } else {
            lines.append(DetailLine([l(.none)], role: .dim))
        }
        lines.append(.blank)
        lines.append(DetailLine(["── \(l(.unitHistory)) ──"], role: .header, indent: 0))
        if detail.history.isEmpty { lines.append(DetailLine([l(.noTimeline)], role: .dim)) }
        // The first registration registered it; any later one changed its details.
        let firstRegistration = detail.history.first {
            if case .event(.unitRegistered) = $0.kind { true } else { false }
        }?.at
        for entry in detail.history.reversed() {
            var words = describe(entry, l)
            if case .event(.unitRegistered) = entry.kind, entry.at != firstRegistration {
                words = [l(.eventUnitChanged)]
            }
            lines.append(DetailLine([l.shortTime(entry.at, now: state.now), entry.agency.rawValue] + words))
        }
        return lines
    }

    /// What happened to the unit, in words: registered, a status, or a stage of an assignment and its incident.
    static func describe(_ entry: TimelineEntry, _ l: Localizer) -> [String] {
        guard case .event(let payload) = entry.kind else { return [] }
        switch payload {
        case .unitRegistered: return [l(.eventRegistered)]
        case .unitStatusChanged(let change): return ["\(l(.statusArrow)) \(l(change.status))"]
        case .assignment(let stage, let link): return [l(IncidentDetailLines.verb(stage)), link.incident.rawValue]
        default: return [l(.eventUpdated)]
        }
    }
}
