import XCTest

@testable import QanatCore

/// The map's geography: where areas fall, how the cursor moves, what the map counts.
final class MapProjectionTests: XCTestCase {
    let gazetteer = Gazetteer.libya

    func area(_ id: String) throws -> Area { try XCTUnwrap(gazetteer.area(id: id), id) }

    /// Every centre the map places an area at lies in Libya, against Natural Earth's border as it
    /// comes (not the map's simplified drawing): inside it, or within 0.1° of it (a coastal town's
    /// centre may lie just offshore) and in no neighbour's land.
    func testEveryCentreLiesInLibya() {
        XCTAssertEqual(gazetteer.areas.count, 133)
        for area in gazetteer.areas {
            XCTAssertTrue(
                LibyaOutline.contains(latitude: area.latitude, longitude: area.longitude),
                "\(area.id) at \(area.latitude), \(area.longitude) is not in Libya")
        }
    }

    /// A degree of longitude is drawn cos 27° as long as a degree of latitude.
    func testLongitudesAreScaledByTheCosineOf27Degrees() {
        let projection = MapProjection(box: GeoBox(west: 10, south: 20, east: 20, north: 30), columns: 100, rows: 50)
        let origin = projection.dot(latitude: 25, longitude: 15)
        let north = projection.dot(latitude: 26, longitude: 15)
        let east = projection.dot(latitude: 25, longitude: 16)
        let degreeNorth = origin.y - north.y
        let degreeEast = east.x - origin.x
        XCTAssertEqual(degreeEast / degreeNorth, 0.891_006_5, accuracy: 0.000_001)
        XCTAssertEqual(north.x, origin.x, "north is straight up")
    }

    /// Derna's incident lands in the cell the projection gives for Derna's centre: east of
    /// Benghazi's, north of Kufra's, at every size the desk draws.
    func testDernaFallsEastOfBenghaziAndNorthOfKufra() throws {
        let derna = try area("derna")
        let benghazi = try area("benghazi")
        let kufra = try area("kufra")
        for (columns, rows) in [(43, 21), (92, 45), (20, 8)] {
            let projection = MapProjection(box: .libya, columns: columns, rows: rows)
            let d = try XCTUnwrap(projection.cell(of: derna))
            let b = try XCTUnwrap(projection.cell(of: benghazi))
            let k = try XCTUnwrap(projection.cell(of: kufra))
            XCTAssertGreaterThan(d.column, b.column, "Derna east of Benghazi at \(columns)×\(rows)")
            XCTAssertLessThan(d.row, k.row, "Derna north of Kufra at \(columns)×\(rows)")
        }
    }

    /// At the coarsest map the desk draws (80×24), the four cities an officer looks for first are
    /// four cells apart, and the coast is drawn: Libya's border crosses the top of the map.
    func testTheCoarseMapKeepsTheCitiesApartAndDrawsTheCoast() throws {
        let projection = MapProjection(box: .libya, columns: 43, rows: 21)
        let cells = try ["tripoli-centre", "benghazi", "sabha", "kufra"].map {
            try XCTUnwrap(projection.cell(of: area($0)))
        }
        XCTAssertEqual(Set(cells).count, 4)
        let dots = MapOutline.dots(projection)
        XCTAssertGreaterThan(dots.count, 250)
        XCTAssertTrue(dots.contains { $0.y < 8 }, "the Mediterranean coast at the top")
        XCTAssertTrue(dots.contains { $0.y > projection.dotsHigh - 8 }, "the border with Niger and Chad at the bottom")
    }

    /// Simplifying keeps both ends and stays within its tolerance of every point it drops.
    func testSimplifyingKeepsTheShapeWithinItsTolerance() {
        let points: [(x: Double, y: Double)] = (0...100).map { (Double($0), sin(Double($0) / 10) * 5) }
        let kept = MapOutline.simplified(points, tolerance: 0.5)
        XCTAssertLessThan(kept.count, points.count / 3)
        XCTAssertEqual(kept.first?.x, 0)
        XCTAssertEqual(kept.last?.x, 100)
        for point in points {
            let nearest =
                zip(kept, kept.dropFirst()).map { a, b -> Double in
                    let (dx, dy) = (b.x - a.x, b.y - a.y)
                    let t = max(0, min(1, ((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy)))
                    return
                        ((a.x + t * dx - point.x) * (a.x + t * dx - point.x) + (a.y + t * dy - point.y)
                            * (a.y + t * dy - point.y))
                        .squareRoot()
                }.min() ?? .infinity
            XCTAssertLessThanOrEqual(nearest, 0.5 + 1e-9)
        }
    }

    /// The cursor goes to the nearest place that way, and nowhere when there is none.
    func testTheCursorMovesToTheNearestPlaceThatWay() throws {
        let districts = gazetteer.districts
        XCTAssertEqual(districts.count, 22)
        func next(_ from: String, _ direction: MapDirection) throws -> String? {
            MapCursor.next(from: try area(from), toward: direction, among: districts)?.id
        }
        XCTAssertEqual(try next("district.benghazi", .east), "district.marj")
        XCTAssertEqual(try next("district.derna", .east), "district.butnan")
        XCTAssertEqual(try next("district.butnan", .east), nil, "nothing east of Tobruk's district")
        XCTAssertEqual(try next("district.kufra", .south), nil)
        XCTAssertEqual(try next("district.sabha", .south), "district.murzuq")
        XCTAssertEqual(try next("district.tripoli", .east), "district.murqub")
        // Every district reaches every other by the arrows.
        var reached: Set<String> = ["district.tripoli"]
        var frontier = ["district.tripoli"]
        while let id = frontier.popLast() {
            for direction in MapDirection.allCases {
                if let found = try next(id, direction), reached.insert(found).inserted { frontier.append(found) }
            }
        }
        XCTAssertEqual(reached, Set(districts.map(\.id)))
    }

    /// A district counts its own and its municipalities'; a change replaces only the areas read again.
    func testTalliesAddUpByDistrictAndChangeOnlyWhereRead() throws {
        var tallies = AreaTallies(
            openIncidents: [
                "derna": [.extreme: 1], "al-qubbah": [.minor: 2], "district.derna": [.moderate: 1],
                "sabha": [.severe: 3],
            ],
            unitsCommitted: ["derna": 2])
        let district = try area("district.derna")
        XCTAssertEqual(tallies.total(of: district).incidentCount, 4)
        XCTAssertEqual(tallies.total(of: district).worst, .extreme)
        XCTAssertEqual(tallies.total(of: district).unitsCommitted, 2)
        tallies.replaceIncidents(in: ["derna", "tobruk"], with: ["tobruk": [.minor: 1]])
        XCTAssertEqual(tallies["derna"].incidentCount, 0)
        XCTAssertEqual(tallies["derna"].unitsCommitted, 2, "units are kept")
        XCTAssertEqual(tallies["tobruk"].incidentCount, 1)
        XCTAssertEqual(tallies["sabha"].openIncidents, [.severe: 3], "an area not read again is kept")
        tallies.replaceUnits(with: [:])
        XCTAssertNil(tallies.byArea["derna"], "an area with nothing left is dropped")
    }
}
