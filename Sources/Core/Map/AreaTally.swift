/// What the map counts in an area: its open incidents by severity and the units committed to them.
public struct AreaTally: Equatable, Sendable {
    public var openIncidents: [Severity: Int]
    public var unitsCommitted: Int

    public init(openIncidents: [Severity: Int] = [:], unitsCommitted: Int = 0) {
        self.openIncidents = openIncidents
        self.unitsCommitted = unitsCommitted
    }

    public var incidentCount: Int { openIncidents.values.reduce(0, +) }

    /// The most severe of its open incidents.
    public var worst: Severity? { Severity.allCases.reversed().first { (openIncidents[$0] ?? 0) > 0 } }

    public static func + (a: AreaTally, b: AreaTally) -> AreaTally {
        AreaTally(
            openIncidents: a.openIncidents.merging(b.openIncidents, uniquingKeysWith: +),
            unitsCommitted: a.unitsCommitted + b.unitsCommitted)
    }
}

/// The map's counts for every area that has any, by gazetteer id.
public struct AreaTallies: Equatable, Sendable {
    public var byArea: [String: AreaTally]

    public init(byArea: [String: AreaTally] = [:]) { self.byArea = byArea }

    /// From the store's counts: open incidents by area and severity, units committed by area.
    public init(openIncidents: [String: [Severity: Int]], unitsCommitted: [String: Int]) {
        byArea = [:]
        replaceIncidents(in: Set(openIncidents.keys), with: openIncidents)
        replaceUnits(with: unitsCommitted)
    }

    public subscript(area: String) -> AreaTally { byArea[area] ?? AreaTally() }

    /// An area's own, or a district's with its municipalities'.
    public func total(of area: Area, in gazetteer: Gazetteer = .libya) -> AreaTally {
        guard area.kind == .district else { return self[area.id] }
        return gazetteer.areaIDs(inDistrict: area.id).reduce(AreaTally()) { $0 + self[$1] }
    }

    /// The incident counts of `areas` as read again, every other area's kept: the store read only
    /// the areas a change lies in.
    public mutating func replaceIncidents(in areas: Set<String>, with counts: [String: [Severity: Int]]) {
        for area in areas {
            var tally = self[area]
            tally.openIncidents = counts[area] ?? [:]
            byArea[area] = tally == AreaTally() ? nil : tally
        }
    }

    /// The units committed, read whole (a register holds thousands, not millions).
    public mutating func replaceUnits(with counts: [String: Int]) {
        for area in Set(byArea.keys).union(counts.keys) {
            var tally = self[area]
            tally.unitsCommitted = counts[area] ?? 0
            byArea[area] = tally == AreaTally() ? nil : tally
        }
    }
}
