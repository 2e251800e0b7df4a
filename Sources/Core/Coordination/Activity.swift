/// An activity's course. It only moves forward — planned → ongoing → finished, or cancelled
/// from either — so a late line never takes it back.
public enum ActivityStatus: String, NamedValue, Comparable {
    case planned, ongoing, finished, cancelled

    /// Planned or ongoing: it counts for duplication and answers needs.
    public var isActive: Bool { self == .planned || self == .ongoing }

    private var rank: Int { self == .planned ? 0 : self == .ongoing ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }

    /// Where it may go next.
    public var next: [ActivityStatus] {
        switch self {
        case .planned: [.ongoing, .finished, .cancelled]
        case .ongoing: [.finished, .cancelled]
        case .finished, .cancelled: []
        }
    }
}

/// Who does what where and when (3W), registered before the work starts.
public struct ActivityRegistration: Equatable, Sendable {
    public var id: RecordID
    /// The organisation that leads or funds it.
    public var organisation: AgencyCode
    /// The organisation doing the work, where another one funds it.
    public var implementer: AgencyCode?
    public var sector: Sector
    public var area: String
    public var what: String
    public var start: CalendarDate
    public var end: CalendarDate
    public var status: ActivityStatus
    public var targeted: Int?
    /// The needs it answers.
    public var needs: [RecordID]

    public init(
        id: RecordID, organisation: AgencyCode, implementer: AgencyCode? = nil, sector: Sector, area: String,
        what: String,
        start: CalendarDate, end: CalendarDate, status: ActivityStatus = .planned, targeted: Int? = nil,
        needs: [RecordID] = []
    ) {
        self.id = id
        self.organisation = organisation
        self.implementer = implementer
        self.sector = sector
        self.area = area
        self.what = what
        self.start = start
        self.end = end
        self.status = status
        self.targeted = targeted
        self.needs = needs
    }

    /// The organisation that counts for duplication and presence: the implementer where named.
    public var doer: AgencyCode { implementer ?? organisation }
}

/// What `activity.updated` changes; nil leaves a field as it is.
public struct ActivityChange: Equatable, Sendable {
    public var id: RecordID
    public var status: ActivityStatus?
    public var reached: Int?
    public var start: CalendarDate?
    public var end: CalendarDate?

    public init(
        id: RecordID, status: ActivityStatus? = nil, reached: Int? = nil, start: CalendarDate? = nil,
        end: CalendarDate? = nil
    ) {
        self.id = id
        self.status = status
        self.reached = reached
        self.start = start
        self.end = end
    }
}

public struct Activity: Equatable, Sendable {
    public var registration: ActivityRegistration
    public var reached: Int?
    public var registeredAt: Timestamp

    public init(registration: ActivityRegistration, reached: Int? = nil, registeredAt: Timestamp) {
        self.registration = registration
        self.reached = reached
        self.registeredAt = registeredAt
    }

    public var id: RecordID { registration.id }
    public var status: ActivityStatus { registration.status }
    public var dates: ClosedRange<CalendarDate> { registration.start...max(registration.start, registration.end) }
    public var cell: CoverageCell.Key { CoverageCell.Key(area: registration.area, sector: registration.sector) }
}
