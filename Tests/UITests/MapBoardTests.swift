import Foundation
import QanatCore
import XCTest

@testable import QanatUI

/// The map board: each layer in both languages at 80×24 and 160×48, with styles; the cursor,
/// zoom and Enter; and that the map itself never mirrors.
final class MapBoardTests: XCTestCase {
    static let sizes = [(80, 24), (160, 48)]

    static func map(width: Int, height: Int, language: Language, layer: Character? = nil) -> DeskState {
        var state = SampleDesk.state(width: width, height: height, language: language)
        _ = state.handle(.function(8))
        if let layer { _ = state.handle(.character(layer)) }
        return state
    }

    func assertMapSnapshot(
        _ name: String, file: StaticString = #filePath, line: UInt = #line, _ make: (Int, Int, Language) -> DeskState
    ) {
        for language in Language.allCases {
            assertFrameSnapshot(language == .ar ? name + "-ar" : name, sizes: Self.sizes, file: file, line: line) {
                DeskView.render(make($0, $1, language))
            }
        }
    }

    func testEachLayer() {
        for (name, key) in [("incidents", "i"), ("units", "u"), ("coverage", "c"), ("risks", "r")]
            as [(String, Character)]
        {
            assertMapSnapshot("map-\(name)") { w, h, language in
                var state = Self.map(width: w, height: h, language: language, layer: key)
                // Derna, where the sample's flood is.
                state.selection.area = "district.derna"
                return state
            }
        }
    }

    func testZoomedIntoADistrict() {
        assertMapSnapshot("map-derna") { w, h, language in
            var state = Self.map(width: w, height: h, language: language)
            state.selection.area = "district.derna"
            _ = state.handle(.character("+"))
            return state
        }
    }

    /// The map's columns: where the projection's cells are on the screen, in either language.
    static func mapLeft(_ state: DeskState) -> Int {
        let width = MapBoard.projection(state.boardInput, width: state.width).columns
        return state.textLayout.mirrored ? state.width - width : 0
    }

    /// Derna's flood lands in the cell the projection gives for Derna's centre, east of Benghazi's
    /// mark; in Arabic the panel moves left but the map is the same, cell for cell: east stays right.
    func testTheMarksLandWhereTheProjectionSaysAndTheMapDoesNotMirror() throws {
        var maps: [[String]] = []
        for language in Language.allCases {
            var state = Self.map(width: 80, height: 24, language: language)
            state.selection.area = "district.tripoli"
            let frame = DeskView.render(state)
            let projection = MapBoard.projection(state.boardInput, width: state.width)
            let left = Self.mapLeft(state)
            let derna = try XCTUnwrap(projection.cell(of: XCTUnwrap(Gazetteer.libya.area(id: "derna"))))
            let benghazi = try XCTUnwrap(projection.cell(of: XCTUnwrap(Gazetteer.libya.area(id: "benghazi"))))
            XCTAssertEqual(frame[left + derna.column, 2 + derna.row].text, "◆", "Derna's extreme flood, \(language)")
            XCTAssertEqual(frame[left + derna.column, 2 + derna.row].role, .severityExtreme)
            XCTAssertEqual(frame[left + benghazi.column, 2 + benghazi.row].text, "▲", "Benghazi's severe incident")
            XCTAssertGreaterThan(derna.column, benghazi.column)
            maps.append(
                (2..<(2 + projection.rows)).map { y in
                    (left..<(left + projection.columns)).map { frame[$0, y].text }.joined()
                })
            if language == .ar { XCTAssertGreaterThan(left, 0, "in Arabic the map is on the right, the panel left") }
        }
        // Labels differ by language; every Braille cell and mark is where it was.
        let marks = maps.map { rows in
            rows.map {
                String(
                    $0.unicodeScalars.filter {
                        (0x2800...0x28FF).contains($0.value) || "◆▲●○".unicodeScalars.contains($0)
                    })
            }
        }
        XCTAssertEqual(marks[0].count, marks[1].count)
        XCTAssertEqual(
            maps[0].map { $0.filter { "◆▲●○".contains($0) } }, maps[1].map { $0.filter { "◆▲●○".contains($0) } })
        _ = marks
    }

    /// A terminal doing its own bidi reverses a row whose first strong character is Arabic: every
    /// row of the map starts with a Braille pattern (strong left to right) and no cell of it is a
    /// space, so the rows keep their order.
    func testWithTheTerminalsBidiEmptyCellsAreBlankBraille() {
        var state = Self.map(width: 80, height: 24, language: .ar)
        state.bidi = .terminal
        let frame = DeskView.render(state)
        let projection = MapBoard.projection(state.boardInput, width: state.width)
        XCTAssertEqual(Self.mapLeft(state), 0, "logical order: the terminal places the map")
        for row in 0..<projection.rows {
            let first = frame[0, 2 + row].text.unicodeScalars.first?.value ?? 0
            XCTAssertTrue((0x2800...0x28FF).contains(first), "row \(row) starts with a Braille cell")
            // A space is only a label's own, between two of its words.
            func braille(_ column: Int) -> Bool {
                let scalar = frame[column, 2 + row].text.unicodeScalars.first?.value ?? 0
                return (0x2800...0x28FF).contains(scalar)
            }
            for column in 1..<(projection.columns - 1) where frame[column, 2 + row].text == " " {
                XCTAssertFalse(
                    braille(column - 1) || braille(column + 1), "row \(row) column \(column) is a blank space")
            }
        }
        // Qanat's own drawing keeps spaces.
        XCTAssertEqual(DeskView.render(Self.map(width: 80, height: 24, language: .en))[1, 20].text, " ")
    }

    /// The arrows go to the nearest district that way, the same way in Arabic; `+` zooms into the
    /// selected district (a municipality then selected), `-` and Esc come back to it.
    func testArrowsAndZoom() {
        for language in Language.allCases {
            var state = Self.map(width: 80, height: 24, language: language)
            XCTAssertEqual(state.selectedPlace?.id, "district.derna", "where it is worst: Derna's extreme flood")
            state.selection.area = "district.tripoli"
            _ = state.handle(.right)
            XCTAssertEqual(state.selectedPlace?.id, "district.murqub", "east is east in \(language)")
            _ = state.handle(.character("h"))
            XCTAssertEqual(state.selectedPlace?.id, "district.jafara", "nearer west of Murqub than Tripoli")
            _ = state.handle(.character("k"))
            XCTAssertEqual(state.selectedPlace?.id, "district.tripoli", "north of Jafara")
            _ = state.handle(.character("+"))
            XCTAssertEqual(state.mapDistrict, "district.tripoli")
            XCTAssertEqual(state.selectedPlace?.district, "district.tripoli", "a municipality of Tripoli")
            let zoomed = DeskView.render(state).text
            var tajoura = Frame(width: 20, height: 1, layout: state.textLayout)
            tajoura.put(language == .ar ? "تاجوراء" : "Tajoura", x: 0, y: 0)
            XCTAssertTrue(
                zoomed.contains(tajoura.lines[0].trimmingCharacters(in: .whitespaces)), "its municipalities named")
            _ = state.handle(.escape)
            XCTAssertNil(state.mapDistrict)
            XCTAssertEqual(state.selectedPlace?.id, "district.tripoli")
            _ = state.handle(.character("+"))
            _ = state.handle(.character("-"))
            XCTAssertNil(state.mapDistrict)
        }
    }

    /// Enter lists the place's incidents on their board, with its detail and actions; Esc comes
    /// back to the map and the board's filter is as it was. In the coverage layer: its cells.
    func testEnterListsThePlacesIncidentsAndEscComesBack() throws {
        var state = Self.map(width: 80, height: 24, language: .en)
        state.incidentQuery.order = .newest
        state.selection.area = "district.derna"
        XCTAssertEqual(state.handle(.enter), .reload(.incidents))
        XCTAssertEqual(state.board, .incidents)
        XCTAssertEqual(state.incidentQuery.area, "district.derna")
        XCTAssertEqual(state.incidentQuery.order, .newest, "the officer's order is kept")
        // Its filter form names the district, and reads back to it.
        _ = state.handle(.character("f"))
        XCTAssertEqual(state.form?.value("area"), "Derna District")
        XCTAssertEqual(try state.form.map(Forms.query(from:))?.area, "district.derna")
        _ = state.handle(.escape)
        state.width = 160
        XCTAssertTrue(
            DeskView.render(state).lines[0].contains("[filtered · newest first · Derna]"), "the tab bar names the area")
        state.width = 80
        // A place with nothing open says so, not that a filter the officer never set matched nothing.
        let listed = state.data.incidents
        state.data.incidents = []
        XCTAssertTrue(DeskView.render(state).text.contains("No open incident in this place (Esc: back to the map)."))
        // Its detail opens and closes as anywhere; then Esc is back on the map.
        state.data.incidents = listed.filter { $0.incident.area == "derna" }
        state.settleSelection()
        XCTAssertEqual(state.handle(.enter), .loadDetail)
        _ = state.handle(.escape)
        XCTAssertEqual(state.board, .incidents, "the first Esc closes the detail")
        XCTAssertEqual(state.handle(.escape), .reload(.incidents))
        XCTAssertEqual(state.board, .map)
        XCTAssertEqual(state.incidentQuery, IncidentQuery(order: .newest))
        XCTAssertEqual(state.selectedPlace?.id, "district.derna")

        _ = state.handle(.character("c"))
        _ = state.handle(.character("+"))
        XCTAssertEqual(state.selectedPlace?.id, "derna")
        XCTAssertEqual(state.handle(.enter), .reload(.coordination))
        XCTAssertEqual(state.board, .coverage)
        XCTAssertEqual(state.coverageFilter.district, "district.derna")
        XCTAssertEqual(state.selection.cell?.area, "derna")
        XCTAssertEqual(state.handle(.escape), .reload(.coordination))
        XCTAssertEqual(state.board, .map)
        XCTAssertEqual(state.coverageFilter, CoverageFilter())
        XCTAssertEqual(state.mapDistrict, "district.derna", "still zoomed where the officer was")

        // Left by another board's key, the board's own filter is put back as well, and read again;
        // Esc there then does not jump.
        state.incidentQuery.minimumSeverity = .severe
        _ = state.handle(.character("i"))
        _ = state.handle(.enter)
        XCTAssertEqual(state.incidentQuery.area, "derna")
        _ = state.takeStaleWindows()
        _ = state.handle(.function(3))
        XCTAssertEqual(state.takeStaleWindows(), .incidents)
        _ = state.handle(.function(2))
        XCTAssertEqual(state.incidentQuery, IncidentQuery(minimumSeverity: .severe, order: .newest))
        _ = state.handle(.escape)
        XCTAssertEqual(state.board, .incidents)
    }

    /// `o` on the map opens an incident in the selected place.
    func testOpeningAnIncidentOnTheMapTakesTheSelectedPlace() {
        for language in Language.allCases {
            var state = Self.map(width: 80, height: 24, language: language)
            _ = state.handle(.character("+"))
            _ = state.handle(.character("o"))
            XCTAssertEqual(state.form?.purpose, .openIncident)
            XCTAssertEqual(state.form?.value("area"), language == .ar ? "درنة" : "Derna")
        }
        var elsewhere = SampleDesk.state(width: 80, height: 24)
        _ = elsewhere.handle(.character("o"))
        XCTAssertEqual(elsewhere.form?.value("area"), "", "on another board the area is the officer's to type")
    }

    /// A draft kept with Esc comes back with `o`, in the place now selected on the map; a draft
    /// emptied and left with Esc is gone.
    func testADraftOpenedOnTheMapTakesThePlaceAndAnEmptiedOneIsGone() throws {
        var state = Self.map(width: 80, height: 24, language: .en)
        _ = state.handle(.character("o"))
        state.form?.focus = 3
        for c in "Underpass flooded" { _ = state.handle(.character(c)) }
        _ = state.handle(.escape)
        XCTAssertEqual(state.keptDrafts["incident"]?["title"], "Underpass flooded")
        let first = state.selectedPlace
        _ = state.handle(.left)
        let place = try XCTUnwrap(state.selectedPlace)
        XCTAssertNotEqual(place, first)
        _ = state.handle(.character("o"))
        XCTAssertEqual(state.form?.value("title"), "Underpass flooded", "the draft")
        XCTAssertEqual(state.form?.value("area"), place.name(in: .en), "in the place chosen on the map")

        for name in ["area", "title"] {
            let field = try XCTUnwrap(state.form?.fields.firstIndex { $0.name == name })
            state.form?.focus = field
            _ = state.handle(.character("\u{0B}"))
            _ = state.handle(.character("\u{15}"))
        }
        _ = state.handle(.escape)
        XCTAssertNil(state.keptDrafts["incident"], "an emptied draft is not kept")
        _ = state.handle(.function(2))
        _ = state.handle(.character("o"))
        XCTAssertEqual([state.form?.value("title"), state.form?.value("area")], ["", ""])
    }

    /// The help lists the map's keys on the map; the palette offers its layers from anywhere.
    func testTheHelpAndThePaletteKnowTheMap() throws {
        let shown = KeyBindings.shown(on: .map).map(\.text)
        for text in [
            UIText.map(.keyMove), .map(.keyList), .map(.keyZoom), .map(.keyIncidents), .map(.keyUnits),
            .map(.keyCoverage), .map(.keyRisks),
        ] {
            XCTAssertTrue(shown.contains(text), "\(text)")
        }
        XCTAssertFalse(shown.contains(.keyMove), "up and down move on the map, not down a list")
        var state = SampleDesk.state(width: 80, height: 24)
        _ = state.handle(.character(":"))
        for key in "risks" { _ = state.handle(.character(key)) }
        let index = state.picker?.entries.firstIndex { $0.label == UIText.map(.keyRisks).translations.en }
        for _ in 0..<(try XCTUnwrap(index)) { _ = state.handle(.down) }
        _ = state.handle(.enter)
        XCTAssertEqual(state.board, .map)
        XCTAssertEqual(state.mapLayer, .risks)
        XCTAssertEqual(state.handle(.character("7")), nil)
        XCTAssertEqual(state.board, .map)
    }

    /// An alert's banner covers the map's last row; the map is not drawn again at another scale.
    func testAnAlertsBannerCoversARowAndMovesNothing() {
        var state = Self.map(width: 80, height: 24, language: .en)
        let before = DeskView.render(state)
        state.alerts = [
            DeskAlert(
                subject: .incident(SampleDesk.ref(1)), at: SampleDesk.now,
                headline: .incident(.extreme, SampleDesk.ref(1), title: "flood"))
        ]
        let after = DeskView.render(state)
        let projection = MapBoard.projection(state.boardInput, width: state.width)
        XCTAssertEqual(
            projection, MapBoard.projection(Self.map(width: 80, height: 24, language: .en).boardInput, width: 80))
        for y in 2..<(24 - 2) {
            for x in 0..<projection.columns { XCTAssertEqual(after[x, y], before[x, y], "cell \(x), \(y)") }
        }
    }

    /// With the terminal's own bidi, an Arabic name never touches a mark, a count, another name or
    /// the panel: a Braille cell (strong left to right) stands between, so the terminal's reordering
    /// of the name's run moves nothing else.
    func testWithTheTerminalsBidiNamesAreRunsOfTheirOwn() {
        for layer in ["i", "u", "c", "r"] as [Character] {
            var state = Self.map(width: 80, height: 24, language: .ar, layer: layer)
            state.bidi = .terminal
            let frame = DeskView.render(state)
            let projection = MapBoard.projection(state.boardInput, width: state.width)
            for row in 0..<projection.rows {
                // The row up to the panel, cut at every Braille cell.
                var segment = ""
                for column in 0...(projection.columns + 1) {
                    let text = frame[column, 2 + row].text
                    let braille = text.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } ?? false
                    if braille || column == projection.columns + 1 {
                        XCTAssertTrue(braille, "row \(row): a Braille cell before the panel")
                        let arabic = segment.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) }
                        let other = segment.unicodeScalars.contains { "◆▲●○■!+0123456789".unicodeScalars.contains($0) }
                        XCTAssertFalse(
                            arabic && other, "layer \(layer) row \(row): '\(segment)' runs a name into a mark")
                        segment = ""
                    } else {
                        segment += text
                    }
                }
            }
        }
    }

    /// Zoomed into a district, what is recorded for the district as a whole is not drawn on the town
    /// at its centre (whose Enter would not list it): the panel says it.
    func testZoomedTheDistrictsOwnIncidentsAreSaidNotDrawn() {
        var state = Self.map(width: 80, height: 24, language: .en)
        state.data.areaTallies = AreaTallies(openIncidents: ["district.kufra": [.severe: 1]], unitsCommitted: [:])
        state.selection.area = "district.kufra"
        XCTAssertTrue(DeskView.render(state).text.contains("▲1"), "in Libya, on the district")
        _ = state.handle(.character("+"))
        let zoomed = DeskView.render(state).text
        XCTAssertFalse(zoomed.contains("▲1"), zoomed)
        XCTAssertTrue(zoomed.contains("+ district-wide: 1"), zoomed)
    }

    /// A planted store's incident in an area the gazetteer does not know is said, not silently left off.
    func testIncidentsInNoKnownAreaAreSaid() {
        var state = Self.map(width: 80, height: 24, language: .en)
        state.data.areaTallies = AreaTallies(
            openIncidents: ["atlantis": [.extreme: 2], "derna": [.minor: 1]], unitsCommitted: [:])
        XCTAssertTrue(DeskView.render(state).text.contains("⚠ open, in no known area: 2"))
    }

    /// Counts the store could not give are said to be unreadable, not "reading".
    func testUnreadableCountsAreNotShownAsReading() {
        var state = Self.map(width: 80, height: 24, language: .en)
        state.data.areaTallies = nil
        XCTAssertTrue(DeskView.render(state).text.contains("reading the map's counts"))
        state.store = .offline(reason: "severity: 'catastrophic' is not one of")
        XCTAssertTrue(DeskView.render(state).text.contains("the map's counts could not be read"))
    }
}
