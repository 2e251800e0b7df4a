/// Which incidents a board shows and in what order. `nil` fields mean "any".
public struct IncidentQuery: Equatable, Sendable {
    public enum Order: String, NamedValue {
        /// Most severe first, then newest: what a duty officer scans for.
        case severity
        case newest
        /// Least advanced status first (reported before responding), then newest.
        case status
        case area
    }

    public var openOnly = true
    public var status: IncidentStatus?
    /// This severity and worse.
    public var minimumSeverity: Severity?
    /// Lead or reporting agency.
    public var agency: AgencyCode?
    /// A gazetteer id; a district takes in its municipalities.
    public var area: String?
    public var order: Order = .severity

    public init(
        openOnly: Bool = true, status: IncidentStatus? = nil, minimumSeverity: Severity? = nil,
        agency: AgencyCode? = nil, area: String? = nil, order: Order = .severity
    ) {
        self.openOnly = openOnly
        self.status = status
        self.minimumSeverity = minimumSeverity
        self.agency = agency
        self.area = area
        self.order = order
    }

    /// Whether an incident passes the filter (the store applies the same rules in SQL).
    public func admits(_ incident: Incident, gazetteer: Gazetteer = .libya) -> Bool {
        if openOnly, !incident.status.isOpen { return false }
        if let status, incident.status != status { return false }
        if let minimumSeverity, incident.severity < minimumSeverity { return false }
        if let agency, incident.leadAgency != agency, incident.reportingAgency != agency { return false }
        if area != nil { return areas(gazetteer).contains(incident.area) }
        return true
    }

    /// The gazetteer ids the area filter takes in.
    public func areas(_ gazetteer: Gazetteer = .libya) -> [String] {
        guard let area else { return [] }
        return [area] + gazetteer.areas.filter { $0.district == area }.map(\.id)
    }

    /// Anything but the board's default: open incidents of every status, severity, agency and area.
    public var isFiltering: Bool {
        !openOnly || status != nil || minimumSeverity != nil || agency != nil || area != nil
    }
}
