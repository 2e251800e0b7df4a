import QanatCore

/// Where Enter on the map went, and that board's filter and selection before, put back when it is left.
struct MapReturn: Equatable, Sendable {
    var board: Board
    var incidentQuery: IncidentQuery
    var incident: IncidentReference?
    var coverageFilter: CoverageFilter
    var cell: CoverageCell.Key?
}

extension DeskState {
    /// The map's selected place: the one chosen (where it is worst, until the officer moves), or,
    /// before the counts are read, the first of those shown.
    public var selectedPlace: Area? { MapPlaces.selected(selection.area, zoomedInto: mapDistrict) }

    /// The arrows on the map: to the nearest place that way, whatever the language.
    mutating func moveOnMap(_ direction: MapDirection) {
        guard let from = selectedPlace else { return }
        let places = MapPlaces.places(zoomedInto: mapDistrict)
        if let next = MapCursor.next(from: from, toward: direction, among: places) { selection.area = next.id }
    }

    /// `+`: into the selected district, its municipality nearest its centre selected; `-` (and
    /// Esc): back to Libya, the district selected.
    mutating func zoomMap(in zoomingIn: Bool) {
        if zoomingIn {
            guard mapDistrict == nil, let district = selectedPlace, district.kind == .district else { return }
            mapDistrict = district.id
            let places = MapPlaces.places(zoomedInto: district.id)
            selection.area =
                places.min { a, b in
                    distance(a, district) != distance(b, district)
                        ? distance(a, district) < distance(b, district) : a.id < b.id
                }?.id
        } else if let district = mapDistrict {
            mapDistrict = nil
            selection.area = district
        }
    }

    private func distance(_ a: Area, _ b: Area) -> Double {
        let east = (a.longitude - b.longitude) * MapProjection.longitudeScale
        let north = a.latitude - b.latitude
        return east * east + north * north
    }

    /// Enter on the map: the selected place's incidents on their board, with its detail and
    /// actions (in the coverage layer its district's cells, the place's first); Esc comes back, and
    /// leaving by any key puts that board's filter back (`leaveMapList`).
    mutating func listOnMap() -> DeskEffect? {
        guard let place = selectedPlace else {
            notice = localizer(.nothingSelected)
            return nil
        }
        let back = MapReturn(
            board: mapLayer == .coverage ? .coverage : .incidents, incidentQuery: incidentQuery,
            incident: selection.incident, coverageFilter: coverageFilter, cell: selection.cell)
        switchTo(back.board)
        mapReturn = back
        if back.board == .coverage {
            coverageFilter = CoverageFilter(district: Gazetteer.libya.district(of: place.id)?.id)
            let cells = data.coverage.filter { $0.key.area == place.id }
            let first = cells.first { !$0.flags.isEmpty } ?? cells.first
            selection.cell =
                place.kind == .municipality
                ? first?.key ?? CoverageCell.Key(area: place.id, sector: Sector.allCases[0]) : nil
            return .reload(.coordination)
        }
        var query = IncidentQuery(area: place.id)
        query.order = incidentQuery.order
        incidentQuery = query
        selection.incident = nil
        return .reload(.incidents)
    }

    /// Esc on the board Enter on the map listed, with no detail open there: back to the map.
    mutating func returnToMap() -> DeskEffect? {
        guard let back = mapReturn, board == back.board, !showingDetail else { return nil }
        switchTo(.map)
        return .reload(takeStaleWindows())
    }

    /// Leaving the board Enter on the map listed, by Esc or any other key: its filter and selection
    /// as they were before (the list was the map's, not a filter the officer set), read again.
    mutating func leaveMapList() {
        guard let back = mapReturn else { return }
        mapReturn = nil
        incidentQuery = back.incidentQuery
        selection.incident = back.incident
        coverageFilter = back.coverageFilter
        selection.cell = back.cell
        staleWindows.insert(back.board == .coverage ? .coordination : .incidents)
    }

    /// Windows a key left out of date (a filter put back), for the loop to read; emptied.
    public mutating func takeStaleWindows() -> DeskRefresh {
        defer { staleWindows = [] }
        return staleWindows
    }
}
