import QanatCore

/// An incident's detail: its facts, its units and its timeline (events and linked messages).
enum DetailPane {
    static func draw(_ state: DeskState, into frame: inout Frame, x: Int, width: Int) {
        let l = state.localizer
        let top = 1
        let bottom = state.height - 2
        for y in top...max(top, bottom) { frame.fill(x: x, y: y, width: width, role: state.detailFocused ? .overlay : .normal) }
        if x > 0 { for y in top...max(top, bottom) { frame.put("│", x: x - 1, y: y, role: .dim) } }
        guard let detail = state.data.detail else { return }
        let i = detail.record.incident
        var y = top
        /// One line of fields, each drawn on its own so that Arabic and English parts keep their
        /// own direction and their place when the pane is mirrored.
        func line(_ parts: String..., role: StyleRole = .normal, indent: Int = 1) {
            guard y <= bottom else { return }
            var used = indent
            for part in parts where !part.isEmpty && used < width {
                used += frame.put(part, x: x + used, y: y, role: role, limit: width - used) + 1
            }
            y += 1
        }
        // Separate fields, so each keeps its own direction; the gaps are cells, not spaces in the text.
        let used = frame.put(i.reference.rawValue, x: x + 1, y: y, role: .title, limit: width - 1) + 2
        let sev = frame.put(l(i.severity), x: x + 1 + used, y: y, role: i.severity.role, limit: width - 1 - used) + 2
        frame.put(l(i.status), x: x + 1 + used + sev, y: y, role: .title, limit: width - 1 - used - sev)
        y += 1
        line(i.title, role: .title)
        line("\(l(i.type)) · \(areaName(i.area, l))" + (i.place.map { " — \($0)" } ?? ""))
        var facts = "\(l(.reportedBy)) \(i.reportingAgency) · \(l(.leadAgency)) \(i.leadAgency)"
        if let people = i.peopleAffected { facts += " · \(l(.peopleAffected)) \(people)" }
        line(facts)
        line("\(l(.openedAt)) \(l.dateTime(i.openedAt)) (\(since(i.openedAt, state.now, l)))", role: .dim)
        y += 1
        line("── \(l(.assignedUnits)) ──", role: .header, indent: 0)
        for a in detail.assignments {
            var text = "\(l(.tasked)) \(l.clock(a.taskedAt))"
            if let arrived = a.arrivedAt { text += " · \(l(.arrived)) \(l.clock(arrived))" }
            if let released = a.releasedAt { text += " · \(l(.released)) \(l.clock(released))" }
            line(a.unit.rawValue, text, role: a.isActive ? .normal : .dim)
        }
        y += 1
        line("── \(l(.timeline)) ──", role: .header, indent: 0)
        if detail.timeline.isEmpty { line(l(.noTimeline), role: .dim) }
        // The newest entries matter most: show as many of the latest as fit.
        let room = max(0, bottom - y + 1)
        for entry in detail.timeline.suffix(room) {
            let (text, role) = describe(entry, l)
            line(l.clock(entry.at), entry.agency.rawValue, text, role: role)
        }
    }

    static func describe(_ entry: TimelineEntry, _ l: Localizer) -> (String, StyleRole) {
        switch entry.kind {
        case .message(let m):
            return ("[\(l(m.priority))] " + [m.subject, m.body].compactMap { $0 }.joined(separator: " — "), m.priority.role)
        case .event(let payload):
            switch payload {
            case .incidentOpened: return (l(.eventOpened), .normal)
            case .incidentUpdated: return (l(.eventUpdated), .normal)
            case .incidentStatusChanged(let change):
                return ("→ \(l(change.status))" + (change.note.map { ": \($0)" } ?? ""), .normal)
            case .assignment(let stage, let link):
                let verb: UIText = switch stage {
                case .tasked: .eventTasked
                case .acknowledged: .eventAcknowledged
                case .arrived: .eventArrived
                case .released: .eventReleased
                }
                return ("\(link.unit) \(l(verb))", .normal)
            default:
                return (l(.eventUpdated), .dim)
            }
        }
    }
}
