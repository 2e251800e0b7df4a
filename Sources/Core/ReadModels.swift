/// Read models: what the boards and `list` show, assembled by a store from the projections.
public struct IncidentRecord: Equatable, Sendable {
    public var incident: Incident
    /// Units assigned and not yet released.
    public var activeUnits: Int

    public init(incident: Incident, activeUnits: Int) {
        self.incident = incident
        self.activeUnits = activeUnits
    }
}

public struct UnitRecord: Equatable, Sendable {
    public var unit: Unit

    public init(unit: Unit) { self.unit = unit }
}

/// One result of a search over the store.
public enum SearchHit: Equatable, Sendable {
    case incident(IncidentRecord)
    case message(MessageRecord)

    /// A closed incident ranks after an open one that matches as well.
    public var isClosedIncident: Bool {
        if case .incident(let record) = self { record.incident.status == .closed } else { false }
    }
}

public struct MessageRecord: Equatable, Sendable {
    public var message: Message
    /// Acknowledgements so far, ordered by agency code.
    public var acknowledgements: [Acknowledgement]

    public init(message: Message, acknowledgements: [Acknowledgement]) {
        self.message = message
        self.acknowledgements = acknowledgements
    }

    /// Agencies that were asked to acknowledge and have not (empty when none was asked).
    public func awaitingAcknowledgement(from agencies: [AgencyCode]) -> [AgencyCode] {
        guard message.acknowledgementRequired else { return [] }
        let acknowledged = Set(acknowledgements.map(\.agency))
        return message.addressees(among: agencies).filter { !acknowledged.contains($0) }
    }

    /// Acknowledgements from the agencies asked, of how many asked: the one count that the desk
    /// and the command line both show. An acknowledgement from anyone else is not counted.
    public func acknowledgementTally(among agencies: [AgencyCode]) -> (done: Int, asked: Int) {
        let asked = message.addressees(among: agencies)
        let from = Set(asked)
        return (acknowledgements.filter { from.contains($0.agency) }.count, asked.count)
    }
}

/// What the wall display counts, read from the store in a few indexed queries.
public struct WallFigures: Equatable, Sendable {
    /// Open incidents by severity.
    public var openIncidents: [Severity: Int] = [:]
    public var unitsAvailable = 0
    /// Assigned, en route or on scene.
    public var unitsCommitted = 0
    /// Flash and immediate messages some agency has still to acknowledge (counted up to a cap).
    public var unacknowledgedUrgent = 0
    /// The latest flash and immediate messages, newest first.
    public var latestUrgent: [MessageRecord] = []
    /// Flash messages some agency has still to acknowledge, newest first: pinned until they are.
    public var pinnedFlash: [MessageRecord] = []
    /// When the newest event in the store was made: what staleness counts from.
    public var lastEventAt: Timestamp?

    public init() {}

    public static let unacknowledgedCap = 999
}

/// An officer's shift on the channel, from their sign-on to their sign-off (nil while on shift).
public struct Shift: Equatable, Sendable {
    public var officer: String
    public var agency: AgencyCode
    public var start: Timestamp
    public var end: Timestamp?
    /// What they handed over at sign-off.
    public var note: String?

    public init(officer: String, agency: AgencyCode, start: Timestamp, end: Timestamp? = nil, note: String? = nil) {
        self.officer = officer
        self.agency = agency
        self.start = start
        self.end = end
        self.note = note
    }

    /// The latest shift in an officer's sign-on and sign-off events; nil when they never signed on.
    public static func latest(in events: [Event]) -> Shift? {
        let ordered = events.sorted(by: Event.precedes)
        guard let start = ordered.lastIndex(where: { $0.type == .shiftSignedOn }) else { return nil }
        let on = ordered[start]
        var shift = Shift(officer: on.officer, agency: on.agency, start: on.at)
        if let off = ordered[(start + 1)...].first(where: { $0.type == .shiftSignedOff }),
            case .shift(let change) = off.payload
        {
            (shift.end, shift.note) = (off.at, change.note)
        }
        return shift
    }
}

/// What an officer hands over at the end of a shift: the state of the channel now, and what
/// passed on it during the shift.
public struct HandoverReport: Equatable, Sendable {
    /// The shift the report covers; when the officer never signed on, a window ending now.
    public var shift: Shift
    /// False when `shift` is that default window, not a sign-on.
    public var signedOn: Bool
    public var now: Timestamp
    public var openIncidents: [IncidentRecord]
    public var committedUnits: [UnitRecord]
    /// Messages the shift's agency must still acknowledge.
    public var awaitingAcknowledgement: [MessageRecord]
    /// Messages posted during the shift, oldest first.
    public var log: [MessageRecord]

    public init(
        shift: Shift, signedOn: Bool, now: Timestamp, openIncidents: [IncidentRecord], committedUnits: [UnitRecord],
        awaitingAcknowledgement: [MessageRecord], log: [MessageRecord]
    ) {
        self.shift = shift
        self.signedOn = signedOn
        self.now = now
        self.openIncidents = openIncidents
        self.committedUnits = committedUnits
        self.awaitingAcknowledgement = awaitingAcknowledgement
        self.log = log
    }
}
