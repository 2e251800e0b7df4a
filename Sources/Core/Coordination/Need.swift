public enum NeedStatus: String, NamedValue {
    case reported, verified, partlyMet, met, closed

    /// Reported, verified or partly met: still to be answered.
    public var isOpen: Bool { self == .reported || self == .verified || self == .partlyMet }
}

/// What an area lacks in one sector, as an organisation reported it.
public struct NeedReport: Equatable, Sendable {
    public var id: RecordID
    /// A gazetteer id.
    public var area: String
    public var sector: Sector
    public var what: String
    public var quantity: Int
    /// The unit of measure: tents, litres a day, family kits.
    public var unit: String
    public var people: Int?
    public var priority: MessagePriority
    /// The organisation that reported it.
    public var organisation: AgencyCode
    public var incident: IncidentReference?
    /// The day it was reported, when that was before it reached this channel (a need carried in
    /// from another system's file); nil: the day of its event.
    public var reportedOn: CalendarDate?

    public init(
        id: RecordID, area: String, sector: Sector, what: String, quantity: Int, unit: String, people: Int? = nil,
        priority: MessagePriority = .routine, organisation: AgencyCode, incident: IncidentReference? = nil,
        reportedOn: CalendarDate? = nil
    ) {
        self.id = id
        self.area = area
        self.sector = sector
        self.what = what
        self.quantity = quantity
        self.unit = unit
        self.people = people
        self.priority = priority
        self.organisation = organisation
        self.incident = incident
        self.reportedOn = reportedOn
    }
}

/// What `need.updated` changes; nil leaves a field as it is.
public struct NeedChange: Equatable, Sendable {
    public var id: RecordID
    public var status: NeedStatus?
    public var quantity: Int?
    public var people: Int?

    public init(id: RecordID, status: NeedStatus? = nil, quantity: Int? = nil, people: Int? = nil) {
        self.id = id
        self.status = status
        self.quantity = quantity
        self.people = people
    }
}

/// A need as its events fold: the report, its latest status and figures.
public struct Need: Equatable, Sendable {
    public var report: NeedReport
    public var status: NeedStatus
    public var reportedAt: Timestamp
    public var updatedAt: Timestamp

    public init(report: NeedReport, status: NeedStatus = .reported, reportedAt: Timestamp, updatedAt: Timestamp? = nil)
    {
        self.report = report
        self.status = status
        self.reportedAt = reportedAt
        self.updatedAt = updatedAt ?? reportedAt
    }

    public var id: RecordID { report.id }
    /// The day its age counts from.
    public var reportedDay: CalendarDate { report.reportedOn ?? CalendarDate(libyaDayOf: reportedAt) }
    public var cell: CoverageCell.Key { CoverageCell.Key(area: report.area, sector: report.sector) }
}
