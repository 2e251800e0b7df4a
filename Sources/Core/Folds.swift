/// Pure folds from a subject's events to its projection. Each sorts its input by (time, id)
/// first, so the result does not depend on the order events arrived in: status-like fields
/// are last-writer-wins, and a subject whose defining event has not arrived yet folds to nil.
public enum Fold {
    static func ordered(_ events: [Event]) -> [Event] {
        events.sorted(by: Event.precedes)
    }

    public static func incident(_ events: [Event]) -> Incident? {
        let events = ordered(events)
        guard let openIndex = events.firstIndex(where: { $0.type == .incidentOpened }),
            case .incidentOpened(let opening) = events[openIndex].payload
        else { return nil }
        let opened = events[openIndex]
        var incident = Incident(
            reference: opening.reference, title: opening.title, type: opening.type, severity: opening.severity,
            status: .reported, area: opening.area, place: opening.place, reportingAgency: opened.agency,
            leadAgency: opening.leadAgency ?? opened.agency, peopleAffected: opening.peopleAffected,
            openedAt: opened.at, statusChangedAt: opened.at, updatedAt: opened.at)
        for event in events {
            switch event.payload {
            case .incidentUpdated(let update) where event.at >= opened.at:
                if let title = update.title { incident.title = title }
                if let severity = update.severity { incident.severity = severity }
                if let place = update.place { incident.place = place }
                if let lead = update.leadAgency { incident.leadAgency = lead }
                if let people = update.peopleAffected { incident.peopleAffected = people }
            case .incidentStatusChanged(let change):
                incident.status = change.status
                incident.statusChangedAt = event.at
            default:
                continue
            }
        }
        incident.updatedAt = events.last?.at ?? opened.at
        return incident
    }

    /// Assignments of one incident, one per unit, from the incident's events.
    public static func assignments(_ events: [Event]) -> [Assignment] {
        var byUnit: [CallSign: Assignment] = [:]
        for event in ordered(events) {
            guard case .assignment(let stage, let link) = event.payload else { continue }
            if stage == .tasked {
                byUnit[link.unit] = Assignment(incident: link.incident, unit: link.unit, taskedAt: event.at)
                continue
            }
            guard var assignment = byUnit[link.unit] else { continue }
            switch stage {
            case .tasked: break
            case .acknowledged: assignment.acknowledgedAt = assignment.acknowledgedAt ?? event.at
            case .arrived: assignment.arrivedAt = assignment.arrivedAt ?? event.at
            case .released: assignment.releasedAt = assignment.releasedAt ?? event.at
            }
            byUnit[link.unit] = assignment
        }
        return byUnit.values.sorted { $0.unit < $1.unit }
    }

    /// A unit from its registration, status changes and assignment events.
    public static func unit(_ events: [Event]) -> Unit? {
        let events = ordered(events)
        guard let first = events.first(where: { $0.type == .unitRegistered }),
            case .unitRegistered(let registration) = first.payload
        else { return nil }
        var unit = Unit(
            callSign: registration.callSign, agency: registration.agency, kind: registration.kind,
            capabilities: registration.capabilities, contact: registration.contact,
            status: .available, statusChangedAt: first.at, incident: nil)
        // The furthest stage of the current assignment: a stage at or behind it (a late line) changes nothing.
        var reached: AssignmentStage?
        for event in events {
            switch event.payload {
            case .unitRegistered(let later):
                unit.agency = later.agency
                unit.kind = later.kind
                unit.capabilities = later.capabilities
                unit.contact = later.contact
            case .unitStatusChanged(let change):
                unit.status = change.status
                unit.statusChangedAt = event.at
                if change.status == .available || change.status == .outOfService { unit.incident = nil }
            case .assignment(let stage, let link):
                guard stage == .tasked || (unit.incident == link.incident && reached.map { stage > $0 } ?? true) else {
                    continue
                }
                reached = stage
                switch stage {
                case .tasked:
                    unit.status = .assigned
                    unit.incident = link.incident
                case .acknowledged: unit.status = .enRoute
                case .arrived: unit.status = .onScene
                case .released:
                    unit.status = .returning
                    unit.incident = nil
                }
                unit.statusChangedAt = event.at
            default:
                continue
            }
        }
        return unit
    }

    /// A member's latest entry; nil when their latest event removed them.
    public static func member(_ events: [Event]) -> Member? {
        guard let last = ordered(events).last(where: { $0.type == .memberAdded || $0.type == .memberRemoved }),
            case .memberAdded(let member) = last.payload
        else { return nil }
        return member
    }
}
