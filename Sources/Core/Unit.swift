public enum UnitStatus: String, NamedValue {
    case available, assigned, enRoute, onScene, returning, outOfService

    public var allowedNext: [UnitStatus] {
        switch self {
        case .available: [.assigned, .enRoute, .outOfService]
        case .assigned: [.enRoute, .onScene, .available, .outOfService]
        case .enRoute: [.onScene, .returning, .available, .outOfService]
        case .onScene: [.returning, .available, .outOfService]
        case .returning: [.available, .assigned, .outOfService]
        case .outOfService: [.available]
        }
    }

    /// Whether the unit is working on an incident (the board's "committed").
    public var isCommitted: Bool { [.assigned, .enRoute, .onScene].contains(self) }

    public func checkTransition(to next: UnitStatus, field: String = "status") throws(ValidationError) {
        guard allowedNext.contains(next) else {
            throw ValidationError(field: field, value: next.rawValue,
                                  problem: .transitionRefused(from: rawValue, allowed: allowedNext.map(\.rawValue)))
        }
    }
}

public enum UnitKind: String, NamedValue {
    case ambulance, fireEngine, rescue, waterRescue, search, medicalTeam, police, logistics, shelter, assessment, command, other
}

/// A responder unit: its registration and the fold of its status and assignment events.
public struct Unit: Equatable, Sendable {
    public var callSign: CallSign
    public var agency: AgencyCode
    public var kind: UnitKind
    public var capabilities: [String]
    public var contact: String?
    public var status: UnitStatus
    public var statusChangedAt: Timestamp
    public var incident: IncidentReference?

    public init(callSign: CallSign, agency: AgencyCode, kind: UnitKind, capabilities: [String], contact: String? = nil, status: UnitStatus, statusChangedAt: Timestamp, incident: IncidentReference? = nil) {
        self.callSign = callSign
        self.agency = agency
        self.kind = kind
        self.capabilities = capabilities
        self.contact = contact
        self.status = status
        self.statusChangedAt = statusChangedAt
        self.incident = incident
    }
}

/// A unit tasked to an incident, and how far the tasking has gone.
public struct Assignment: Equatable, Sendable {
    public var incident: IncidentReference
    public var unit: CallSign
    public var taskedAt: Timestamp
    public var acknowledgedAt: Timestamp?
    public var arrivedAt: Timestamp?
    public var releasedAt: Timestamp?

    public var isActive: Bool { releasedAt == nil }

    public init(incident: IncidentReference, unit: CallSign, taskedAt: Timestamp, acknowledgedAt: Timestamp? = nil, arrivedAt: Timestamp? = nil, releasedAt: Timestamp? = nil) {
        self.incident = incident
        self.unit = unit
        self.taskedAt = taskedAt
        self.acknowledgedAt = acknowledgedAt
        self.arrivedAt = arrivedAt
        self.releasedAt = releasedAt
    }
}
