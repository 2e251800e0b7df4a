import QanatCore

/// Which areas, sector and kind of organisation the coverage board shows.
public struct CoverageFilter: Equatable, Sendable {
    /// A district's gazetteer id.
    public var district: String?
    public var sector: Sector?
    /// Only cells where an organisation of this kind is present.
    public var kind: OrganisationKind?

    public init(district: String? = nil, sector: Sector? = nil, kind: OrganisationKind? = nil) {
        self.district = district
        self.sector = sector
        self.kind = kind
    }

    public var isFiltering: Bool { self != CoverageFilter() }

    /// What the store is asked for; the kind is applied to the cells it gives (`keeping`).
    public var query: CoordinationQuery {
        CoordinationQuery(areas: district.map { Gazetteer.libya.areaIDs(inDistrict: $0) }, sector: sector)
    }

    /// The cells this filter keeps, knowing each organisation's kind.
    public func keeping(_ cells: [CoverageCell], kinds: [AgencyCode: OrganisationKind]) -> [CoverageCell] {
        guard let kind else { return cells }
        return cells.filter { $0.organisations.contains { kinds[$0] == kind } }
    }
}

/// What the detail of a coverage cell shows: its records and the organisations present.
public struct CoverageDetail: Equatable, Sendable {
    public var key: CoverageCell.Key
    public var needs: [Need]
    public var activities: [Activity]
    public var pledges: [Pledge]
    /// The organisations with an activity or a pledge here, with their focal points.
    public var organisations: [Organisation]

    public init(
        key: CoverageCell.Key, needs: [Need], activities: [Activity], pledges: [Pledge], organisations: [Organisation]
    ) {
        self.key = key
        self.needs = needs
        self.activities = activities
        self.pledges = pledges
        self.organisations = organisations
    }
}

/// The coverage board: areas down, sectors across, grouped under their districts. A cell shows
/// its flags as letters (readable without colour), then coverage against need, then the number
/// of organisations present, as far as its width allows.
enum CoverageBoard {
    /// A district's heading, or an area's row of cells.
    enum Row: Equatable {
        case district(String)
        case area(String, [Sector: CoverageCell])

        var area: String? {
            if case .area(let id, _) = self { return id }
            return nil
        }
    }

    /// Rows in the gazetteer's order: each district, then its areas.
    static func rows(_ cells: [CoverageCell]) -> [Row] {
        let order = Dictionary(Gazetteer.libya.areas.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byArea = Dictionary(grouping: cells, by: \.key.area)
        let byDistrict = Dictionary(grouping: byArea.keys) { Gazetteer.libya.district(of: $0)?.id ?? "" }
        var rows: [Row] = []
        for district in byDistrict.keys.sorted(by: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }) {
            rows.append(.district(district))
            for area in (byDistrict[district] ?? []).sorted(by: { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }) {
                rows.append(
                    .area(
                        area,
                        Dictionary((byArea[area] ?? []).map { ($0.key.sector, $0) }, uniquingKeysWith: { a, _ in a })))
            }
        }
        return rows
    }

    static func areaWidth(_ width: Int) -> Int { width >= 120 ? 22 : 14 }

    static func cellWidth(_ width: Int) -> Int { max(3, (width - areaWidth(width) - 1) / Sector.allCases.count) }

    static func letter(_ flag: CoverageFlag, _ l: Localizer) -> String { l(flag.letter) }

    /// The flags, most urgent first: a gap before a duplication before a delay.
    static let urgency: [CoverageFlag] = [.gap, .duplicated, .delayed]

    static func worst(_ flags: Set<CoverageFlag>) -> CoverageFlag? { urgency.first { flags.contains($0) } }

    static func role(_ flag: CoverageFlag) -> StyleRole {
        switch flag {
        case .gap: .timerAlarm
        case .duplicated: .timerWarning
        case .delayed: .priorityImmediate
        }
    }

    static func role(_ cell: CoverageCell) -> StyleRole { worst(cell.flags).map(role) ?? .normal }

    /// The flags' letters, and the figures: apart, so that each keeps its own direction (an Arabic
    /// letter would otherwise turn `0%` round).
    static func parts(_ cell: CoverageCell, width: Int, _ l: Localizer) -> (flags: String, figures: String) {
        let flags = cell.sortedFlags.map { letter($0, l) }.joined()
        let coverage = cell.share.map { l.number(min(999, Int(($0 * 100).rounded(.down)))) + "%" } ?? "·"
        let withOrganisations = coverage + " " + l.number(cell.organisations.count)
        let room = width - 1 - (flags.isEmpty ? 0 : flags.count + 1)
        return (flags, withOrganisations.count <= room ? withOrganisations : coverage)
    }

    /// The sector's heading: its name where the column has room for it, else a short form.
    static func sectorTitle(_ sector: Sector, width: Int, _ l: Localizer) -> String {
        let long = l(sector.heading.long)
        return long.count <= width ? long : l(sector.heading.short)
    }

    static func draw(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let l = state.localizer
        let rows = state.data.coverageRows
        guard !rows.isEmpty else {
            frame.put(l(.noCoverage), x: 1, y: BoardLayout.firstRowY, role: .dim, limit: width - 1)
            return
        }
        let areaWidth = areaWidth(width)
        let cellWidth = cellWidth(width)
        let top = 1
        frame.fill(x: 0, y: top, width: width, role: .header)
        frame.put(field: l(.colArea), x: 0, y: top, width: areaWidth, role: .header)
        for (index, sector) in Sector.allCases.enumerated() {
            frame.put(
                field: sectorTitle(sector, width: cellWidth - 1, l), x: areaWidth + 1 + index * cellWidth, y: top,
                width: cellWidth - 1,
                role: .header)
        }
        let visible = max(0, state.height - 1)
        let offset = BoardLayout.scrollOffset(selected: state.scrollTo, visible: visible)
        for (line, index) in (offset..<min(rows.count, offset + visible)).enumerated() {
            let y = top + 1 + line
            switch rows[index] {
            case .district(let id):
                frame.fill(x: 0, y: y, width: width, role: .groupHeader)
                let name = Gazetteer.libya.area(id: id)?.name(in: l.language) ?? id
                frame.put("▸ " + name, x: 0, y: y, role: .groupHeader, limit: width)
            case .area(let area, let cells):
                let selectedRow = state.selected == index
                frame.put(field: areaName(area, l), x: 0, y: y, width: areaWidth, role: selectedRow ? .header : .normal)
                for (column, sector) in Sector.allCases.enumerated() {
                    let x = areaWidth + 1 + column * cellWidth
                    let chosen = selectedRow && state.selectedSector == sector && state.mark == .row
                    guard let cell = cells[sector] else {
                        frame.put(
                            field: chosen ? "·" : "", x: x, y: y, width: cellWidth - 1, role: chosen ? .selected : .dim)
                        continue
                    }
                    let (flags, figures) = parts(cell, width: cellWidth, l)
                    let cellRole = chosen ? StyleRole.selected : role(cell)
                    frame.fill(x: x, y: y, width: cellWidth - 1, role: cellRole)
                    let used =
                        flags.isEmpty ? 0 : frame.put(flags, x: x, y: y, role: cellRole, limit: cellWidth - 1) + 1
                    frame.put(figures, x: x + used, y: y, role: cellRole, limit: max(0, cellWidth - 1 - used))
                }
            }
        }
    }

    /// The wall's page: gaps, duplications and delays counted by district, most gaps first.
    static func drawDistrictCounts(_ state: BoardInput, into frame: inout Frame, width: Int) {
        let l = state.localizer
        let top = 1
        frame.fill(x: 0, y: top, width: width, role: .header)
        let nameWidth = max(12, width - 3 * 14 - 2)
        frame.put(field: l(.wallCoverageTitle), x: 1, y: top, width: nameWidth - 1, role: .header)
        for (index, flag) in CoverageFlag.allCases.enumerated() {
            frame.put(field: l(flag), x: nameWidth + index * 14, y: top, width: 13, role: .header, alignRight: true)
        }
        let counts = CoverageText.byDistrict(state.data.coverage).map { district, cells in
            (district, CoverageFlag.allCases.map { flag in cells.filter { $0.flags.contains(flag) }.count })
        }.sorted { ($0.1[1], $0.1[0]) > ($1.1[1], $1.1[0]) }
        guard !counts.isEmpty else {
            frame.put(l(.noCoverage), x: 1, y: top + 1, role: .dim, limit: width - 1)
            return
        }
        for (line, (district, figures)) in counts.prefix(max(0, state.height - 1)).enumerated() {
            let y = top + 1 + line
            let name = district.flatMap { Gazetteer.libya.area(id: $0)?.name(in: l.language) } ?? "—"
            frame.put(field: name, x: 1, y: y, width: nameWidth - 1)
            for (index, figure) in figures.enumerated() {
                let flag = CoverageFlag.allCases[index]
                let role: StyleRole = figure == 0 ? .dim : Self.role(flag)
                frame.put(
                    field: l.number(figure), x: nameWidth + index * 14, y: y, width: 13, role: role, alignRight: true)
            }
        }
    }
}
