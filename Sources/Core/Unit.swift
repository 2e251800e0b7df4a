public enum UnitStatus: String, NamedValue {
    case available, assigned, enRoute, onScene, returning, outOfService

    /// The moves an officer may make by hand. Assigned, en route and on scene come only through
    /// an assignment to an incident: a unit on one moves along it (en route, on scene, returning
    /// are its stages), a unit on none only between available and out of service.
    public func allowedNext(onAssignment: Bool) -> [UnitStatus] {
        switch self {
        case .available: onAssignment ? [.enRoute, .onScene, .returning, .outOfService] : [.outOfService]
        case .assigned:
            onAssignment ? [.enRoute, .onScene, .returning, .available, .outOfService] : [.available, .outOfService]
        case .enRoute: onAssignment ? [.onScene, .returning, .available, .outOfService] : [.available, .outOfService]
        case .onScene: onAssignment ? [.returning, .available, .outOfService] : [.available, .outOfService]
        case .returning: [.available, .outOfService]
        case .outOfService: [.available]
        }
    }

    /// Whether an incident may be given this unit: it is free, or on its way back from one.
    public var canBeTasked: Bool { self == .available || self == .returning }

    /// The assignment stage that a move by hand to this status is, for a unit on an incident.
    public var assignmentStage: AssignmentStage? {
        switch self {
        case .enRoute: .acknowledged
        case .onScene: .arrived
        case .returning: .released
        default: nil
        }
    }

    /// Whether the unit is working on an incident (the board's "committed").
    public var isCommitted: Bool { [.assigned, .enRoute, .onScene].contains(self) }

    public func checkTransition(to next: UnitStatus, onAssignment: Bool, field: String = "status")
        throws(ValidationError)
    {
        let allowed = allowedNext(onAssignment: onAssignment)
        guard allowed.contains(next) else {
            throw ValidationError(
                field: field, value: next.rawValue,
                problem: .transitionRefused(from: rawValue, allowed: allowed.map(\.rawValue)))
        }
    }
}

public enum UnitKind: String, NamedValue {
    case ambulance, fireEngine, rescue, waterRescue, search, medicalTeam, police, logistics, shelter, assessment,
        command, other
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

    public init(
        callSign: CallSign, agency: AgencyCode, kind: UnitKind, capabilities: [String], contact: String? = nil,
        status: UnitStatus, statusChangedAt: Timestamp, incident: IncidentReference? = nil
    ) {
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

    /// How far the assignment has got, whatever order its events came in.
    public var furthestStage: AssignmentStage {
        releasedAt != nil ? .released : arrivedAt != nil ? .arrived : acknowledgedAt != nil ? .acknowledged : .tasked
    }

    public init(
        incident: IncidentReference, unit: CallSign, taskedAt: Timestamp, acknowledgedAt: Timestamp? = nil,
        arrivedAt: Timestamp? = nil, releasedAt: Timestamp? = nil
    ) {
        self.incident = incident
        self.unit = unit
        self.taskedAt = taskedAt
        self.acknowledgedAt = acknowledgedAt
        self.arrivedAt = arrivedAt
        self.releasedAt = releasedAt
    }
}
