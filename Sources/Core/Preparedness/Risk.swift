/// Whether a hazard comes from nature (floods, storms, earthquakes, outbreaks) or from people
/// (industrial accidents, security crises), as national registers divide them.
public enum RiskNature: String, NamedValue {
    case natural, human

    /// The nature of a hazard of the incident taxonomy.
    public static func of(_ hazard: IncidentType) -> RiskNature {
        switch hazard {
        case .flashFlood, .riverFlood, .coastalFlood, .storm, .sandstorm, .heatwave, .earthquake, .landslide, .wildfire,
            .outbreak:
            .natural
        default: .human
        }
    }
}

/// A risk's band, from its score (likelihood × impact): low 1–4, medium 5–10, high 12–25.
public enum RiskBand: String, NamedValue, Comparable {
    case low, medium, high

    public init(score: Int) {
        self = score <= 4 ? .low : score <= 10 ? .medium : .high
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// What each level of likelihood and impact means, written once: the register, its board and
/// its reports all say it the same way (bands as in the UK's National Risk Register).
public enum RiskScale {
    public static let levels = 1...5

    /// Likelihood of the risk occurring at least once in the next five years.
    public static let likelihood: [Int: String] = [
        1: "less than 0.2 % in five years", 2: "0.2 – 1 %", 3: "1 – 5 %", 4: "5 – 25 %",
        5: "more than 25 % in five years",
    ]

    /// Impact by casualties, people displaced and damage.
    public static let impact: [Int: String] = [
        1: "limited: under 10 casualties, under 100 displaced, local damage",
        2: "minor: 10–50 casualties or up to 1,000 displaced",
        3: "moderate: 50–200 casualties or up to 10,000 displaced, a municipality's services cut",
        4: "significant: 200–1,000 casualties or up to 50,000 displaced, a district's services cut",
        5: "catastrophic: over 1,000 casualties or over 50,000 displaced, national services cut",
    ]
}

/// A risk of the national register, as it is registered or changed.
public struct RiskEntry: Equatable, Sendable {
    public var id: RecordID
    public var hazard: IncidentType
    public var title: String
    /// Gazetteer ids of the areas exposed.
    public var areas: [String]
    public var likelihood: Int
    public var impact: Int
    /// The organisation that owns it (records its reviews).
    public var owner: AgencyCode
    public var mitigations: [String]
    /// The contingency plan's reference, and the resources it counts on.
    public var plan: String?
    public var resources: [String]
    public var nextReview: CalendarDate?

    public init(
        id: RecordID, hazard: IncidentType, title: String, areas: [String], likelihood: Int, impact: Int,
        owner: AgencyCode,
        mitigations: [String] = [], plan: String? = nil, resources: [String] = [], nextReview: CalendarDate? = nil
    ) {
        self.id = id
        self.hazard = hazard
        self.title = title
        self.areas = areas
        self.likelihood = likelihood
        self.impact = impact
        self.owner = owner
        self.mitigations = mitigations
        self.plan = plan
        self.resources = resources
        self.nextReview = nextReview
    }

    public var nature: RiskNature { RiskNature.of(hazard) }

    /// The gazetteer ids it covers: each area named, and a district's municipalities.
    public var exposedAreas: Set<String> {
        Set(
            areas.flatMap { id in
                Gazetteer.libya.area(id: id)?.kind == .district ? Array(Gazetteer.libya.areaIDs(inDistrict: id)) : [id]
            })
    }

    /// An incident of this hazard in an area it exposes is one it produced.
    public func produced(_ incident: Incident) -> Bool {
        incident.type == hazard && exposedAreas.contains(incident.area)
    }
    /// 1–25.
    public var score: Int { likelihood * impact }
    public var band: RiskBand { RiskBand(score: score) }
}

/// What `risk.updated` changes; nil leaves a field as it is.
public struct RiskChange: Equatable, Sendable {
    public var id: RecordID
    public var hazard: IncidentType?
    public var title: String?
    public var areas: [String]?
    public var likelihood: Int?
    public var impact: Int?
    public var owner: AgencyCode?
    public var mitigations: [String]?
    public var plan: String?
    public var resources: [String]?
    public var nextReview: CalendarDate?

    public init(
        id: RecordID, hazard: IncidentType? = nil, title: String? = nil, areas: [String]? = nil, likelihood: Int? = nil,
        impact: Int? = nil, owner: AgencyCode? = nil, mitigations: [String]? = nil, plan: String? = nil,
        resources: [String]? = nil,
        nextReview: CalendarDate? = nil
    ) {
        self.id = id
        self.hazard = hazard
        self.title = title
        self.areas = areas
        self.likelihood = likelihood
        self.impact = impact
        self.owner = owner
        self.mitigations = mitigations
        self.plan = plan
        self.resources = resources
        self.nextReview = nextReview
    }

    public var isEmpty: Bool { self == RiskChange(id: id) }

    func applied(to entry: inout RiskEntry) {
        if let hazard { entry.hazard = hazard }
        if let title { entry.title = title }
        if let areas { entry.areas = areas }
        if let likelihood { entry.likelihood = likelihood }
        if let impact { entry.impact = impact }
        if let owner { entry.owner = owner }
        if let mitigations { entry.mitigations = mitigations }
        if let plan { entry.plan = plan }
        if let resources { entry.resources = resources }
        if let nextReview { entry.nextReview = nextReview }
    }
}

/// A review of a risk by its owner: what was found, and when to look again.
public struct RiskReview: Equatable, Sendable {
    public var risk: RecordID
    public var note: String?
    public var next: CalendarDate?

    public init(risk: RecordID, note: String? = nil, next: CalendarDate? = nil) {
        self.risk = risk
        self.note = note
        self.next = next
    }
}

/// A risk as its events fold: the entry as last changed, and its reviews.
public struct Risk: Equatable, Sendable {
    public struct Reviewed: Equatable, Sendable {
        public var at: Timestamp
        public var agency: AgencyCode
        public var officer: String
        public var note: String?

        public init(at: Timestamp, agency: AgencyCode, officer: String, note: String?) {
            self.at = at
            self.agency = agency
            self.officer = officer
            self.note = note
        }
    }

    public var entry: RiskEntry
    public var registeredAt: Timestamp
    public var updatedAt: Timestamp
    /// Oldest first.
    public var reviews: [Reviewed]

    public init(entry: RiskEntry, registeredAt: Timestamp, updatedAt: Timestamp? = nil, reviews: [Reviewed] = []) {
        self.entry = entry
        self.registeredAt = registeredAt
        self.updatedAt = updatedAt ?? registeredAt
        self.reviews = reviews
    }

    public var id: RecordID { entry.id }

    /// Its review date has passed.
    public func reviewOverdue(today: CalendarDate) -> Bool { entry.nextReview.map { $0 < today } ?? false }
}

extension Fold {
    /// A risk from its registration, changes (last-writer-wins field by field) and reviews (a
    /// review's next date moves the review date).
    public static func risk(_ events: [Event]) -> Risk? {
        let events = ordered(events)
        guard let registered = events.first(where: { $0.type == .riskRegistered }),
            case .riskRegistered(let entry) = registered.payload
        else { return nil }
        var risk = Risk(entry: entry, registeredAt: registered.at)
        for event in events {
            switch event.payload {
            case .riskUpdated(let change):
                change.applied(to: &risk.entry)
            case .riskReviewed(let review):
                risk.reviews.append(
                    Risk.Reviewed(at: event.at, agency: event.agency, officer: event.officer, note: review.note))
                if let next = review.next { risk.entry.nextReview = next }
            default:
                continue
            }
            risk.updatedAt = max(risk.updatedAt, event.at)
        }
        return risk
    }
}
