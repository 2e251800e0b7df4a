/// CAP severity.
public enum Severity: String, NamedValue, Comparable {
    case minor, moderate, severe, extreme

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The incident taxonomy: a family, then an optional specific kind.
public enum IncidentType: String, NamedValue {
    case flashFlood = "flood.flashFlood"
    case riverFlood = "flood.riverFlood"
    case coastalFlood = "flood.coastalFlood"
    case damFailure = "flood.damFailure"
    case storm = "meteorological.storm"
    case sandstorm = "meteorological.sandstorm"
    case heatwave = "meteorological.heatwave"
    case earthquake = "geophysical.earthquake"
    case landslide = "geophysical.landslide"
    case fire
    case wildfire = "fire.wildfire"
    case hazardousMaterial
    case explosiveOrdnance
    case displacedPopulations = "civil.displacedPopulations"
    case migrantsAtSea = "civil.migrantsAtSea"
    case publicGathering = "civil.publicGathering"
    case security
    case medical
    case outbreak = "medical.outbreak"
    case roadClosed = "infrastructure.roadClosed"
    case powerOutage = "infrastructure.powerOutage"
    case waterSupply = "infrastructure.waterSupply"
    case telecomOutage = "infrastructure.telecomOutage"
    case buildingCollapse = "infrastructure.buildingCollapse"
    case roadAccident = "transport.roadAccident"
    case other
}

extension IncidentType {
    /// A full type (`meteorological.storm`), or its last part where exactly one type ends so
    /// (`storm`; not `sandstorm`); an exact match wins. Several candidates are listed.
    public static func parse(_ text: String, field: String) throws(ValidationError) -> IncidentType {
        // Stored rows come this way: the exact value first, before any folding.
        if let exact = IncidentType(rawValue: text) { return exact }
        let typed = text.trimmingSpaces().lowercased()
        if let exact = allCases.first(where: { $0.rawValue.lowercased() == typed }) { return exact }
        let candidates = allCases.filter {
            $0.rawValue.split(separator: ".").last.map { $0.lowercased() == typed } ?? false
        }
        if candidates.count == 1 { return candidates[0] }
        let prefixed = allCases.filter { $0.rawValue.lowercased().hasPrefix(typed + ".") }
        if !prefixed.isEmpty || candidates.count > 1 {
            throw ValidationError(
                field: field, value: text, problem: .ambiguous((candidates + prefixed).map(\.rawValue)))
        }
        throw ValidationError(field: field, value: text, problem: .notOneOf(allCases.map(\.rawValue)))
    }
}

/// reported → verified → responding → contained → closed, with reopen.
public enum IncidentStatus: String, NamedValue {
    case reported, verified, responding, contained, closed

    /// Moves a duty officer may make from this status. A false alarm may be closed at once;
    /// a contained incident may flare up again; a closed one may be reopened.
    public var allowedNext: [IncidentStatus] {
        switch self {
        case .reported: [.verified, .responding, .closed]
        case .verified: [.responding, .contained, .closed]
        case .responding: [.contained, .closed]
        case .contained: [.responding, .closed]
        case .closed: [.verified, .responding]
        }
    }

    public var isOpen: Bool { self != .closed }

    public func checkTransition(to next: IncidentStatus, field: String = "status") throws(ValidationError) {
        guard allowedNext.contains(next) else {
            throw ValidationError(
                field: field, value: next.rawValue,
                problem: .transitionRefused(from: rawValue, allowed: allowedNext.map(\.rawValue)))
        }
    }
}

/// An incident as the boards show it: the fold of its events.
public struct Incident: Equatable, Sendable {
    public var reference: IncidentReference
    public var title: String
    public var type: IncidentType
    public var severity: Severity
    public var status: IncidentStatus
    public var area: String
    public var place: String?
    public var reportingAgency: AgencyCode
    public var leadAgency: AgencyCode
    public var peopleAffected: Int?
    public var openedAt: Timestamp
    public var statusChangedAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        reference: IncidentReference, title: String, type: IncidentType, severity: Severity, status: IncidentStatus,
        area: String, place: String? = nil, reportingAgency: AgencyCode, leadAgency: AgencyCode,
        peopleAffected: Int? = nil, openedAt: Timestamp, statusChangedAt: Timestamp, updatedAt: Timestamp
    ) {
        self.reference = reference
        self.title = title
        self.type = type
        self.severity = severity
        self.status = status
        self.area = area
        self.place = place
        self.reportingAgency = reportingAgency
        self.leadAgency = leadAgency
        self.peopleAffected = peopleAffected
        self.openedAt = openedAt
        self.statusChangedAt = statusChangedAt
        self.updatedAt = updatedAt
    }
}
