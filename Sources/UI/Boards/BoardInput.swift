import QanatCore

/// What a board draws from: its rows and how to show them, nothing else of the desk. The desk
/// and the wall each make one; the wall has no agency and no selection.
struct BoardInput {
    var data: DeskData
    var localizer: Localizer
    var now: Timestamp
    var height: Int
    /// The highlighted row, and the row kept in view.
    var selected: Int?
    var scrollTo: Int
    var mark: SelectionMark
    /// The desk's agency, whose owed acknowledgements are marked; nil on the wall.
    var agency: AgencyCode?
    var unitGrouping: UnitGrouping = .status
    var logFiltering = false
    /// The incident board's filter is set: an empty board says nothing matched, not that nothing is open.
    var incidentFiltering = false
    /// Enter on the map listed this board's incidents: empty, it says the place has none open.
    var listedFromMap = false
    /// The coverage board's selected sector, in the selected row.
    var selectedSector: Sector?
    /// The risk matrix's selected likelihood, in the selected row.
    var selectedRiskLikelihood: Int?
    var mapLayer: MapLayer = .incidents
    var mapDistrict: String?
    /// The map's selected place; nil on the wall, whose panel counts Libya whole.
    var mapArea: String?
    /// Rows the map is drawn for, header included, whether or not an alert's banner takes the last:
    /// a banner coming or going then covers a row instead of redrawing the whole map.
    var mapHeight: Int?
    /// The store could not be read (the status bar says why): the map says so rather than "reading".
    var storeUnreadable = false
    /// Empty map cells as the blank Braille pattern, for a terminal that does its own bidi.
    var blankBraille = false

    /// Whether this desk's agency still owes the message an acknowledgement (never on the wall).
    func awaitsOurAcknowledgement(_ record: MessageRecord) -> Bool {
        record.awaits(agency, among: data.agencies)
    }
}

extension MessageRecord {
    /// Whether this agency still owes the message an acknowledgement; no agency owes none.
    func awaits(_ agency: AgencyCode?, among agencies: [AgencyCode]) -> Bool {
        guard let agency else { return false }
        return awaitingAcknowledgement(from: agencies).contains(agency)
    }
}

extension DeskState {
    /// The board's input as this desk shows it: its selection, its agency.
    var boardInput: BoardInput {
        BoardInput(
            data: data, localizer: localizer, now: now, height: boardHeight, selected: selectedIndex, scrollTo: viewRow,
            mark: selectionMark(.row), agency: agency, unitGrouping: unitGrouping, logFiltering: logQuery.isFiltering,
            incidentFiltering: incidentQuery.isFiltering, listedFromMap: mapReturn?.board == board,
            selectedSector: selection.cell?.sector,
            selectedRiskLikelihood: selection.riskCell?.likelihood, mapLayer: mapLayer, mapDistrict: mapDistrict,
            mapArea: MapPlaces.selected(selection.area, zoomedInto: mapDistrict)?.id, mapHeight: max(1, height - 2),
            storeUnreadable: { if case .offline = store { true } else { false } }(), blankBraille: bidi == .terminal)
    }
}
