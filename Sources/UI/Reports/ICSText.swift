import QanatCore

/// What an ICS 201 incident briefing is made from.
public struct IncidentBriefing: Sendable {
    public var detail: IncidentDetail
    /// The risks of the register the incident comes under.
    public var risks: [Risk]
    /// The agency of each unit assigned.
    public var unitAgencies: [CallSign: AgencyCode]
    public var preparedBy: String
    public var agency: AgencyCode
    public var preparedAt: Timestamp
    public var exercise: Bool

    public init(
        detail: IncidentDetail, risks: [Risk], unitAgencies: [CallSign: AgencyCode], preparedBy: String,
        agency: AgencyCode,
        preparedAt: Timestamp, exercise: Bool
    ) {
        self.detail = detail
        self.risks = risks
        self.unitAgencies = unitAgencies
        self.preparedBy = preparedBy
        self.agency = agency
        self.preparedAt = preparedAt
        self.exercise = exercise
    }
}

/// What an ICS 214 activity log is made from: an officer's or a unit's events in a period.
public struct ActivityLog: Sendable {
    public enum Keeper: Sendable {
        case officer(String)
        case unit(Unit)
    }

    public var keeper: Keeper
    public var since: Timestamp
    public var until: Timestamp
    public var events: [Event]
    public var preparedBy: String
    public var exercise: Bool

    public init(keeper: Keeper, since: Timestamp, until: Timestamp, events: [Event], preparedBy: String, exercise: Bool)
    {
        self.keeper = keeper
        self.since = since
        self.until = until
        self.events = events
        self.preparedBy = preparedBy
        self.exercise = exercise
    }
}

/// The ICS forms officers know, laid out from the store: ICS 201 (incident briefing) and ICS 214
/// (activity log), with the forms' own block numbers, in either language, as text or Markdown.
public enum ICSText {
    public static func ics201(_ b: IncidentBriefing, _ l: Localizer, format: ReportLayout.Format) -> [String] {
        let i = b.detail.record.incident
        let area = Gazetteer.libya.area(id: i.area)
        var blocks: [ReportLayout.Block] = [.title(exercisePrefix(b.exercise, l) + "ICS 201 — " + l(.ics201Title))]
        blocks.append(.text("1. \(l(.icsIncidentName)): \(i.title)"))
        blocks.append(.text("2. \(l(.icsIncidentNumber)): \(i.reference.rawValue)"))
        blocks.append(.text("3. \(l(.icsInitiated)): \(l.dateTime(i.openedAt))"))
        let place = [area.map { "\($0.name(in: l.language)) (\($0.code))" } ?? i.area, i.place].compactMap { $0 }
            .joined(separator: " — ")
        blocks.append(.text("4. \(l(.icsLocation)): \(place)"))
        var situation = "\(l(i.type)) · \(l(i.severity)) · \(l(i.status))"
        if let people = i.peopleAffected { situation += " · \(l(.peopleAffected)) \(l.number(people))" }
        blocks.append(.text("5. \(l(.icsSituation)): \(situation)"))
        for risk in b.risks {
            blocks.append(
                .text(
                    "   \(l(.icsRisk)): \(risk.entry.title) (\(l(risk.entry.band)), \(l(.colScore)) \(l.number(risk.entry.score)))"
                ))
        }
        blocks.append(
            .text("6. \(l(.icsPreparedBy)): \(b.preparedBy) (\(b.agency.rawValue)) — \(l.dateTime(b.preparedAt))"))
        blocks.append(.text("7. \(l(.icsObjectives)): \(l(.icsToComplete))"))
        blocks.append(
            .section(
                heading: "8. \(l(.icsActions))", header: [l(.colTime), l(.colAgency), l(.icsAction)],
                rows: b.detail.timeline.map { entry in
                    [l.dateTime(entry.at), entry.agency.rawValue, entry.summary(l)]
                }))
        var organisation = [[l(.leadAgency), i.leadAgency.rawValue], [l(.reportedBy), i.reportingAgency.rawValue]]
        let responding = Set(b.detail.assignments.compactMap { b.unitAgencies[$0.unit] }).subtracting([i.leadAgency])
            .sorted()
        organisation += responding.map { [l(.icsRespondingAgency), $0.rawValue] }
        blocks.append(
            .section(heading: "9. \(l(.icsOrganisation))", header: [l(.icsRole), l(.colAgency)], rows: organisation))
        blocks.append(
            .section(
                heading: "10. \(l(.icsResources))",
                header: [l(.icsResource), l(.colAgency), l(.tasked), l(.arrived), l(.released)],
                rows: b.detail.assignments.map { a in
                    [
                        a.unit.rawValue, b.unitAgencies[a.unit]?.rawValue ?? "", l.dateTime(a.taskedAt),
                        a.arrivedAt.map(l.dateTime) ?? "—",
                        a.releasedAt.map(l.dateTime) ?? "—",
                    ]
                }))
        return ReportLayout.lines(blocks, l, format: format)
    }

    public static func ics214(_ log: ActivityLog, _ l: Localizer, format: ReportLayout.Format) -> [String] {
        var blocks: [ReportLayout.Block] = [.title(exercisePrefix(log.exercise, l) + "ICS 214 — " + l(.ics214Title))]
        let incidents = Array(
            Set(
                log.events.flatMap(\.subjects).compactMap { subject -> String? in
                    if case .incident(let reference) = subject { return reference.rawValue }
                    return nil
                })
        ).sorted()
        blocks.append(.text("1. \(l(.icsIncidents)): \(incidents.isEmpty ? "—" : incidents.joined(separator: ", "))"))
        blocks.append(
            .text("2. \(l(.icsPeriod)): \(l.dateTime(log.since)) \(l(.performanceTo)) \(l.dateTime(log.until))"))
        switch log.keeper {
        case .officer(let name):
            let agencies = Array(Set(log.events.map(\.agency.rawValue))).sorted()
            blocks.append(.text("3. \(l(.officer)): \(name)"))
            blocks.append(
                .text("5. \(l(.icsHomeAgency)): \(agencies.isEmpty ? "—" : agencies.joined(separator: ", "))"))
        case .unit(let unit):
            blocks.append(.text("3. \(l(.icsUnit)): \(unit.callSign.rawValue) · \(l(unit.kind))"))
            blocks.append(.text("5. \(l(.icsHomeAgency)): \(unit.agency.rawValue)"))
        }
        blocks.append(
            .section(
                heading: "7. \(l(.icsActivityLog))",
                header: [l(.colTime), l(.colAgency), l(.officer), l(.icsActivity)],
                rows: log.events.map { event in
                    [l.dateTime(event.at), event.agency.rawValue, event.officer, EventSummary.text(event, l)]
                }))
        blocks.append(.text(""))
        blocks.append(.text("8. \(l(.icsPreparedBy)): \(log.preparedBy) — \(l.dateTime(log.until))"))
        return ReportLayout.lines(blocks, l, format: format)
    }

    static func exercisePrefix(_ exercise: Bool, _ l: Localizer) -> String { exercise ? "\(l(.exercise)) — " : "" }
}

/// Any event as a line of an activity log, in the localizer's language.
enum EventSummary {
    static func text(_ event: Event, _ l: Localizer) -> String {
        let subject = event.subjects.first.map(name) ?? ""
        switch event.payload {
        case .messagePosted(let posting):
            return "[\(l(posting.priority))] "
                + [posting.subject, posting.body].compactMap { $0 }.joined(separator: " — ")
        case .messageAcknowledged(let ack):
            return "\(l(.icsAcknowledged)) \(ack.message.rawValue.prefix(8))"
        case .incidentOpened(let opening):
            return "\(opening.reference.rawValue) \(l(.eventOpened)): \(opening.title)"
        case .incidentUpdated, .incidentStatusChanged, .assignment:
            let entry = TimelineEntry(
                at: event.at, agency: event.agency, officer: event.officer, kind: .event(event.payload))
            return "\(subject) \(entry.summary(l))"
        case .unitStatusChanged(let change):
            return "\(change.callSign.rawValue) → \(l(change.status))"
        case .unitRegistered(let registration):
            return "\(registration.callSign.rawValue) \(l(.icsRegistered))"
        case .shift(let change):
            return l(change.signedOn ? .icsSignedOn : .icsSignedOff)
        case .targetSet(let target):
            return "\(l(event.type)): \(l(target.metric)) \(l.target(target))"
        case .reportWritten(let record):
            return "\(l(event.type)): \(record.file)"
        default:
            // Record ids are UUIDs: their first eight characters name them as the commands accept.
            return "\(l(event.type)) \(subject.count == 36 ? String(subject.prefix(8)) : subject)"
        }
    }

    private static func name(_ subject: Subject) -> String {
        switch subject {
        case .incident(let reference): reference.rawValue
        case .unit(let callSign): callSign.rawValue
        default: String(subject.key.split(separator: ":", maxSplits: 1).last ?? "")
        }
    }
}
