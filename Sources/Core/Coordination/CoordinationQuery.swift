/// What a coordination list, report or board shows: needs and activities in some areas, one
/// sector, one organisation's; nil for "any".
public struct CoordinationQuery: Equatable, Sendable {
    /// Gazetteer ids; a district's query holds the district and each of its municipalities.
    public var areas: Set<String>?
    public var sector: Sector?
    /// An activity is an organisation's as funder or implementer; a need, as reporter.
    public var organisation: AgencyCode?
    /// Open needs only (reported, verified, partly met).
    public var openOnly: Bool

    public init(
        areas: Set<String>? = nil, sector: Sector? = nil, organisation: AgencyCode? = nil, openOnly: Bool = false
    ) {
        self.areas = areas
        self.sector = sector
        self.organisation = organisation
        self.openOnly = openOnly
    }

    public static let everything = CoordinationQuery()
}

/// The needs, activities and pledges that a coverage computation reads.
public struct CoordinationPicture: Equatable, Sendable {
    public var needs: [Need]
    public var activities: [Activity]
    public var pledges: [Pledge]

    public init(needs: [Need] = [], activities: [Activity] = [], pledges: [Pledge] = []) {
        self.needs = needs
        self.activities = activities
        self.pledges = pledges
    }

    public func cells(_ rules: CoverageRules) -> [CoverageCell] {
        rules.cells(needs: needs, activities: activities, pledges: pledges)
    }
}
