/// One immutable fact on the channel. Every change is an event; projections are folds of events.
public struct Event: Equatable, Sendable {
    public var id: EventID
    public var at: Timestamp
    /// The agency on whose behalf the event was made.
    public var agency: AgencyCode
    /// The officer who made it (a name as they signed on, or the name of a gateway).
    public var officer: String
    /// The Unix user of the process that wrote it; nil for third-party lines that do not say.
    public var user: String?
    public var payload: EventPayload
    /// When the first store to take the event in received it (a service's ingest, a direct
    /// writer's commit): that store's clock, not the writer's claim. It travels with the event and
    /// is never read from a journal line; nil where no store has stamped it.
    public var received: Timestamp?
    /// The site that first took the event in, for an event that came from another site through the
    /// hub; nil for one taken in here (or in a store that is no site). Like `received`, it travels
    /// with the event and is never read from a journal line.
    public var origin: SiteCode?

    public init(
        id: EventID, at: Timestamp, agency: AgencyCode, officer: String, user: String?, payload: EventPayload,
        received: Timestamp? = nil, origin: SiteCode? = nil
    ) {
        self.id = id
        self.at = at
        self.agency = agency
        self.officer = officer
        self.user = user
        self.payload = payload
        self.received = received
        self.origin = origin
    }

    /// The same event, whenever and wherever (and at whichever site) it was received.
    public static func == (a: Event, b: Event) -> Bool {
        a.id == b.id && a.at == b.at && a.agency == b.agency && a.officer == b.officer && a.user == b.user
            && a.payload == b.payload
    }

    /// The time a response-time metric uses: the claimed time, unless it is earlier than the
    /// receipt by more than `Limits.claimTrust` — a line written long before it reached any store
    /// (a writer offline, or a date set back) is measured from when it arrived.
    public static func measured(claimed: Timestamp, received: Timestamp?) -> (time: Timestamp, byReceipt: Bool) {
        guard let received, received.millisecondsSinceEpoch - claimed.millisecondsSinceEpoch > Limits.claimTrust * 1000
        else { return (claimed, false) }
        return (received, true)
    }

    public var type: EventType { payload.type }

    /// Last-writer-wins order: time, then id.
    public static func precedes(_ a: Event, _ b: Event) -> Bool {
        a.at != b.at ? a.at < b.at : a.id < b.id
    }
}

public enum EventType: String, NamedValue {
    case agencyRegistered = "agency.registered"
    case incidentOpened = "incident.opened"
    case incidentUpdated = "incident.updated"
    case incidentStatusChanged = "incident.statusChanged"
    case unitRegistered = "unit.registered"
    case unitStatusChanged = "unit.statusChanged"
    case unitAssigned = "unit.assigned"
    case assignmentAcknowledged = "assignment.acknowledged"
    case assignmentArrived = "assignment.arrived"
    case assignmentReleased = "assignment.released"
    case messagePosted = "message.posted"
    case messageAcknowledged = "message.acknowledged"
    case memberAdded = "member.added"
    case memberRemoved = "member.removed"
    case shiftSignedOn = "shift.signedOn"
    case shiftSignedOff = "shift.signedOff"
    case organisationRegistered = "organisation.registered"
    case organisationUpdated = "organisation.updated"
    case needReported = "need.reported"
    case needUpdated = "need.updated"
    case activityRegistered = "activity.registered"
    case activityUpdated = "activity.updated"
    case pledgeMade = "pledge.made"
    case pledgeUpdated = "pledge.updated"
    case settingChanged = "setting.changed"
    case riskRegistered = "risk.registered"
    case riskUpdated = "risk.updated"
    case riskReviewed = "risk.reviewed"
    case targetSet = "target.set"
    case reportWritten = "report.written"
    case exerciseStarted = "exercise.started"
    case exerciseInject = "exercise.inject"
    case exerciseControl = "exercise.control"
}

public enum EventPayload: Equatable, Sendable {
    case agencyRegistered(Agency)
    case incidentOpened(IncidentOpening)
    case incidentUpdated(IncidentUpdate)
    case incidentStatusChanged(IncidentStatusChange)
    case unitRegistered(UnitRegistration)
    case unitStatusChanged(UnitStatusChange)
    /// Tasked, acknowledged, arrived and released share one shape: which unit, which incident.
    case assignment(AssignmentStage, AssignmentLink)
    case messagePosted(MessagePosting)
    case messageAcknowledged(MessageAcknowledgement)
    /// Adds a member, or replaces their entry.
    case memberAdded(Member)
    case memberRemoved(MemberKey)
    /// An officer starting or ending a shift; who and for which agency is in the envelope.
    case shift(ShiftChange)
    /// An organisation's registration with the coordination, whole; its status stays as it was.
    case organisationRegistered(Organisation)
    case organisationUpdated(OrganisationChange)
    case needReported(NeedReport)
    case needUpdated(NeedChange)
    case activityRegistered(ActivityRegistration)
    case activityUpdated(ActivityChange)
    case pledgeMade(PledgeMade)
    case pledgeUpdated(PledgeChange)
    case settingChanged(SettingChange)
    case riskRegistered(RiskEntry)
    case riskUpdated(RiskChange)
    case riskReviewed(RiskReview)
    case targetSet(ResponseTarget)
    case reportWritten(ReportRecord)
    case exerciseStarted(ExerciseStart)
    case exerciseInject(ExerciseInject)
    case exerciseControl(ExerciseControl)

    public var type: EventType {
        switch self {
        case .agencyRegistered: .agencyRegistered
        case .incidentOpened: .incidentOpened
        case .incidentUpdated: .incidentUpdated
        case .incidentStatusChanged: .incidentStatusChanged
        case .unitRegistered: .unitRegistered
        case .unitStatusChanged: .unitStatusChanged
        case .assignment(let stage, _): stage.eventType
        case .messagePosted: .messagePosted
        case .messageAcknowledged: .messageAcknowledged
        case .memberAdded: .memberAdded
        case .memberRemoved: .memberRemoved
        case .shift(let change): change.signedOn ? .shiftSignedOn : .shiftSignedOff
        case .organisationRegistered: .organisationRegistered
        case .organisationUpdated: .organisationUpdated
        case .needReported: .needReported
        case .needUpdated: .needUpdated
        case .activityRegistered: .activityRegistered
        case .activityUpdated: .activityUpdated
        case .pledgeMade: .pledgeMade
        case .pledgeUpdated: .pledgeUpdated
        case .settingChanged: .settingChanged
        case .riskRegistered: .riskRegistered
        case .riskUpdated: .riskUpdated
        case .riskReviewed: .riskReviewed
        case .targetSet: .targetSet
        case .reportWritten: .reportWritten
        case .exerciseStarted: .exerciseStarted
        case .exerciseInject: .exerciseInject
        case .exerciseControl: .exerciseControl
        }
    }
}

public struct IncidentOpening: Equatable, Sendable {
    public var reference: IncidentReference
    public var title: String
    public var type: IncidentType
    public var severity: Severity
    /// A gazetteer id (`benghazi`, `district.derna`).
    public var area: String
    public var place: String?
    public var leadAgency: AgencyCode?
    public var peopleAffected: Int?

    public init(
        reference: IncidentReference, title: String, type: IncidentType, severity: Severity, area: String,
        place: String? = nil, leadAgency: AgencyCode? = nil, peopleAffected: Int? = nil
    ) {
        self.reference = reference
        self.title = title
        self.type = type
        self.severity = severity
        self.area = area
        self.place = place
        self.leadAgency = leadAgency
        self.peopleAffected = peopleAffected
    }
}

/// Fields that change after opening; nil means unchanged.
public struct IncidentUpdate: Equatable, Sendable {
    public var reference: IncidentReference
    public var title: String?
    public var severity: Severity?
    public var place: String?
    public var leadAgency: AgencyCode?
    public var peopleAffected: Int?

    public init(
        reference: IncidentReference, title: String? = nil, severity: Severity? = nil, place: String? = nil,
        leadAgency: AgencyCode? = nil, peopleAffected: Int? = nil
    ) {
        self.reference = reference
        self.title = title
        self.severity = severity
        self.place = place
        self.leadAgency = leadAgency
        self.peopleAffected = peopleAffected
    }
}

public struct IncidentStatusChange: Equatable, Sendable {
    public var reference: IncidentReference
    public var status: IncidentStatus
    public var note: String?

    public init(reference: IncidentReference, status: IncidentStatus, note: String? = nil) {
        self.reference = reference
        self.status = status
        self.note = note
    }
}

public struct UnitRegistration: Equatable, Sendable {
    public var callSign: CallSign
    public var agency: AgencyCode
    public var kind: UnitKind
    public var capabilities: [String]
    public var contact: String?

    public init(
        callSign: CallSign, agency: AgencyCode, kind: UnitKind, capabilities: [String] = [], contact: String? = nil
    ) {
        self.callSign = callSign
        self.agency = agency
        self.kind = kind
        self.capabilities = capabilities
        self.contact = contact
    }
}

public struct UnitStatusChange: Equatable, Sendable {
    public var callSign: CallSign
    public var status: UnitStatus

    public init(callSign: CallSign, status: UnitStatus) {
        self.callSign = callSign
        self.status = status
    }
}

/// An assignment's progress, which only moves forward: tasked → acknowledged → arrived → released.
public enum AssignmentStage: String, NamedValue, Comparable {
    case tasked, acknowledged, arrived, released

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    public var eventType: EventType {
        switch self {
        case .tasked: .unitAssigned
        case .acknowledged: .assignmentAcknowledged
        case .arrived: .assignmentArrived
        case .released: .assignmentReleased
        }
    }
}

public struct AssignmentLink: Hashable, Sendable {
    public var incident: IncidentReference
    public var unit: CallSign

    public init(incident: IncidentReference, unit: CallSign) {
        self.incident = incident
        self.unit = unit
    }
}

public struct MessagePosting: Equatable, Sendable {
    public var recipients: Recipients
    public var priority: MessagePriority
    public var channel: MessageChannel
    public var subject: String?
    public var body: String
    public var incident: IncidentReference?
    public var acknowledgementRequired: Bool

    public init(
        recipients: Recipients, priority: MessagePriority, channel: MessageChannel, subject: String?,
        body: String, incident: IncidentReference?, acknowledgementRequired: Bool
    ) {
        self.recipients = recipients
        self.priority = priority
        self.channel = channel
        self.subject = subject
        self.body = body
        self.incident = incident
        self.acknowledgementRequired = acknowledgementRequired
    }
}

public struct MessageAcknowledgement: Equatable, Sendable {
    public var message: EventID

    public init(message: EventID) { self.message = message }
}

public struct ShiftChange: Equatable, Sendable {
    /// True when the shift starts; false when it ends.
    public var signedOn: Bool
    /// At sign-off: what the officer hands over (free text); the handover report is made from
    /// the store, this is what it cannot know.
    public var note: String?

    public init(signedOn: Bool, note: String? = nil) {
        self.signedOn = signedOn
        self.note = note
    }
}
