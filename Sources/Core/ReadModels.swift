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
        let addressed: [AgencyCode] = switch message.recipients {
        case .everyone: agencies.filter { $0 != message.agency }
        case .agencies(let list): list
        }
        return addressed.filter { !acknowledged.contains($0) }
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

    public init() {}

    public static let unacknowledgedCap = 999
}
