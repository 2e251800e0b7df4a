public enum CoverageFlag: String, NamedValue, Comparable {
    case duplicated, gap, delayed

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// One area × sector of the coverage board.
public struct CoverageCell: Equatable, Sendable {
    public struct Key: Hashable, Comparable, Sendable {
        /// A gazetteer id.
        public var area: String
        public var sector: Sector

        public init(area: String, sector: Sector) {
            self.area = area
            self.sector = sector
        }

        public static func < (a: Key, b: Key) -> Bool { a.area != b.area ? a.area < b.area : a.sector < b.sector }
    }

    /// What the open needs ask and their coverage gives, in one unit of measure.
    public struct Total: Equatable, Sendable {
        public var unit: String
        public var needed: Int
        public var covered: Int
    }

    public var key: Key
    /// The quantities of the open needs, and of their coverage: sums that mean something only
    /// when the needs share one unit (`totals` keeps them apart).
    public var needed: Int
    public var covered: Int
    /// The units of measure of the open needs (their quantities add up only when there is one).
    public var units: [String]
    /// Needed and covered, unit by unit.
    public var totals: [Total]
    /// How much of the open needs is covered, 1.0 being all: their covered share averaged, so that
    /// tents and blankets are not added up; nil with no open need.
    public var share: Double?
    /// Organisations with an active activity here, or a pledge not withdrawn on a need here.
    public var organisations: [AgencyCode]
    public var flags: Set<CoverageFlag>
    /// The organisations whose overlapping activities make it duplicated.
    public var duplicatedBy: [AgencyCode]
    public var openNeeds: Int
    public var activeActivities: Int

    public var sortedFlags: [CoverageFlag] { flags.sorted() }
}

/// The coordination's rules over folded needs, activities and pledges: coverage, and the
/// duplicated effort, gaps and delays between organisations. Pure functions of their input
/// (time is given): the same records in any order give the same cells.
public struct CoverageRules: Sendable {
    /// Libya's day today.
    public var today: CalendarDate
    /// An open need older than this, still not covered, is a gap.
    public var gapDays: Int

    public static let defaultGapDays = 7

    public init(today: CalendarDate, gapDays: Int = CoverageRules.defaultGapDays) {
        self.today = today
        self.gapDays = gapDays
    }

    /// The quantities of a need's pledges that are delivering or delivered.
    public static func coverage(of need: RecordID, among pledges: [Pledge]) -> Int {
        pledges.lazy.filter { $0.made.need == need && $0.status.covers }.reduce(0) { $0 + $1.made.quantity }
    }

    /// Every area × sector with a need or an activity, in order of area then sector.
    public func cells(needs: [Need], activities: [Activity], pledges: [Pledge]) -> [CoverageCell] {
        let needsByCell = Dictionary(grouping: needs, by: \.cell)
        let activitiesByCell = Dictionary(grouping: activities, by: \.cell)
        let pledgesByNeed = Dictionary(grouping: pledges, by: \.made.need)
        let keys = Set(needsByCell.keys).union(activitiesByCell.keys)
        return keys.sorted().map { key in
            cell(
                key, needs: needsByCell[key] ?? [], activities: activitiesByCell[key] ?? [],
                pledgesByNeed: pledgesByNeed)
        }
    }

    /// One cell, from the needs and activities in it and the pledges on those needs.
    public func cell(
        _ key: CoverageCell.Key, needs: [Need], activities: [Activity], pledgesByNeed: [RecordID: [Pledge]]
    ) -> CoverageCell {
        let open = needs.filter(\.status.isOpen)
        let active = activities.filter(\.status.isActive)
        let pledges = needs.flatMap { pledgesByNeed[$0.id] ?? [] }
        var flags: Set<CoverageFlag> = []
        let overlapping = Self.overlappingDoers(active)
        if !overlapping.isEmpty, open.isEmpty || open.contains(where: { overCovered($0, pledgesByNeed[$0.id] ?? []) }) {
            flags.insert(.duplicated)
        }
        if open.contains(where: { isGap($0, active: active, pledges: pledgesByNeed[$0.id] ?? []) }) {
            flags.insert(.gap)
        }
        if activities.contains(where: isDelayed) { flags.insert(.delayed) }
        let present = Set(active.map(\.registration.doer)).union(
            pledges.filter { $0.status != .withdrawn }.map(\.made.organisation))
        let covered = open.map { Self.coverage(of: $0.id, among: pledgesByNeed[$0.id] ?? []) }
        let totals = Dictionary(grouping: zip(open, covered), by: { $0.0.report.unit }).map { unit, pairs in
            CoverageCell.Total(
                unit: unit, needed: pairs.reduce(0) { $0 + $1.0.report.quantity },
                covered: pairs.reduce(0) { $0 + $1.1 })
        }.sorted { $0.unit < $1.unit }
        let share =
            totals.count == 1
            ? Double(totals[0].covered) / Double(max(1, totals[0].needed))
            // Each need counts up to fully covered: one over-pledged need must not hide another short.
            : open.isEmpty
                ? nil
                : zip(open, covered).reduce(0.0) { $0 + min(1, Double($1.1) / Double(max(1, $1.0.report.quantity))) }
                    / Double(open.count)
        return CoverageCell(
            key: key,
            needed: open.reduce(0) { $0 + $1.report.quantity },
            covered: covered.reduce(0, +),
            units: totals.map(\.unit),
            totals: totals, share: share,
            organisations: present.sorted(),
            flags: flags,
            duplicatedBy: flags.contains(.duplicated) ? overlapping.sorted() : [],
            openNeeds: open.count, activeActivities: active.count)
    }

    /// Planned after its start date, or ongoing after its end date.
    public func isDelayed(_ activity: Activity) -> Bool {
        switch activity.status {
        case .planned: today > activity.registration.start
        case .ongoing: today > activity.registration.end
        case .finished, .cancelled: false
        }
    }

    /// An open need that nothing answers (no active activity names it, no pledge stands), or one
    /// older than `gapDays` whose coverage is still below its quantity.
    func isGap(_ need: Need, active: [Activity], pledges: [Pledge]) -> Bool {
        guard need.status.isOpen else { return false }
        let answered = active.contains { $0.registration.needs.contains(need.id) }
        let pledged = pledges.contains { $0.status != .withdrawn }
        if !answered, !pledged { return true }
        let age = need.reportedDay.days(until: today)
        return age > gapDays && Self.coverage(of: need.id, among: pledges) < need.report.quantity
    }

    /// Covered beyond its quantity by two or more organisations.
    func overCovered(_ need: Need, _ pledges: [Pledge]) -> Bool {
        let covering = pledges.filter(\.status.covers)
        return Self.coverage(of: need.id, among: covering) > need.report.quantity
            && Set(covering.map(\.made.organisation)).count >= 2
    }

    /// The organisations with an active activity whose dates overlap an active activity of
    /// another organisation's in the same cell.
    static func overlappingDoers(_ active: [Activity]) -> Set<AgencyCode> {
        // Who and when only: the pairs are many in a busy cell, and an activity is a large value to copy.
        let spans = active.map { (doer: $0.registration.doer, dates: $0.dates) }
        var doers: Set<AgencyCode> = []
        for (index, a) in spans.enumerated() {
            for b in spans[(index + 1)...] where a.doer != b.doer && overlap(a.dates, b.dates) {
                doers.insert(a.doer)
                doers.insert(b.doer)
            }
        }
        return doers
    }

    /// The other organisations, if registering `activity` would leave its cell duplicated with
    /// it among the overlapping: what the form and the command line warn of before saving.
    public func duplicationWarning(
        for activity: ActivityRegistration, registeredAt: Timestamp,
        needs: [Need], activities: [Activity], pledges: [Pledge]
    ) -> [AgencyCode] {
        let proposed = Activity(registration: activity, registeredAt: registeredAt)
        let key = proposed.cell
        let inCell = activities.filter { $0.cell == key && $0.id != activity.id } + [proposed]
        let cell = cell(
            key, needs: needs.filter { $0.cell == key }, activities: inCell,
            pledgesByNeed: Dictionary(grouping: pledges, by: \.made.need))
        guard cell.flags.contains(.duplicated), activity.status.isActive else { return [] }
        let others = inCell.filter {
            $0.status.isActive && $0.registration.doer != activity.doer && overlap($0.dates, proposed.dates)
        }
        return Set(others.map(\.registration.doer)).sorted()
    }
}
