import XCTest

@testable import QanatCore

final class GazetteerTests: XCTestCase {
    func testHasAllDistrictsAndAtLeastSixtyMunicipalities() {
        let areas = Gazetteer.libya.areas
        XCTAssertEqual(areas.filter { $0.kind == .district }.count, 22)
        XCTAssertGreaterThanOrEqual(areas.filter { $0.kind == .municipality }.count, 60)
        XCTAssertEqual(Set(areas.map(\.id)).count, areas.count, "ids are unique")
        for area in areas where area.kind == .municipality {
            XCTAssertNotNil(area.district.flatMap { Gazetteer.libya.area(id: $0) }, "\(area.id) has a district")
            XCTAssertTrue((19.0...34.0).contains(area.latitude) && (9.0...26.0).contains(area.longitude), area.id)
        }
    }

    /// An area left empty is said to be empty, not looked for as a name ("no area named ''").
    func testAnEmptyAreaIsEmpty() {
        XCTAssertThrowsError(try Gazetteer.libya.resolve("  ", field: "area")) { error in
            XCTAssertEqual((error as? ValidationError)?.description, "area: must not be empty")
        }
    }

    func testResolvesOtherSpellingsAndScripts() throws {
        for name in ["Benghazi", "Bengasi", "بنغازي", "BENGHAZI", "banghazi"] {
            XCTAssertEqual(try Gazetteer.libya.resolve(name).id, "benghazi", name)
        }
        XCTAssertEqual(try Gazetteer.libya.resolve("Al Bayda").id, "al-bayda")
        XCTAssertEqual(try Gazetteer.libya.resolve("البيضاء").id, "al-bayda")
        XCTAssertEqual(try Gazetteer.libya.resolve("اجدابيا").id, "ajdabiya", "hamza folded")
        XCTAssertEqual(try Gazetteer.libya.resolve("district.derna").kind, .district)
    }

    func testNameKeyFoldsArabicVariants() {
        XCTAssertEqual(NameKey.fold("مَدِينَة"), NameKey.fold("مدينه"))
        XCTAssertEqual(NameKey.fold("إخلاء"), NameKey.fold("اخلاء"))
        XCTAssertEqual(NameKey.fold("مـصـراتـة"), NameKey.fold("مصراته"))
    }

    /// Libya's border from Natural Earth: its towns inside, its neighbours' outside, a point just
    /// off its coast inside (the margin), one well out at sea outside.
    func testTheOutlineHoldsLibyaAndNotItsNeighbours() {
        for area in Gazetteer.libya.areas {
            XCTAssertTrue(LibyaOutline.contains(latitude: area.latitude, longitude: area.longitude), area.id)
        }
        for (name, latitude, longitude) in [
            ("Tunis", 36.8, 10.18), ("Cairo", 30.04, 31.24), ("Valletta", 35.9, 14.51), ("Ndjamena", 12.11, 15.04),
            ("Djanet, Algeria", 24.55, 9.48), ("Salum, Egypt", 31.55, 25.16), ("Oklahoma City", 35.47, -97.52),
        ] {
            XCTAssertFalse(LibyaOutline.contains(latitude: latitude, longitude: longitude), name)
        }
        XCTAssertTrue(LibyaOutline.contains(latitude: 32.80, longitude: 22.64), "just off Derna")
        XCTAssertFalse(LibyaOutline.contains(latitude: 33.5, longitude: 18.0), "the Gulf of Sirte, far out")
    }
}
